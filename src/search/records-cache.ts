/**
 * The search records of a corpus, kept per insurer from one build to the next. Records are made
 * per insurer (records.ts never joins two insurers' texts), so an insurer whose policy files are
 * all as they were has the records it had: after one policy changed, only that insurer's policies
 * are read again, where reading and gathering every policy cost seconds of every build.
 *
 * A file counts as unchanged when its SHA-256 is (reading and hashing every file costs a tenth of
 * what parsing them does; a file's size and times can stay the same through a rewrite).
 * What else the records are made from (the code, the taxonomy's names) is the salt: with another
 * salt nothing kept is used.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildLexicon } from '../core/compounds.ts';
import { sha256 } from '../core/hash.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { insurerOrder, type PolicyForSearch, SearchRecordGatherer, type SearchRecordDraft } from './records.ts';

const INDEX_FILE = 'index.json';

/** Per document file (by name): what it was when last read, and its insurer. */
interface KeptIndex {
  salt: string;
  files: Record<string, { stamp: string; insurer: string }>;
}

/** One insurer's records and the words of its texts (its part of the lexicon). */
interface InsurerRecords {
  drafts: SearchRecordDraft[];
  words: string[];
}

export interface CorpusRecords {
  /** Every record, in records.ts's order (by insurer, then newest place). */
  drafts: SearchRecordDraft[];
  /** The words of every record's title and text (compounds.ts buildLexicon). */
  lexicon: Set<string>;
  /** The insurers whose policies this call read; the others' records were kept. */
  read: string[];
}

/** The text of a record its words are learnt from. */
export const lexiconText = (draft: SearchRecordDraft): string => `${draft.title} ${draft.text}`;

const stampOf = (file: string): string => sha256(readFileSync(file));

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * The records of the policies in `files` (each read through `read`, one at a time). With `dir`,
 * the records of every insurer whose files are unchanged come from there, and what this call made
 * is kept there for the next; without it, every policy is read.
 */
export function corpusRecords(options: {
  files: readonly string[];
  read: (file: string) => PolicyForSearch;
  dir: string | null;
  salt: string;
}): CorpusRecords {
  const { files, read, dir, salt } = options;
  const index = dir ? readJson<KeptIndex>(join(dir, INDEX_FILE)) : null;
  const known = index?.salt === salt ? index.files : {};
  const stamps = new Map(files.map((file) => [file, dir ? stampOf(file) : '']));
  const insurerOf = new Map<string, string>();
  const gatherer = new SearchRecordGatherer();
  const readNow = new Set<string>();
  const feed = (file: string) => {
    const policy = read(file);
    gatherer.add(policy);
    insurerOf.set(file, policy.document.insurer);
    readNow.add(file);
  };
  // A file not known as it is now is read first: that tells its insurer, whose records are then made anew.
  for (const file of files) {
    const kept = known[basename(file)];
    if (kept && kept.stamp === stamps.get(file)) insurerOf.set(file, kept.insurer);
    else feed(file);
  }
  const filesOf = groupBy(files, (file) => insurerOf.get(file)!);
  const keyOf = (insurer: string) =>
    sha256([salt, insurer, ...filesOf.get(insurer)!.map((file) => `${basename(file)} ${stamps.get(file)}`)].join('\n'));
  const byInsurer = new Map<string, InsurerRecords>();
  for (const insurer of filesOf.keys()) {
    if (!dir || filesOf.get(insurer)!.some((file) => readNow.has(file))) continue;
    const kept = readJson<InsurerRecords>(join(dir, `${keyOf(insurer)}.json`));
    if (kept && Array.isArray(kept.drafts) && Array.isArray(kept.words)) byInsurer.set(insurer, kept);
  }
  for (const [insurer, its] of filesOf)
    if (!byInsurer.has(insurer)) for (const file of its) if (!readNow.has(file)) feed(file);
  const made = groupBy(gatherer.drafts(), (draft) => draft.insurer);
  // Each insurer's records in records.ts's order: together they are in it too.
  const insurers = [...filesOf.keys()].sort(insurerOrder);
  const readInsurers = insurers.filter((insurer) => !byInsurer.has(insurer));
  for (const insurer of readInsurers) {
    const drafts = made.get(insurer) ?? [];
    byInsurer.set(insurer, { drafts, words: [...buildLexicon(drafts.map(lexiconText))] });
  }
  if (dir) keep(dir, salt, readInsurers, byInsurer, keyOf, insurerOf, stamps);
  return {
    drafts: insurers.flatMap((insurer) => byInsurer.get(insurer)!.drafts),
    lexicon: new Set(insurers.flatMap((insurer) => byInsurer.get(insurer)!.words)),
    read: readInsurers,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Keeps what was made, and the index of every file; drops the records no insurer has any more. */
function keep(
  dir: string,
  salt: string,
  made: readonly string[],
  byInsurer: ReadonlyMap<string, InsurerRecords>,
  keyOf: (insurer: string) => string,
  insurerOf: ReadonlyMap<string, string>,
  stamps: ReadonlyMap<string, string>,
): void {
  mkdirSync(dir, { recursive: true });
  for (const insurer of made)
    writeFileAtomic(join(dir, `${keyOf(insurer)}.json`), JSON.stringify(byInsurer.get(insurer)));
  const files: KeptIndex['files'] = {};
  for (const [file, insurer] of insurerOf) files[basename(file)] = { stamp: stamps.get(file)!, insurer };
  writeFileAtomic(join(dir, INDEX_FILE), JSON.stringify({ salt, files } satisfies KeptIndex));
  const used = new Set([INDEX_FILE, ...[...byInsurer.keys()].map((insurer) => `${keyOf(insurer)}.json`)]);
  for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(join(dir, name), { force: true });
}
