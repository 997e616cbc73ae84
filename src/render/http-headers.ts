/**
 * The HTTP headers the site is served with, in one place: the pages' own CSP meta tag, the
 * `_headers` file written into every build for static hosts that read it (Netlify, Cloudflare
 * Pages) and the preview server (scripts/preview.ts) all come from here, so what is tested
 * locally is what a host sends.
 *
 * A rule is a path, exact or with `*` for any characters (the `_headers` syntax), and headers.
 * Hosts merge every rule that matches (Cloudflare joins a header set by two rules with a comma),
 * so no header is set by two rules that can match the same path.
 */
import { paths } from '../core/routes.ts';

/** Pagefind runs WebAssembly ('wasm-unsafe-eval'); no other script is inline or from elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files whose name stays the same when their content changes: always asked again. */
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** The rules for a site whose files (relative paths, forward slashes) are `files`. */
export function headerRules(files: readonly string[]): HeaderRule[] {
  const rules: HeaderRule[] = [
    {
      path: '/*',
      headers: {
        // frame-ancestors only counts in a header (a meta tag cannot stop framing).
        'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
        'X-Frame-Options': 'DENY',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      },
    },
  ];
  // Pagefind names its chunks by their content: a changed index has new names.
  const shards = new Set(
    files
      .filter((file) => /^pagefind\/(?:.*\/)?pagefind-entry\.json$/u.test(file))
      .map((file) => file.slice(0, -'pagefind-entry.json'.length)),
  );
  for (const shard of [...shards].sort()) {
    for (const folder of ['fragment', 'index', 'filter'])
      rules.push({ path: `/${shard}${folder}/*`, headers: { 'Cache-Control': IMMUTABLE } });
    rules.push({ path: `/${shard}pagefind-entry.json`, headers: { 'Cache-Control': REVALIDATE } });
  }
  rules.push({ path: '/_astro/*', headers: { 'Cache-Control': IMMUTABLE } });
  const typed: Array<[RegExp, string, Record<string, string>]> = [
    [/\.xml$/u, 'application/atom+xml; charset=utf-8', { 'Cache-Control': 'public, max-age=3600' }],
    [/\.ics$/u, 'text/calendar; charset=utf-8', { 'Cache-Control': 'public, max-age=3600' }],
    [/\.csv$/u, 'text/csv; charset=utf-8', { 'Content-Disposition': 'attachment' }],
  ];
  for (const file of [...files].sort()) {
    const match = typed.find(([pattern]) => pattern.test(file));
    if (match) rules.push({ path: `/${file}`, headers: { 'Content-Type': match[1], ...match[2] } });
  }
  // The public data contract: readable from any origin, as JSON.
  for (const path of paths.apiFiles) {
    rules.push({
      path,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': REVALIDATE,
      },
    });
  }
  return rules;
}

/** The `_headers` file: a path on its own line, its headers indented below it. */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  return `${rules
    .map((rule) =>
      [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
    )
    .join('\n')}\n`;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/u.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const at = line.indexOf(':');
      const rule = rules.at(-1);
      if (rule && at > 0) rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** The headers for a request path: those of every rule that matches it. */
export function headersFor(path: string, rules: readonly HeaderRule[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const pattern = new RegExp(
      `^${rule.path
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
        .join('.*')}$`,
      'u',
    );
    if (pattern.test(path)) Object.assign(headers, rule.headers);
  }
  return headers;
}
