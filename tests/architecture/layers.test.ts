/**
 * The layer rules of src/ (README, "Layers"), checked on every import and every line of code:
 * which layer may import which, who may touch the disk, the processes and the environment, and
 * that site URLs are built only by src/core/routes.ts. A broken rule fails here with the file,
 * the line and the rule.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { paths } from '../../src/core/routes.ts';
import { listFiles } from '../../src/io/file-tree.ts';
import { ROOT } from '../support/helpers.ts';

/** What each layer may import from the project (its own layer always). */
const MAY_IMPORT: Record<string, string[]> = {
  core: [],
  io: ['core'],
  analysis: ['core'],
  render: ['core', 'analysis'],
  'ingest/stage': ['core', 'ingest/stage'],
  'ingest/run': ['core', 'io', 'ingest/stage'],
  search: ['core', 'io'],
  build: ['core', 'io', 'search', 'render'],
  site: ['core', 'io', 'analysis', 'render', 'ingest/stage'],
  // The comparison of any two versions runs in the browser with the build's own analysis.
  client: ['core', 'analysis', 'render'],
  pages: ['core', 'analysis', 'render', 'site', 'components', 'layouts', 'styles'],
  components: ['core', 'analysis', 'render', 'site', 'components', 'layouts', 'styles'],
  layouts: ['core', 'render', 'site', 'components', 'styles'],
  styles: [],
};

/** Imports across layers that the rules above would refuse, each with the reason it is sound. */
const ALLOWED_EXCEPTIONS: Array<{ from: string; to: string; why: string }> = [
  {
    from: 'src/ingest/load/pdf-thread.ts',
    to: 'src/io/bundle.ts',
    why: 'the load stage reads a PDF in a worker thread, whose script the io layer bundles',
  },
];

/** Layers that may use the disk and child processes: io, and the runners at the edges that drive it. */
const DISK_AND_PROCESSES = new Set(['io', 'build', 'search', 'ingest/run']);
const DISK_MODULES = /^(?:node:)?(?:fs|fs\/promises|child_process)$/u;
/** The only module that reads the environment. */
const ENVIRONMENT_READER = 'src/io/config.ts';
/** The only modules that write a site path. */
const URL_BUILDERS = new Set(['src/core/routes.ts']);

const STAGES = ['load', 'normalise', 'segment', 'classify', 'extract', 'validate'];

/** The layer of a file of src/ ("ingest/stage" for every stage folder and the pipeline itself). */
export function layerOf(file: string): string {
  const [, top = '', sub = ''] = file.split('/');
  if (top !== 'ingest') return top;
  return sub === 'run' ? 'ingest/run' : 'ingest/stage';
}

interface Source {
  file: string;
  lines: string[];
}

function sourcesOf(folder: string): Source[] {
  return listFiles(join(ROOT, folder))
    .filter((file) => /\.(?:ts|mts|mjs|astro)$/u.test(file))
    .map((file) => `${folder}/${file}`)
    .sort()
    .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n') }));
}

