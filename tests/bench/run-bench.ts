/**
 * The benchmark at real scale, as `npm run bench` runs it (scripts/bench.ts parses its options).
 * See that script for what it measures.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cpus, totalmem, release } from 'node:os';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import MiniSearch from 'minisearch';
import { stringify } from 'yaml';
import { compareDocuments } from '../../src/analysis/compare.ts';
import { loadCorpus } from '../../src/io/corpus.ts';
import { readSourceList, readTaxonomy } from '../../src/io/read-inputs.ts';
import { sectionLabel } from '../../src/core/labels.ts';
import { paths } from '../../src/core/routes.ts';
import { stripLinks } from '../../src/core/text.ts';
import { createPipelineContext, ingestSource } from '../../src/ingest/pipeline.ts';
import { generateCorpus } from './synthetic-corpus.ts';
import { type MachineFigures, measureMachine } from './machine.ts';
import { runTree } from './process-tree.ts';
import { searchFigures, writeReportJson } from './report-json.ts';
import { astroFileTimes, routesOf, sumByRoute } from './site-by-route.ts';

export interface BenchArgs {
  n?: string | undefined;
  seed?: string | undefined;
  runs?: string | undefined;
  'build-runs'?: string | undefined;
  pairs?: string | undefined;
  report?: string | undefined;
  prepare?: boolean | undefined;
  'search-only'?: boolean | undefined;
}

export async function runBench(args: BenchArgs): Promise<void> {
  const N = Number(args.n);
  const SEED = Number(args.seed);
  const RUNS = Number(args.runs);
  const BUILD_RUNS = Number(args['build-runs']);
  const PAIRS = Number(args.pairs);
  const WORK = resolve(`.cache/bench/n${N}`);
  const SOURCES = join(WORK, 'sources');
  const CORPUS = join(WORK, 'corpus');
  const DIST = join(WORK, 'dist');
  const FLOOR_DIST = join(WORK, 'floor-dist');
  const QUERIES = [
    'biosimilars',
    'wachtlijst',
    'mobiliteitsplan',
    'CSRD',
    'zorgcoördinatie',
    'tekendatum',
    'VECOZO',
    'restafval',
  ];

  // ---- small helpers -------------------------------------------------------------------------
  const log = (line: string) => console.log(`[bench] ${line}`);
  const describeMachine = (figures: MachineFigures) =>
    `a fixed integer loop ${figures.loopMs.toFixed(0)} ms; a page of memory touched for the first time ` +
    `${figures.pageFaultMicros.toFixed(1)} µs; 1,000 files of 40 KB in folders of their own ` +
    `${figures.thousandFilesMs.toFixed(0)} ms (system ${figures.thousandFilesSystemMs.toFixed(0)} ms)`;
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    return { median, min: sorted[0]!, max: sorted.at(-1)! };
  };
  const fmt = (values: number[], unit: string, digits = 0) => {
    const { median, min, max } = stats(values);
    return `${median.toFixed(digits)} ${unit} (${min.toFixed(digits)}–${max.toFixed(digits)})`;
  };
  const megabytesIn = (dir: string) =>
    readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 1e6;

  /** Run a command under /usr/bin/time: wall seconds, peak RSS (MB) and its stdout. */
  function timed(command: string, commandArgs: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
    const result = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M', command, ...commandArgs], {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const match = /__TIME__ ([\d.]+) (\d+)/u.exec(result.stderr);
    if (result.status !== 0 || !match)
      throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}):\n${result.stderr.slice(-3000)}`);
    return { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, stdout: result.stdout };
  }
  const tsx = (script: string, scriptArgs: string[], env: Record<string, string> = {}) =>
    timed(process.execPath, ['--import', 'tsx', script, ...scriptArgs], env);

  /** The bytes of every HTML page of a built site (dist is a link to the published build). */
  function htmlBytesIn(dir: string): number {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.html'))
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  }

  function countFiles(dir: string, suffix: string): number {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith(suffix)).length;
  }

  /** The source the incremental measurements change: a typo put in (or a variant of it), and undone. */
  function sourceToChange() {
    const file = join(SOURCES, readdirSync(SOURCES).find((name) => name.endsWith('.txt'))!);
    const original = readFileSync(file, 'utf8');
    return {
      withWord: (word: string) => writeFileSync(file, original.replace(/zorgaanbieder/u, word)),
      restore: () => writeFileSync(file, original),
    };
  }

  // ---- 1. the synthetic corpus ---------------------------------------------------------------
  async function generate() {
    const taxonomy = await readTaxonomy('content/taxonomy');
    const entries = await readSourceList('content/sources/sources.yaml', taxonomy);
    const context = createPipelineContext(taxonomy);
    const bases = await Promise.all(
      entries.map(async (entry) => {
        const bytes = readFileSync(join('content/sources', entry.file));
        return {
          document: await ingestSource({ file: entry.file, bytes: new Uint8Array(bytes), entry }, context),
          text: bytes.toString('utf8'),
        };
      }),
    );
    // Five contract years up to a thousand policies; past that, as many years as N needs (2,000:
    // ten, the horizon the site must hold).
    const years = Math.max(5, Math.ceil(N / (taxonomy.insurers.length * taxonomy.careTypes.length)));
    const policies = generateCorpus(bases, taxonomy, { count: N, seed: SEED, years });
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(SOURCES, { recursive: true });
    for (const policy of policies) writeFileSync(join(SOURCES, policy.file), policy.text);
    const manifest = policies.map(({ file, insurer, year, careType, title }) => ({
      file,
      insurer,
      year,
      careType,
      title,
    }));
    writeFileSync(
      join(SOURCES, 'sources.yaml'),
      `# Synthetic benchmark corpus (seed ${SEED}), generated by npm run bench.\n${stringify({ sources: manifest })}`,
    );
    writeFileSync(
      join(WORK, 'moves.json'),
      JSON.stringify(
        Object.fromEntries(
          policies.map((policy) => [`${policy.insurer}-${policy.year}-${policy.careType}`, policy.moved]),
        ),
      ),
    );
    return { policies, megabytes: megabytesIn(SOURCES) };
  }

  // ---- 2. ingest -----------------------------------------------------------------------------
  function benchIngest() {
    const full: number[] = [];
    const peaks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(CORPUS, { recursive: true, force: true });
      const result = tsx('tests/bench/ingest-child.ts', [SOURCES, CORPUS, 'full']);
      full.push(JSON.parse(result.stdout.trim().split('\n').at(-1)!).ms);
      peaks.push(result.peakMb);
      log(`ingest run ${run + 1}: ${(full.at(-1)! / 1000).toFixed(1)} s, peak ${result.peakMb.toFixed(0)} MB`);
    }
    const floor: number[] = [];
    const files = readdirSync(SOURCES).map((name) => join(SOURCES, name));
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      for (const file of files) readFileSync(file);
      floor.push(performance.now() - started);
    }
    // Incremental: one source changed (a typo fixed), everything else as it was.
    const incremental: number[] = [];
    const cli: number[] = [];
    const source = sourceToChange();
    for (let run = 0; run < RUNS; run++) {
      source.withWord(run % 2 ? 'zorgaanbieder' : 'zorgaanbeider');
      const result = JSON.parse(
        tsx('tests/bench/ingest-child.ts', [SOURCES, CORPUS, 'incremental']).stdout.trim().split('\n').at(-1)!,
      );
      if (result.read !== 1) throw new Error(`incremental ingest read ${result.read} sources, expected 1`);
      incremental.push(result.ms);
      source.withWord('zorgaanbiedr');
      cli.push(tsx('scripts/ingest.ts', ['--sources', SOURCES, '--out', CORPUS, '--quiet']).seconds * 1000);
    }
    source.restore();
    tsx('tests/bench/ingest-child.ts', [SOURCES, CORPUS, 'incremental']);
    return { full, floor, peaks, incremental, cli };
  }

  // ---- 3. build ------------------------------------------------------------------------------
  /** Which part of the build a process is, by its command line: where the CPU seconds and the memory go. */
  const BUILD_PARTS = [
    'Astro',
    'vooraf (scripts/make-ahead.ts)',
    'zoekindex (script)',
    'Pagefind-indexer',
    'ingest en regie (scripts/build.ts)',
  ];
  const buildPart = (commandLine: string) =>
    /astro\.js|astro build/u.test(commandLine)
      ? 'Astro'
      : // Through tsx, or from its bundle (src/io/bundle.ts).
        /make-ahead(?:\.ts|-[0-9a-f]+\.mjs)/u.test(commandLine)
        ? 'vooraf (scripts/make-ahead.ts)'
        : /build-search(?:\.ts|-[0-9a-f]+\.mjs)/u.test(commandLine)
          ? 'zoekindex (script)'
          : /pagefind/u.test(commandLine)
            ? 'Pagefind-indexer'
            : 'ingest en regie (scripts/build.ts)';
  async function benchBuild() {
    // The build as `npm run build` runs it, from the sources with nothing cached: ingest, then the
    // pages and the search index (side by side, or one after the other past the memory budget); wall
    // time, and the memory of all its processes.
    const full: number[] = [];
    const cpuSeconds: number[] = [];
    const steps: Array<{ ingest: number; site: number; search: number }> = [];
    const peaks: number[] = [];
    let pages = 0;
    const timesFile = join(WORK, 'build-times.json');
    const cpuByPart: Array<Record<string, number>> = [];
    const systemByPart: Array<Record<string, number>> = [];
    const faultsByPart: Array<Record<string, number>> = [];
    const peakByPart: Array<Record<string, number>> = [];
    const rebuildCpuByPart: Array<Record<string, number>> = [];
    let astroLog = '';
    const npmRunBuild = (extra: string[], quiet = true) =>
      runTree(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/build.ts',
          '--sources',
          SOURCES,
          '--corpus',
          CORPUS,
          '--out',
          DIST,
          ...(quiet ? ['--quiet'] : []),
          '--times',
          timesFile,
          ...extra,
        ],
        {},
        buildPart,
      );
    // The machine as the builds found it, and again after them: a shared machine changes by the hour.
    const machine = [measureMachine(join(WORK, 'machine-probe'))];
    log(`machine: ${describeMachine(machine[0]!)}`);
    for (let run = 0; run < BUILD_RUNS; run++) {
      rmSync(DIST, { recursive: true, force: true });
      rmSync(CORPUS, { recursive: true, force: true });
      // The first run not quiet: Astro then prints the time of every file it writes.
      const built = await npmRunBuild(['--full'], run > 0);
      if (run === 0) astroLog = built.stdout;
      full.push(built.seconds);
      cpuSeconds.push(built.cpuSeconds);
      cpuByPart.push(built.cpuByKind);
      systemByPart.push(built.systemByKind);
      faultsByPart.push(built.faultsByKind);
      peakByPart.push(built.peakByKindMb);
      steps.push(JSON.parse(readFileSync(timesFile, 'utf8')));
      peaks.push(built.peakMb);
      pages = countFiles(DIST, '.html');
      const { ingest, site, search } = steps.at(-1)!;
      log(
        `build run ${run + 1}: ${built.seconds.toFixed(0)} s, ${built.cpuSeconds.toFixed(0)} CPU-s (ingest ` +
          `${ingest.toFixed(0)} s, then pages done at ${site.toFixed(0)} s and search index at ` +
          `${search.toFixed(0)} s), peak ${built.peakMb.toFixed(0)} MB, ${pages} pages`,
      );
    }
    // The same build after one source changed (a typo, then its fix: two changes a run), with what
    // the full build left cached: what an editor waits for.
    const rebuild: number[] = [];
    const rebuildCpuSeconds: number[] = [];
    const rebuildSteps: Array<{ ingest: number; site: number; search: number }> = [];
    let shardsReused = '';
    const source = sourceToChange();
    for (let run = 0; run < BUILD_RUNS * 2; run++) {
      if (run % 2) source.restore();
      else source.withWord('zorgaanbeider');
      const built = await npmRunBuild([]);
      rebuild.push(built.seconds);
      rebuildCpuSeconds.push(built.cpuSeconds);
      rebuildCpuByPart.push(built.cpuByKind);
      rebuildSteps.push(JSON.parse(readFileSync(timesFile, 'utf8')));
      shardsReused = /in (\d+) shards? \((\d+) unchanged/u.exec(built.stdout)?.slice(1).reverse().join(' of ') ?? '?';
      log(
        `rebuild after one source changed, run ${run + 1}: ${built.seconds.toFixed(0)} s, ` +
          `${built.cpuSeconds.toFixed(0)} CPU-s, search shards reused: ${shardsReused}`,
      );
    }
    machine.push(measureMachine(join(WORK, 'machine-probe')));
    log(`machine after the builds: ${describeMachine(machine[1]!)}`);
    const floorAstro: number[] = [];
    const floorSearch: number[] = [];
    const floorCpuSeconds: number[] = [];
    for (let run = 0; run < BUILD_RUNS; run++) {
      rmSync(FLOOR_DIST, { recursive: true, force: true });
      const astro = await runTree('npx', ['astro', 'build', '--silent', '--root', 'tests/bench/floor'], {
        BENCH_PAGES: String(pages),
        BENCH_OUT: FLOOR_DIST,
      });
      const search = await runTree(process.execPath, ['--import', 'tsx', 'tests/bench/pagefind-floor.ts', FLOOR_DIST]);
      floorAstro.push(astro.seconds);
      floorSearch.push(search.seconds);
      floorCpuSeconds.push(astro.cpuSeconds + search.cpuSeconds);
      log(
        `floor run ${run + 1}: astro ${astro.seconds.toFixed(0)} s, pagefind ${search.seconds.toFixed(0)} s, ` +
          `${floorCpuSeconds.at(-1)!.toFixed(0)} CPU-s`,
      );
    }
    const routes = routesOf(readdirSync('src/pages', { recursive: true, encoding: 'utf8' }));
    const outputs = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter(
      (name) => !name.startsWith('pagefind'),
    );
    return {
      full,
      cpuSeconds,
      cpuByPart,
      systemByPart,
      faultsByPart,
      machine,
      peakByPart,
      rebuildCpuByPart,
      // Where the megabytes go: every page and file the routes wrote, per route (the search index apart).
      bytesByRoute: sumByRoute(
        outputs
          .filter((name) => statSync(join(DIST, name)).isFile())
          .map((name) => ({ file: name, value: statSync(join(DIST, name)).size })),
        routes,
      ),
      // And Astro's seconds: the time it printed per file, per route (two pages render at a time).
      astroMsByRoute: sumByRoute(astroFileTimes(astroLog), routes),
      steps,
      peaks,
      pages,
      rebuild,
      rebuildCpuSeconds,
      rebuildSteps,
      shardsReused,
      floorAstro,
      floorSearch,
      floorCpuSeconds,
      // -D: the output is a link to the published version folder, and du of the link alone is 0.
      distMb: Number(execFileSync('du', ['-smD', DIST], { encoding: 'utf8' }).split('\t')[0]),
      htmlBytes: htmlBytesIn(DIST),
    };
  }

  // ---- 4. diff -------------------------------------------------------------------------------
  /**
   * Titles compared without their digits: the generator shifts years in the text, and an OCR'd
   * "2025?" read as "20257" escapes the shift but is repaired on ingest.
   */
  const titleKey = (title: string | undefined) => title?.replace(/\d+/gu, '#');
  function benchDiff() {
    const documents = loadCorpus(CORPUS);
    const moves = JSON.parse(readFileSync(join(WORK, 'moves.json'), 'utf8')) as Record<string, Array<[string, string]>>;
    const byKey = new Map(
      documents.map((document) => [`${document.insurer}/${document.careType}/${document.year}`, document]),
    );
    const all = documents.flatMap((to) => {
      const from = byKey.get(`${to.insurer}/${to.careType}/${to.year - 1}`);
      return from ? [[from, to] as const] : [];
    });
    const step = Math.max(1, Math.floor(all.length / PAIRS));
    const pairs = all.filter((_, index) => index % step === 0).slice(0, PAIRS);
    const ours: number[] = [];
    const git: number[] = [];
    let truth = 0;
    let oursAsMove = 0;
    let oursFalseMoves = 0;
    let gitAsDeleteAdd = 0;
    for (const [from, to] of pairs) {
      // Each run compares fresh copies: no section profile cached from an earlier run (git has none either).
      const times: number[] = [];
      let comparison = compareDocuments(structuredClone(from), structuredClone(to));
      for (let run = 0; run < RUNS; run++) {
        const [a, b] = [structuredClone(from), structuredClone(to)];
        const started = performance.now();
        comparison = compareDocuments(a, b);
        times.push(performance.now() - started);
      }
      ours.push(stats(times).median);
      const gitTimes: number[] = [];
      let output = '';
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const result = spawnSync(
          'git',
          [
            'diff',
            '--no-index',
            '--word-diff=porcelain',
            join(SOURCES, from.source.file.split('/').pop()!),
            join(SOURCES, to.source.file.split('/').pop()!),
          ],
          { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        );
        gitTimes.push(performance.now() - started);
        output = result.stdout;
      }
      git.push(stats(gitTimes).median);
      const removed = output
        .split('\n')
        .filter((line) => line.startsWith('-'))
        .join('\n');
      const added = output
        .split('\n')
        .filter((line) => line.startsWith('+'))
        .join('\n');
      // A move is two siblings trading places: reported as a move when either of them is "moved".
      const groups = (moves[to.id] ?? []).map((group) => group.map(titleKey));
      truth += groups.length;
      const movedPairs = comparison.pairs.filter((pair) => pair.status === 'moved');
      const titlesOf = (pair: (typeof movedPairs)[number]) => [titleKey(pair.new?.title), titleKey(pair.old?.title)];
      for (const group of groups) {
        if (movedPairs.some((pair) => titlesOf(pair).some((title) => title !== undefined && group.includes(title))))
          oursAsMove++;
        const snippets = group.map((title) => {
          const section = from.sections.find((candidate) => titleKey(candidate.title) === title);
          return section
            ? stripLinks(section.text)
                .split(/\n/u)
                .find((line) => line.split(' ').length >= 6)
                ?.split(' ')
                .slice(0, 5)
                .join(' ')
            : undefined;
        });
        if (snippets.some((snippet) => snippet && removed.includes(snippet) && added.includes(snippet)))
          gitAsDeleteAdd++;
      }
      oursFalseMoves += movedPairs.filter(
        (pair) => !groups.some((group) => titlesOf(pair).some((title) => title !== undefined && group.includes(title))),
      ).length;
    }
    return { pairs: pairs.length, ours, git, truth, oursAsMove, oursFalseMoves, gitAsDeleteAdd };
  }

  // ---- 5. search in Chromium -----------------------------------------------------------------
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
  };
  function serve(root: string): Promise<{ server: Server; port: number }> {
    const gzipped = new Map<string, Buffer>();
    const server = createServer((request, response) => {
      let path = join(root, decodeURIComponent(new URL(request.url!, 'http://x').pathname));
      if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!path.startsWith(root) || !existsSync(path)) {
        response.writeHead(404).end();
        return;
      }
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      // Text is served gzipped, as any static host does; Pagefind's own files are compressed already.
      if (
        /^(text|application\/(json|javascript))/u.test(type) &&
        /gzip/u.test(String(request.headers['accept-encoding']))
      ) {
        if (!gzipped.has(path)) gzipped.set(path, gzipSync(readFileSync(path)));
        response
          .writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' })
          .end(gzipped.get(path));
        return;
      }
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(readFileSync(path));
    });
    return new Promise((done) =>
      server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as { port: number }).port })),
    );
  }

  function buildMiniSearch(): number {
    const documents = loadCorpus(CORPUS);
    const engine = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title', 'url'] });
    let id = 0;
    for (const document of documents) {
      for (const section of document.sections)
        engine.add({
          id: id++,
          title: sectionLabel(section),
          text: stripLinks(section.text),
          url: paths.section(document.id, section.id),
        });
    }
    const target = join(DIST, 'bench-minisearch');
    mkdirSync(target, { recursive: true });
    cpSync('tests/bench/minisearch', target, { recursive: true });
    cpSync('node_modules/minisearch/dist/umd/index.js', join(target, 'minisearch.js'));
    const json = JSON.stringify(engine);
    writeFileSync(join(target, 'index.json'), json);
    return json.length / 1e6;
  }

  interface QueryMeasure {
    firstMs: number;
    bytes: number;
  }
  async function measureQueries(
    page: Page,
    url: string,
    inputSelector: string,
  ): Promise<{ setupBytes: number; first: QueryMeasure; queries: QueryMeasure[] }> {
    // Bytes over the wire (compressed body + headers) of every request, the page's and its workers'.
    let bytes = 0;
    page.context().on('requestfinished', (request) => {
      void request.sizes().then(
        (sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize),
        () => {},
      );
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const setupBytes = bytes;
    const one = async (query: string): Promise<QueryMeasure> => {
      await page.fill(inputSelector, '');
      await page.waitForTimeout(300);
      await page.evaluate(() => document.getElementById('zoekresultaten')!.replaceChildren());
      bytes = 0;
      // Timed in the page: from the input event of the last keystroke to the first result of the
      // whole query in the list (the list says which query it shows; a half-typed word's results
      // do not count).
      const timing = page.evaluate(
        ({ selector, query }) =>
          new Promise<number>((done) => {
            const input = document.querySelector(selector)!;
            const list = document.getElementById('zoekresultaten')!;
            let typed = 0;
            input.addEventListener('input', () => (typed = performance.now()));
            new MutationObserver((_, observer) => {
              if (typed && list.dataset.zoekterm === query && list.querySelector(':scope > li:not([hidden])')) {
                observer.disconnect();
                done(performance.now() - typed);
              }
            }).observe(list, { childList: true, subtree: true, attributes: true });
          }),
        { selector: inputSelector, query },
      );
      await page.type(inputSelector, query, { delay: 30 });
      const firstMs = await timing;
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(200);
      return { firstMs, bytes };
    };
    const first = await one(QUERIES[0]!);
    const queries: QueryMeasure[] = [];
    for (const query of QUERIES.slice(1)) queries.push(await one(query));
    return { setupBytes, first, queries };
  }

  async function benchSearch() {
    const indexMb = buildMiniSearch();
    const { server, port } = await serve(DIST);
    const browser = await chromium.launch({
      ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
      args: ['--no-sandbox'],
    });
    const results: Record<'pagefind' | 'minisearch', Array<Awaited<ReturnType<typeof measureQueries>>>> = {
      pagefind: [],
      minisearch: [],
    };
    try {
      for (let run = 0; run < RUNS; run++) {
        for (const [name, path, selector] of [
          ['pagefind', '/zoeken/', '#zoekterm'],
          ['minisearch', '/bench-minisearch/', '#q'],
        ] as const) {
          const context = await browser.newContext();
          const page = await context.newPage();
          results[name].push(await measureQueries(page, `http://127.0.0.1:${port}${path}`, selector));
          await context.close();
        }
        log(
          `search run ${run + 1}: pagefind first ${results.pagefind.at(-1)!.first.firstMs.toFixed(0)} ms, minisearch ` +
            `first ${results.minisearch.at(-1)!.first.firstMs.toFixed(0)} ms`,
        );
      }
    } finally {
      await browser.close();
      server.close();
      // Out of the published site again: the next build's check would find a page no plan names.
      rmSync(join(DIST, 'bench-minisearch'), { recursive: true, force: true });
    }
    return {
      indexMb,
      pagefindMb: Number(execFileSync('du', ['-sm', join(DIST, 'pagefind')], { encoding: 'utf8' }).split('\t')[0]),
      results,
    };
  }

  // ---- 6. the report -------------------------------------------------------------------------
  const reportJson = join(dirname(resolve(args.report!)), 'report.json');
  if (args['search-only']) {
    if (!existsSync(join(DIST, 'pagefind'))) throw new Error(`no site in ${DIST}: run npm run bench -- --n ${N} first`);
    const { results } = await benchSearch();
    const figures = searchFigures(results.pagefind);
    writeReportJson(reportJson, N, figures);
    log(`search figures for N = ${N} → ${reportJson}: ${JSON.stringify(figures)}`);
    const queries = results.pagefind.flatMap((run) => run.queries);
    log(
      `pagefind: first query ${fmt(
        results.pagefind.map((run) => run.first.firstMs),
        'ms',
      )}, ${fmt(
        results.pagefind.map((run) => run.first.bytes / 1024),
        'KB',
      )}`,
    );
    log(
      `pagefind: further queries ${fmt(
        queries.map((query) => query.firstMs),
        'ms',
      )}, ${fmt(
        queries.map((query) => query.bytes / 1024),
        'KB',
      )}`,
    );
    QUERIES.slice(1).forEach((query, index) => {
      const runs = results.pagefind.map((run) => run.queries[index]!);
      log(
        `  ${query}: ${fmt(
          runs.map((run) => run.firstMs),
          'ms',
        )}, ${fmt(
          runs.map((run) => run.bytes / 1024),
          'KB',
        )}`,
      );
    });
    return;
  }
  const generated = await generate();
  log(`${generated.policies.length} policies, ${generated.megabytes.toFixed(1)} MB in ${SOURCES}`);
  if (args.prepare) {
    tsx('tests/bench/ingest-child.ts', [SOURCES, CORPUS, 'full']);
    log(`ingested into ${CORPUS}; build with npm run build -- --sources ${SOURCES} --corpus ${CORPUS} --out ${DIST}`);
    return;
  }
  const ingest = benchIngest();
  const build = await benchBuild();
  const diff = benchDiff();
  const search = await benchSearch();

  const seconds = (values: number[]) => values.map((value) => value / 1000);
  const ingestMedian = stats(ingest.full).median / 1000;
  const fullBuild = stats(build.full).median;
  const step = (name: 'ingest' | 'site' | 'search', steps = build.steps) =>
    fmt(
      steps.map((times) => times[name]),
      's',
    );
  const floorBuild = stats(build.floorAstro).median + stats(build.floorSearch).median;
  // However its steps are scheduled, a build cannot end before its CPU work is spread over every core.
  const cpuBound = stats(build.cpuSeconds).median / cpus().length;
  const perQuery = (name: 'pagefind' | 'minisearch') => search.results[name].flatMap((run) => run.queries);
  const firstQuery = (name: 'pagefind' | 'minisearch') => search.results[name].map((run) => run.first);
  const kb = (values: number[]) => values.map((value) => value / 1024);
  const peak = Math.max(...ingest.peaks, ...build.peaks);
  const verdict = (ok: boolean) => (ok ? 'yes' : '**no**');
  const htmlMb = build.htmlBytes / 1e6;
  const typoRebuild = stats(build.rebuild).median;
  const buildPeak = Math.max(...build.peaks);
  // The build's memory bar: 1.5 GB at a thousand policies, 2 GB at the ten-year horizon of two thousand.
  const peakBarMb = N >= 2000 ? 2048 : 1536;
  // Issue 17's bar for a full build at a thousand policies, on two cores.
  const FULL_BUILD_BAR_S = 50;
  const medianOf = (records: Array<Record<string, number>>, key: string) =>
    stats(records.map((record) => record[key] ?? 0)).median;
  const peakRun = build.peakByPart[build.peaks.indexOf(buildPeak)] ?? {};
  const routeRows = (figures: typeof build.bytesByRoute, unit: (value: number) => string, total: number, top = 14) => {
    const shown = figures.slice(0, top);
    const rest = figures.slice(top);
    const row = (route: string, files: number, value: number) =>
      `| ${route} | ${files} | ${unit(value)} | ${((100 * value) / total).toFixed(1)}% |`;
    return [
      ...shown.map((figure) => row(`\`${figure.route}\``, figure.files, figure.value)),
      ...(rest.length
        ? [
            row(
              `${rest.length} other routes`,
              rest.reduce((sum, figure) => sum + figure.files, 0),
              rest.reduce((sum, figure) => sum + figure.value, 0),
            ),
          ]
        : []),
    ].join('\n');
  };
  const bytesTotal = build.bytesByRoute.reduce((sum, figure) => sum + figure.value, 0);
  const astroTotal = build.astroMsByRoute.reduce((sum, figure) => sum + figure.value, 0);
  const scaleRows: Array<[string, string, string, boolean]> = [
    ['HTML of the whole site', '≤ 300 MB', `${htmlMb.toFixed(1)} MB`, htmlMb <= 300],
    ['full build', `≤ ${FULL_BUILD_BAR_S} s`, `${fullBuild.toFixed(0)} s`, fullBuild <= FULL_BUILD_BAR_S],
    ['rebuild after one typo', '≤ 10 s', `${typoRebuild.toFixed(1)} s`, typoRebuild <= 10],
    [
      `peak memory of the build at N = ${N}`,
      `≤ ${(peakBarMb / 1024).toFixed(1)} GB`,
      `${buildPeak.toFixed(0)} MB`,
      buildPeak <= peakBarMb,
    ],
  ];
  const partRows = BUILD_PARTS.map((part) => {
    const [full, typo] = [build.cpuByPart, build.rebuildCpuByPart].map((runs) => medianOf(runs, part).toFixed(0));
    const system = medianOf(build.systemByPart, part).toFixed(0);
    const faults = (medianOf(build.faultsByPart, part) / 1000).toFixed(0);
    return `| ${part} | ${full} s | ${system} s | ${faults} | ${typo} s |`;
  }).join('\n  ');
  const sumOf = (record: Record<string, number>) => Object.values(record).reduce((sum, value) => sum + value, 0);
  const systemSeconds = stats(build.systemByPart.map(sumOf)).median;
  const faults = stats(build.faultsByPart.map(sumOf)).median;
  const [machineBefore, machineAfter] = build.machine as [MachineFigures, MachineFigures];
  const faultMicros = (machineBefore.pageFaultMicros + machineAfter.pageFaultMicros) / 2;
  const machineNote =
    `Of the ${stats(build.cpuSeconds).median.toFixed(0)} CPU-s, ${systemSeconds.toFixed(0)} are the kernel's (system ` +
    `time): the build's processes touched ${(faults / 1e6).toFixed(2)} million pages of memory for the first time ` +
    `(minor page faults; at this machine's ${faultMicros.toFixed(1)} µs a page, about ` +
    `${((faults * faultMicros) / 1e6).toFixed(0)} s), and ` +
    'the rest is mostly the files they wrote and read. How dear a page and a file are here, measured before the ' +
    `builds: ${describeMachine(machineBefore)}; after them: ${describeMachine(machineAfter)}. Compare these ` +
    "with another report's before comparing its times.";
  const astroIntro =
    "Astro's time per route in the first full build, as it prints it per file written (two pages render at a " +
    `time, so this is wall time of the page-rendering phase, ${(astroTotal / 1000).toFixed(0)} s in all; what ` +
    'it spends before the first page, loading the corpus, is not in it; in a full build the history and version ' +
    "pages read the comparisons scripts/make-ahead.ts made beside it, and the calendar's files its events):";
  const bytesIntro =
    `Every file the routes wrote (${(bytesTotal / 1e6).toFixed(0)} MB; the search index in \`pagefind/\` apart, ` +
    `${search.pagefindMb} MB), per route; ${htmlMb.toFixed(1)} MB of it is HTML.`;
  // The HTML and time figures are bars at N = 1,000 only; at another size they are reported, not judged.
  const scaleTable = scaleRows
    .map(([what, bar, measured, ok], index) =>
      N === 1000 || index === scaleRows.length - 1
        ? `| ${what} | ${bar} | ${measured} | ${verdict(ok)} |`
        : `| ${what} | ${bar} at N = 1000 | ${measured} | — |`,
    )
    .join('\n  ');
  const cpu = cpus();
  const report = `# Benchmark: ${generated.policies.length} policies

  Made by \`npm run bench -- --n ${N} --seed ${SEED} --runs ${RUNS} --build-runs ${BUILD_RUNS} --pairs ${PAIRS}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
  Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}; a shared machine, so medians (min–max) over runs, and what a page of memory and a file cost on it is measured beside the builds (under “Where the seconds go”).

  Corpus: ${generated.policies.length} synthetic policies (${new Set(generated.policies.map((policy) => policy.insurer)).size} insurers × ${new Set(generated.policies.map((policy) => policy.careType)).size} care types × ${new Set(generated.policies.map((policy) => policy.year)).size} years, grown from the five real sources: names and years rewritten, then per year words edited and sections added, removed and moved), ${generated.megabytes.toFixed(1)} MB of text.

  ## The bar

  | what | bar | measured | met |
  |---|---|---|---|
  | ingest all documents | < 20 s | ${ingestMedian.toFixed(1)} s | ${verdict(ingestMedian < 20)} |
  | re-ingest after one source changed | < 1 s | ${(stats(ingest.incremental).median / 1000).toFixed(2)} s | ${verdict(stats(ingest.incremental).median < 1000)} |
  | bytes a query downloads | < 300 KB | ${stats(kb(perQuery('pagefind').map((query) => query.bytes))).median.toFixed(0)} KB (max ${stats(kb(perQuery('pagefind').map((query) => query.bytes))).max.toFixed(0)}) | ${verdict(stats(kb(perQuery('pagefind').map((query) => query.bytes))).max < 300)} |
  | typing → first results | < 300 ms | ${stats(perQuery('pagefind').map((query) => query.firstMs)).median.toFixed(0)} ms (max ${stats(perQuery('pagefind').map((query) => query.firstMs)).max.toFixed(0)}) | ${verdict(stats(perQuery('pagefind').map((query) => query.firstMs)).median < 300)} |
  | moved sections reported as moves where git reports delete + add | all | ${diff.oursAsMove} of ${diff.truth} moves (git: ${diff.gitAsDeleteAdd} as delete + add) | ${verdict(diff.oursAsMove === diff.truth)} |
  | diff time vs git diff --word-diff | ≤ 2× | ${(stats(diff.ours).median / stats(diff.git).median).toFixed(2)}× | ${verdict(stats(diff.ours).median <= 2 * stats(diff.git).median)} |
  | peak memory | < 2 GB | ${peak.toFixed(0)} MB | ${verdict(peak < 2048)} |
  ${scaleTable}

  ## Ingest

  | | time | per document | throughput |
  |---|---|---|---|
  | full ingest (${RUNS} runs, one process each) | ${fmt(seconds(ingest.full), 's', 1)} | ${(stats(ingest.full).median / generated.policies.length).toFixed(1)} ms | ${(generated.megabytes / ingestMedian).toFixed(2)} MB/s |
  | floor: only reading the files | ${fmt(ingest.floor, 'ms')} | ${(stats(ingest.floor).median / generated.policies.length).toFixed(3)} ms | ${(generated.megabytes / (stats(ingest.floor).median / 1000)).toFixed(0)} MB/s |
  | incremental, one source changed (in process) | ${fmt(ingest.incremental, 'ms')} | | |
  | the same through the CLI (\`npm run ingest\`, wall, incl. Node + tsx start-up) | ${fmt(ingest.cli, 'ms')} | | |

  Peak memory of a full ingest: ${fmt(ingest.peaks, 'MB')}.

  ## Build

  The build is \`npm run build\` (scripts/build.ts) from the sources with an empty cache: ingest (Astro starts beside it and waits for the corpus), then Astro (the pages) and Pagefind (the search index), side by side or, when together they would pass the build's memory budget (\`ATLAS_BUILD_MEMORY_MB\`, \`src/build/memory-plan.ts\`), one after the other, each finishing at the time given from the start of that phase; one after the other, the pages have \`scripts/make-ahead.ts\` beside them (the calendar's events and the comparisons, on the core Astro leaves idle) and the search index two Pagefind indexers at once; when the budget holds it, the search index begins on that core once make-ahead is done, beside the rest of the pages, with one indexer, and its second joins when the pages are done (its phase then ends at the time given, counted from the same start as the pages). Peak memory is the sum over all its processes (Astro, the search script, Pagefind's indexers, the ingest), sampled every 100 ms.

  | | ingest | Astro | Pagefind | total (wall) | CPU time (all processes) |
  |---|---|---|---|---|---|
  | the site (${build.pages} HTML pages, ${build.distMb} MB) | ${step('ingest')} | ${step('site')} | ${step('search')} | ${fmt(build.full, 's')} | ${fmt(build.cpuSeconds, 's')} |
  | the same after one source changed (${build.rebuild.length} runs; search shards reused: ${build.shardsReused}) | ${step('ingest', build.rebuildSteps)} | ${step('site', build.rebuildSteps)} | ${step('search', build.rebuildSteps)} | ${fmt(build.rebuild, 's')} | ${fmt(build.rebuildCpuSeconds, 's')} |
  | floor: ${build.pages} trivial pages | | ${fmt(build.floorAstro, 's')} | ${fmt(build.floorSearch, 's')} | ${floorBuild.toFixed(0)} s | ${fmt(build.floorCpuSeconds, 's')} |

  Per page: ${((fullBuild / build.pages) * 1000).toFixed(1)} ms for the site (ingest included), ${((floorBuild / build.pages) * 1000).toFixed(1)} ms for the floor. Peak memory: ${fmt(build.peaks, 'MB')}.

  CPU time is user + system of every process of the build (ingest workers, Astro, the search script, Pagefind's indexer), sampled every 100 ms. On ${cpus().length} cores no build that does this work can end before ${stats(build.cpuSeconds).median.toFixed(0)} / ${cpus().length} = ${cpuBound.toFixed(0)} s, ${(cpuBound / floorBuild).toFixed(1)}× the floor, however its steps are scheduled; the wall time above is ${(fullBuild / cpuBound).toFixed(2)}× that bound. Within the bar's ${FULL_BUILD_BAR_S} s the work itself must be at most ${(FULL_BUILD_BAR_S * cpus().length).toFixed(0)} CPU-s (the full build against the floor, ${(fullBuild / floorBuild).toFixed(1)}×, was a bar once; the issue withdrew it).

  ### Where the seconds go

  CPU seconds per part of the build (median over its runs): the part is read from each process's command line.

  | part | full build | of which system | pages first touched (thousands) | after one typo |
  |---|---|---|---|---|
  ${partRows}

  ${machineNote}

  ${astroIntro}

  | route | files | seconds | share |
  |---|---|---|---|
  ${routeRows(build.astroMsByRoute, (ms) => `${(ms / 1000).toFixed(1)} s`, astroTotal)
    .split('\n')
    .join('\n  ')}

  ### Where the megabytes go

  ${bytesIntro}

  | route | files | MB | share |
  |---|---|---|---|
  ${routeRows(build.bytesByRoute, (bytes) => (bytes / 1e6).toFixed(1), bytesTotal)
    .split('\n')
    .join('\n  ')}

  Memory at the build's peak (${buildPeak.toFixed(0)} MB, resident, summed over its processes): ${Object.entries(
    peakRun,
  )
    .sort(([, a], [, b]) => b - a)
    .map(([part, mb]) => `${part} ${mb.toFixed(0)} MB`)
    .join(', ')}.

  ## Diff

  ${diff.pairs} pairs of consecutive years (same insurer and care type), ${RUNS} runs each; per pair the median.

  | | per pair | moved sections |
  |---|---|---|
  | alignment + word diff (\`compareDocuments\`) | ${fmt(diff.ours, 'ms', 1)} | ${diff.oursAsMove} of ${diff.truth} reported as moved; ${diff.oursFalseMoves} other pairs marked moved |
  | \`git diff --no-index --word-diff=porcelain\` (process included) | ${fmt(diff.git, 'ms', 1)} | ${diff.gitAsDeleteAdd} of ${diff.truth} reported as a deletion plus an addition |

  ## Search in Chromium

  ${RUNS} runs, a fresh browser context each; ${QUERIES.length} queries (${QUERIES.join(', ')}), typed with 30 ms between keys; both search pages wait 40 ms after the last key. Time from the last keystroke's input event to the first result in the list, measured in the page; bytes over the wire (body and headers, gzip where a host would compress) of every request the query made, workers included.

  | | page load | first query (loads the index) | each further query |
  |---|---|---|---|
  | Pagefind (${search.pagefindMb} MB of index files on disk) | ${fmt(kb(search.results.pagefind.map((run) => run.setupBytes)), 'KB')} | ${fmt(
    firstQuery('pagefind').map((query) => query.firstMs),
    'ms',
  )}, ${fmt(kb(firstQuery('pagefind').map((query) => query.bytes)), 'KB')} | ${fmt(
    perQuery('pagefind').map((query) => query.firstMs),
    'ms',
  )}, ${fmt(kb(perQuery('pagefind').map((query) => query.bytes)), 'KB')} |
  | MiniSearch, whole index shipped (${search.indexMb.toFixed(1)} MB JSON) | ${fmt(kb(search.results.minisearch.map((run) => run.setupBytes)), 'KB')} | ${fmt(
    firstQuery('minisearch').map((query) => query.firstMs),
    'ms',
  )}, ${fmt(kb(firstQuery('minisearch').map((query) => query.bytes)), 'KB')} | ${fmt(
    perQuery('minisearch').map((query) => query.firstMs),
    'ms',
  )}, ${fmt(kb(perQuery('minisearch').map((query) => query.bytes)), 'KB')} |
  `;
  mkdirSync(resolve(args.report!, '..'), { recursive: true });
  writeFileSync(args.report!, report);
  writeReportJson(reportJson, N, {
    htmlBytes: build.htmlBytes,
    fullBuildSeconds: fullBuild,
    typoRebuildSeconds: stats(build.rebuild).median,
    peakMemoryMB: Math.max(...build.peaks),
    ...searchFigures(search.results.pagefind),
  });
  appendFileSync(join(WORK, 'history.md'), `\n${report}`);
  console.log(report);
}
