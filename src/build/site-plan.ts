/**
 * Whether a build can keep most of the site it replaces, and which pages it must render again.
 *
 * A manifest beside the output (`.<out>-build.json`) records what the site there was made from:
 * a fingerprint of the code and taxonomy, the corpus folder, and per document the SHA-256 of its
 * file and of its skeleton (everything but its text: sections' titles, numbers and themes,
 * deadlines, metadata). The next build compares:
 * - same code, same documents, each changed one with the same skeleton: only the text of some
 *   policies changed, so the set of pages is the same and only their insurers' pages (and the
 *   pages about all insurers) are rendered; the rest is taken over from the site being replaced;
 * - anything else (new code, a document added or removed, a changed title or theme, --full, no
 *   manifest, or a site there that the manifest did not write): every page is rendered.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { config } from '../io/config.ts';
import { corpusFiles } from '../io/corpus.ts';
import type { Section } from '../core/schemas/document.ts';
import { hasSearchRecord } from '../core/search-contract.ts';
import { BuildStepError } from '../io/children.ts';
import { sha256 } from '../core/hash.ts';
import { publishedFolder, siteLayout } from './publish.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';

/**
 * What decides every page besides the corpus: the site's code, its static files, the taxonomy, the
 * locked dependencies.
 */
const CODE_INPUTS = ['src', 'public', 'content/taxonomy', 'astro.config.mjs', 'package-lock.json'];

const BuildRecordSchema = z.object({
  version: z.literal(2),
  code: z.string(),
  corpusDir: z.string(),
  /** The version folder published, and its index.html as the build left it: another tool's build there changes it. */
  output: z.object({ folder: z.string(), mtimeMs: z.number(), size: z.number() }),
  /** Every page of the published site (what an incremental build must carry over). */
  pages: z.array(z.string()),
  documents: z.record(
    z.string(),
    z.object({
      sha256: z.string(),
      skeleton: z.string(),
      id: z.string(),
      insurer: z.string(),
      searchRecords: z.number(),
    }),
  ),
});
export type BuildRecord = z.infer<typeof BuildRecordSchema>;
type DocumentPrints = BuildRecord['documents'];

export interface SitePlan {
  /** Insurers whose pages are rendered (with the pages about all insurers); null: every page. */
  renderInsurers: string[] | null;
  /** The documents (ids) whose text changed: what pages about several insurers are rendered for; null: every page. */
  renderDocuments: string[] | null;
  /** The pages of the published site, carried over by an incremental build (empty otherwise). */
  previousPages: string[];
  /** Why, for the build's log. */
  reason: string;
  /** The fingerprints to record once the build succeeded. */
  code: string;
  documents: DocumentPrints;
}

