/**
 * npm run preview -- [--dir DIR] [--port N] [--host HOST]
 *
 * Serves a built site (default dist/) on http://localhost:4321/ with the headers a static host
 * sends from its `_headers` file (written by the build, src/render/http-headers.ts): the CSP with
 * frame-ancestors, nosniff, the content types of the feeds, calendars and CSV, caching of the
 * search index. Files are looked up on each request (sirv's dev mode), so a new build is served
 * as soon as it is published.
 */
import { createServer } from 'node:http';
import { readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/render/http-headers.ts';
import { HEADERS_FILE } from '../src/build/headers-file.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.ATLAS_OUT_DIR ?? 'dist' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
  },
});
const root = resolve(values.dir);

/** The rules of the site being served now: read once per published build (dist is a link to it). */
let loaded: { folder: string; rules: HeaderRule[] } | null = null;
function rules(): HeaderRule[] {
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
}

const serve = sirv(root, {
  dev: true,
  etag: true,
  setHeaders: (res, pathname) => {
    for (const [name, value] of Object.entries(headersFor(pathname, rules()))) res.setHeader(name, value);
  },
  onNoMatch: (req, res) => {
    res.statusCode = 404;
    for (const [name, value] of Object.entries(headersFor(req.url ?? '/', rules())))
      if (name !== 'Content-Type') res.setHeader(name, value);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Niet gevonden.\n');
  },
});

const server = createServer((req, res) => {
  if ((req.url ?? '').split('?')[0] === `/${HEADERS_FILE}`) {
    res.statusCode = 404;
    res.end();
    return;
  }
  serve(req, res);
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${values.port} is in use: stop what serves there, or choose another with --port.`
      : `The preview server could not start (${error.code ?? error.message}).`,
  );
  process.exit(1);
});
server.listen(Number(values.port), values.host, () =>
  console.log(`Serving ${values.dir}/ on http://${values.host}:${values.port}/`),
);
