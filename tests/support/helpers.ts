/** Shared test helpers: the real taxonomy and corpus, ingested in-process. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceEntry } from '../../src/core/schemas/sources.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import type { Taxonomy } from '../../src/core/schemas/taxonomy.ts';
import { createPipelineContext, ingestSource, type PipelineContext } from '../../src/ingest/pipeline.ts';
import { readSourceList, readTaxonomy } from '../../src/io/read-inputs.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SOURCES = join(ROOT, 'content', 'sources');
export const CORPUS_FILES = [
  'caresq-2025-ziekenvervoer.txt',
  'caresq-2026-categorale-instellingen.txt',
  'caresq-2027-zbc.txt',
  'cz-2025-msz.txt',
  'zorg-en-zekerheid-2025-algemeen.txt',
] as const;

const taxonomy = await readTaxonomy(join(ROOT, 'content', 'taxonomy'), (path) => path.slice(ROOT.length + 1));
const entries = await readSourceList(join(SOURCES, 'sources.yaml'), taxonomy, (path) => path.slice(ROOT.length + 1));

export function loadTaxonomy(): Taxonomy {
  return taxonomy;
}

let context: PipelineContext | null = null;
export function pipelineContext(): PipelineContext {
  context ??= createPipelineContext(loadTaxonomy());
  return context;
}

export function sourceEntries(): SourceEntry[] {
  return entries;
}

export function sourceLines(file: string): string[] {
  return readFileSync(join(SOURCES, file), 'utf8').split(/\r\n|\n|\r/);
}

const cache = new Map<string, Promise<PolicyDocument>>();
/** Ingest a corpus file with its sources.yaml entry (or without, for detection tests). */
export function ingestCorpusFile(file: string, withEntry = true): Promise<PolicyDocument> {
  const key = `${file}|${withEntry}`;
  if (!cache.has(key)) {
    const entry = withEntry ? sourceEntries().find((candidate) => candidate.file === file) : undefined;
    cache.set(
      key,
      ingestSource(
        { file: `content/sources/${file}`, bytes: readFileSync(join(SOURCES, file)), entry },
        pipelineContext(),
      ),
    );
  }
  return cache.get(key)!;
}

/** Ingest a text given inline (fixtures). */
export function ingestText(
  text: string | Uint8Array,
  file = 'fixture.txt',
  entry?: SourceEntry,
): Promise<PolicyDocument> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return ingestSource({ file, bytes, entry }, pipelineContext());
}

export function fixtureEntry(file: string, extra: Partial<SourceEntry> = {}): SourceEntry {
  return { file, id: 'cz-2025-msz', insurer: 'cz', year: 2025, careType: 'msz', title: 'Fixture', ...extra };
}

export function numbered(document: PolicyDocument): Array<[string, string | null]> {
  const byId = new Map(document.sections.map((section) => [section.id, section]));
  return document.sections
    .filter((section) => section.number)
    .map((section) => [section.number!, section.parent ? (byId.get(section.parent)!.number ?? null) : null]);
}

export function titles(document: PolicyDocument): string[] {
  return document.sections.map((section) => section.title);
}

/** Every file under a folder, by path, with its content as `read` gives it (its bytes by default). */
export function filesUnder(
  dir: string,
  read: (path: string, bytes: Buffer) => string = (_path, bytes) => bytes.toString('base64'),
): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(relative(dir, path), read(path, readFileSync(path)));
  }
  return files;
}
