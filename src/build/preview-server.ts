/**
 * A static host in miniature: serves a built site with the headers its `_headers` file names
 * (src/render/http-headers.ts), as Netlify or Cloudflare Pages would, and never the file itself.
 * Files are looked up on each request (sirv's dev mode), and the rules are read again when the
 * folder the site links to changes, so a new build is served as soon as it is published.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { paths } from '../core/routes.ts';
import { HEADERS_FILE } from './headers-file.ts';
import { fileOfUrl } from './verify-site.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../render/http-headers.ts';

export function createStaticSiteServer(dir: string): Server {
  const root = resolve(dir);
  /** The rules of the site being served now: read once per published build (dist is a link to it). */
  let loaded: { folder: string; rules: HeaderRule[] } | null = null;
  const rules = (): HeaderRule[] => {
    let folder = '';
    try {
      folder = realpathSync(root);
    } catch {
      return [];
    }
    if (loaded?.folder !== folder) {
      let text = '';
      try {
        text = readFileSync(join(folder, HEADERS_FILE), 'utf8');
      } catch {
        // A site without _headers (not built by npm run build): served without extra headers.
      }
      loaded = { folder, rules: parseHeadersFile(text) };
    }
    return loaded.rules;
  };
  const serve = sirv(root, {
    dev: true,
    etag: true,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headersFor(pathname, rules()))) res.setHeader(name, value);
    },
    onNoMatch: (req, res) => {
      // As a static host does: the site's own 404 page, with status 404.
      res.statusCode = 404;
      for (const [name, value] of Object.entries(headersFor(req.url ?? '/', rules())))
        if (name !== 'Content-Type') res.setHeader(name, value);
      let page: Buffer | null = null;
      try {
        page = readFileSync(join(root, fileOfUrl(paths.notFound)));
      } catch {
        // A site without one (not built by npm run build): a line of text.
      }
      res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
      res.end(page ?? 'Niet gevonden.\n');
    },
  });
  return createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] === `/${HEADERS_FILE}`) {
      res.statusCode = 404;
      res.end();
      return;
    }
    serve(req, res);
  });
}