export const buildRecordPath = (outDir: string) =>
  join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}-build.json`);

/** A SHA-256 over every file the pages are made from other than the corpus. */
export function codeFingerprint(root: string = process.cwd()): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    const bytes = readFileSync(path);
    hash
      .update(`${relative(root, path)}\0`)
      .update(basename(path) === 'package-lock.json' ? lockWithoutPlatformPackages(bytes) : bytes)
      .update('\0');
  };
  for (const input of CODE_INPUTS) add(join(root, input));
  // The one setting the pages read besides the corpus: the site's address, in the feeds.
  hash.update(`ATLAS_SITE_URL=${config().siteUrl}\0`);
  return hash.digest('hex');
}

/**
 * The lock file without the packages that are only for some platforms (an `os` or `cpu` field:
 * Pagefind's and Rollup's binaries). `npm install` adds or drops those for the machine it runs
 * on without any change to what the site is built with; with them in the fingerprint, the first
 * build after an install rendered every page again.
 */
export function lockWithoutPlatformPackages(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  let lock: { packages?: Record<string, { os?: unknown; cpu?: unknown }> };
  try {
    lock = JSON.parse(text);
  } catch {
    return text;
  }
  for (const [name, entry] of Object.entries(lock.packages ?? {}))
    if (entry.os || entry.cpu) delete lock.packages![name];
  return JSON.stringify(lock);
}

/**
 * A document's skeleton: the document without the text of its sections, its stated changes, its
 * contacts, its source's hash and the ingest's notes. The pages that exist (and every link
 * between them) follow from skeletons alone.
 */
export function skeletonOf(document: Record<string, unknown>): string {
  const {
    changes: _changes,
    contacts: _contacts,
    ingest: _ingest,
    source,
    sections,
    ...rest
  } = document as {
    source: Record<string, unknown>;
    sections: Array<Record<string, unknown>>;
    [key: string]: unknown;
  };
  const { sha256: _sha256, ...sourceRest } = source;
  const skeleton = {
    ...rest,
    source: sourceRest,
    sections: sections.map(({ text: _text, lines: _lines, ...section }) => section),
  };
  return sha256(JSON.stringify(skeleton));
}

/** Per document file: its hash, and its skeleton's (from `previous` when the file is the same). */
export function documentPrints(corpusDir: string, previous: DocumentPrints = {}): DocumentPrints {
  const prints: DocumentPrints = {};
  for (const file of corpusFiles(corpusDir)) {
    const bytes = readFileSync(file);
    const name = basename(file);
    const hash = sha256(bytes);
    const known = previous[name];
    if (known?.sha256 === hash) {
      prints[name] = known;
      continue;
    }
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new BuildStepError(
        `${file} is not a policy document (${(error as Error).message}); ingest again with npm run build -- --full.`,
      );
    }
    const sections = (document.sections ?? []) as Section[];
    prints[name] = {
      sha256: hash,
      skeleton: skeletonOf(document),
      id: String(document.id),
      insurer: String(document.insurer),
      searchRecords: sections.filter(hasSearchRecord).length,
    };
  }
  return prints;
}

function readBuildRecord(outDir: string): BuildRecord | null {
  try {
    return BuildRecordSchema.parse(JSON.parse(readFileSync(buildRecordPath(outDir), 'utf8')));
  } catch {
    return null;
  }
}

/** What this build renders, given the site at `outDir` and the manifest beside it. */
export function planSiteBuild(options: { corpusDir: string; outDir: string; full?: boolean; root?: string }): SitePlan {
  const code = codeFingerprint(options.root);
  const previous = options.full ? null : readBuildRecord(options.outDir);
  const documents = documentPrints(options.corpusDir, previous?.documents);
  const everything = (reason: string): SitePlan => ({
    renderInsurers: null,
    renderDocuments: null,
    previousPages: [],
    reason,
    code,
    documents,
  });
  if (options.full) return everything('--full');
  if (!previous) return everything('no earlier build recorded');
  const index = join(options.outDir, 'index.html');
  const folder = publishedFolder(siteLayout(options.outDir));
  if (
    !folder ||
    basename(folder) !== previous.output.folder ||
    !existsSync(index) ||
    statSync(index).mtimeMs !== previous.output.mtimeMs ||
    statSync(index).size !== previous.output.size
  ) {
    return everything(`${options.outDir}/ is not the site the last build left`);
  }
  if (previous.corpusDir !== resolve(options.corpusDir)) return everything('another corpus');
  if (previous.code !== code) return everything('the code, static files, taxonomy or dependencies changed');
  const names = Object.keys(documents);
  if (names.length !== Object.keys(previous.documents).length || names.some((name) => !previous.documents[name])) {
    return everything('documents were added or removed');
  }
  const changed = names.filter((name) => documents[name]!.sha256 !== previous.documents[name]!.sha256);
  const reshaped = changed.filter((name) => documents[name]!.skeleton !== previous.documents[name]!.skeleton);
  if (reshaped.length > 0) return everything(`more than text changed in ${reshaped.join(', ')}`);
  const insurers = [...new Set(changed.map((name) => documents[name]!.insurer))].sort();
  const reason =
    changed.length === 0
      ? 'no document changed'
      : `text changed in ${changed.length} ${changed.length === 1 ? 'document' : 'documents'}`;
  const ids = changed.map((name) => documents[name]!.id).sort();
  return { renderInsurers: insurers, renderDocuments: ids, previousPages: previous.pages, reason, code, documents };
}

/** Records what the site now at `outDir` was made from, and its pages. */
export function writeBuildRecord(outDir: string, corpusDir: string, plan: SitePlan, pages: string[]): void {
  const index = statSync(join(outDir, 'index.html'));
  const manifest: BuildRecord = {
    version: 2,
    code: plan.code,
    corpusDir: resolve(corpusDir),
    output: { folder: basename(publishedFolder(siteLayout(outDir)) ?? ''), mtimeMs: index.mtimeMs, size: index.size },
    pages,
    documents: plan.documents,
  };
  const path = buildRecordPath(outDir);
  writeFileAtomic(path, `${JSON.stringify(manifest)}\n`);
}