/** Each line with comments blanked out (a comment may name a URL or a module without using it). */
function codeLines(lines: string[]): string[] {
  let inBlock = false;
  return lines.map((line) => {
    let code = '';
    for (let at = 0; at < line.length; at++) {
      if (inBlock) {
        if (line.startsWith('*/', at)) {
          inBlock = false;
          at++;
        }
      } else if (line.startsWith('/*', at)) {
        inBlock = true;
        at++;
      } else if (line.startsWith('//', at) && !/:$/u.test(code)) {
        break;
      } else {
        code += line[at];
      }
    }
    return code;
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gu;

export interface Violation {
  file: string;
  line: number;
  rule: string;
}

/** Every broken rule in `sources` (files of src/, with their text). */
export function layerViolations(sources: Source[]): Violation[] {
  const violations: Violation[] = [];
  const firstSegments = routeSegments();
  const sitePath = new RegExp(`(?:['"\`]|=)/(?:${firstSegments.join('|')})(?:[/.'"\`$]|$)`, 'u');
  for (const { file, lines } of sources) {
    const layer = layerOf(file);
    codeLines(lines).forEach((code, index) => {
      const line = index + 1;
      for (const [, specifier = ''] of code.matchAll(IMPORT)) {
        if (specifier.startsWith('.')) {
          const target = normalize(join(dirname(file), specifier))
            .split('\\')
            .join('/');
          const targetLayer = layerOf(target);
          const allowed = targetLayer === layer || (MAY_IMPORT[layer] ?? []).includes(targetLayer);
          const excepted = ALLOWED_EXCEPTIONS.some((exception) => exception.from === file && exception.to === target);
          if (!allowed && !excepted)
            violations.push({ file, line, rule: `${layer} may not import ${targetLayer} (${target})` });
        } else if (DISK_MODULES.test(specifier) && !DISK_AND_PROCESSES.has(layer)) {
          violations.push({
            file,
            line,
            rule: `${layer} may not use ${specifier}: only io and the runners touch the disk`,
          });
        }
      }
      if (/\bprocess\.env\b/u.test(code) && file !== ENVIRONMENT_READER) {
        violations.push({
          file,
          line,
          rule: `only ${ENVIRONMENT_READER} reads process.env: take the setting from config()`,
        });
      }
      if (!URL_BUILDERS.has(file) && sitePath.test(code)) {
        violations.push({
          file,
          line,
          rule: 'a site URL written by hand: build it with paths from src/core/routes.ts',
        });
      }
    });
  }
  return violations;
}

/** The first path segment of every route ("beleid", "js", …), read from routes.ts itself. */
function routeSegments(): string[] {
  const segments = new Set<string>();
  // One stand-in for any argument: a string where a slug goes, an object of them where versions go.
  const anything: unknown = new Proxy({}, { get: (_, key) => (key === Symbol.toPrimitive ? () => 'x' : anything) });
  for (const route of Object.values(paths)) {
    const urls =
      typeof route === 'function' ? [(route as (...args: unknown[]) => string)(anything, anything)] : [route].flat();
    for (const url of urls) {
      const first = url.split('/')[1];
      if (first && !first.includes('.')) segments.add(first);
    }
  }
  return [...segments].sort();
}

const format = (violations: Violation[]) => violations.map((v) => `${v.file}:${v.line}: ${v.rule}`).join('\n');

describe('layers', () => {
  const sources = sourcesOf('src');

  it('knows every folder of src/ as a layer', () => {
    const unknown = [...new Set(sources.map((source) => layerOf(source.file)))].filter(
      (layer) => !(layer in MAY_IMPORT),
    );
    assert.deepEqual(unknown, [], `folders of src/ that no rule covers: ${unknown.join(', ')}`);
    const stageFolders = new Set(
      sources
        .map((s) => s.file.split('/'))
        .filter((p) => p[1] === 'ingest' && p.length > 3)
        .map((p) => p[2]),
    );
    assert.deepEqual([...stageFolders].sort(), [...STAGES, 'run'].sort());
  });

  it('holds in src/: imports, disk, environment, URLs', () => {
    const violations = layerViolations(sources);
    assert.equal(violations.length, 0, `\n${format(violations)}`);
  });

  it('reads the environment nowhere in the site configuration but through config()', () => {
    const lines = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8').split('\n');
    assert.ok(!codeLines(lines).some((line) => line.includes('process.env')));
  });

  // The rules themselves, on small made-up files: each kind of break is caught, and what is allowed passes.
  it('catches each kind of break', () => {
    const broken: Source[] = [
      { file: 'src/core/text.ts', lines: ["import { config } from '../io/config.ts';"] },
      { file: 'src/analysis/align.ts', lines: ["import { readFileSync } from 'node:fs';"] },
      { file: 'src/render/atom.ts', lines: ['const dir = process.env.CORPUS_DIR;'] },
      { file: 'src/components/A.astro', lines: ['<a href="/beleid/x/">x</a>'] },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a template literal, as a file would hold it
      { file: 'src/client/search.ts', lines: ['const url = `/vergelijk/${theme}/`;'] },
      { file: 'src/ingest/segment/segment.ts', lines: ["import { runIngest } from '../run/run.ts';"] },
    ];
    const rules = layerViolations(broken).map((violation) => `${violation.file}: ${violation.rule.split(':')[0]}`);
    assert.deepEqual(rules, [
      'src/core/text.ts: core may not import io (src/io/config.ts)',
      'src/analysis/align.ts: analysis may not use node',
      'src/render/atom.ts: only src/io/config.ts reads process.env',
      'src/components/A.astro: a site URL written by hand',
      'src/client/search.ts: a site URL written by hand',
      'src/ingest/segment/segment.ts: ingest/stage may not import ingest/run (src/ingest/run/run.ts)',
    ]);
    const fine: Source[] = [
      {
        file: 'src/render/atom.ts',
        lines: ["import { paths } from '../core/routes.ts';", '// see /beleid/x/', 'const a = 1 / 2;'],
      },
      { file: 'src/ingest/load/pdf-thread.ts', lines: ["import { bundledEntry } from '../../io/bundle.ts';"] },
      { file: 'src/build/publish.ts', lines: ["import { renameSync } from 'node:fs';"] },
      { file: 'src/render/x.ts', lines: ["const url = 'https://www.zorgverzekeraars.nl/beleid/';"] },
    ];
    assert.deepEqual(layerViolations(fine), []);
  });
});
