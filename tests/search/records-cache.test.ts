/** Search records kept per insurer between builds (src/search/records-cache.ts). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildLexicon } from '../../src/core/compounds.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { writeFileAtomic } from '../../src/io/atomic-write.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import { corpusRecords, lexiconText } from '../../src/search/records-cache.ts';
import { collectSearchRecords, type PolicyForSearch } from '../../src/search/records.ts';
import { CORPUS_FILES, ingestCorpusFile } from '../support/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'atlas-zoekrecords-'));
after(() => rmSync(work, { recursive: true, force: true }));

const real = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));

/** A real policy as another insurer, year or care type, with section `edit`'s text changed when given. */
function variant(
  document: PolicyDocument,
  change: { insurer?: string; year?: number; careType?: string; edit?: number },
): PolicyDocument {
  const insurer = change.insurer ?? document.insurer;
  const year = change.year ?? document.year;
  const careType = change.careType ?? document.careType;
  return {
    ...document,
    id: `${insurer}-${year}-${careType}`,
    insurer,
    year,
    careType,
    sections: document.sections.map((section, index) =>
      index === change.edit ? { ...section, text: `${section.text} Gewijzigd ${year}.` } : section,
    ),
  };
}

const asPolicy = (document: PolicyDocument): PolicyForSearch => ({
  document,
  careTypeName: document.careType.toUpperCase(),
});

/** A corpus folder that the tests change file by file, as the ingest does (a new file renamed over the old). */
class Corpus {
  readonly dir: string;
  readonly reads: string[] = [];
  constructor(name: string) {
    this.dir = join(work, name);
    mkdirSync(this.dir, { recursive: true });
  }
  write(document: PolicyDocument): void {
    writeFileAtomic(join(this.dir, `${document.id}.json`), serialiseDocument(document));
  }
  remove(id: string): void {
    rmSync(join(this.dir, `${id}.json`));
  }
  files(): string[] {
    return this.documents().map((document) => join(this.dir, `${document.id}.json`));
  }
  documents(): PolicyDocument[] {
    return [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
  readonly byId = new Map<string, PolicyDocument>();
  put(document: PolicyDocument): void {
    this.byId.set(document.id, document);
    this.write(document);
  }
  drop(id: string): void {
    this.byId.delete(id);
    this.remove(id);
  }
  records(cacheDir: string | null, salt = 'code-1') {
    this.reads.length = 0;
    return corpusRecords({
      files: this.files(),
      read: (file) => {
        this.reads.push(file);
        return asPolicy(JSON.parse(readFileSync(file, 'utf8')) as PolicyDocument);
      },
      dir: cacheDir,
      salt,
    });
  }
  /** What the records are when every policy is read, with nothing kept. */
  expected() {
    const drafts = collectSearchRecords(this.documents().map(asPolicy));
    return { drafts, lexicon: buildLexicon(drafts.map(lexiconText)) };
  }
}

const assertSameAsFresh = (corpus: Corpus, got: ReturnType<Corpus['records']>) => {
  const expected = corpus.expected();
  assert.deepEqual(got.drafts, expected.drafts);
  assert.deepEqual([...got.lexicon].sort(), [...expected.lexicon].sort());
};

describe('corpusRecords', () => {
  const base = real.find((document) => document.sections.length > 20)!;
  const other = real.find((document) => document.insurer !== base.insurer)!;

  it('gives what gathering every policy gives, with nothing kept, kept nowhere, or all kept', () => {
    const corpus = new Corpus('gelijk');
    for (const document of real) corpus.put(document);
    corpus.put(variant(base, { year: base.year + 1 }));
    corpus.put(variant(base, { careType: 'ggz', edit: 3 }));
    const cache = join(work, 'gelijk-cache');
    assertSameAsFresh(corpus, corpus.records(null));
    assert.equal(corpus.reads.length, corpus.files().length);
    const cold = corpus.records(cache);
    assertSameAsFresh(corpus, cold);
    assert.equal(corpus.reads.length, corpus.files().length, 'a cold cache reads every policy once');
    const warm = corpus.records(cache);
    assertSameAsFresh(corpus, warm);
    assert.deepEqual(corpus.reads, [], 'nothing changed: no policy read');
    assert.deepEqual(warm.read, []);
  });

  it("after one policy changed, reads that insurer's policies only, and matches a fresh gathering", () => {
    const corpus = new Corpus('een');
    for (const document of [base, other, variant(base, { year: base.year + 1 }), variant(other, { year: 2030 })])
      corpus.put(document);
    const cache = join(work, 'een-cache');
    corpus.records(cache);
    corpus.put(variant(base, { year: base.year + 1, edit: 5 }));
    const after = corpus.records(cache);
    assertSameAsFresh(corpus, after);
    assert.deepEqual(after.read, [base.insurer]);
    const ofBase = corpus
      .documents()
      .filter((document) => document.insurer === base.insurer)
      .map((document) => join(corpus.dir, `${document.id}.json`));
    assert.deepEqual([...corpus.reads].sort(), ofBase.sort(), "only the changed policy's insurer is read");
  });

  it('sees a policy added or removed, and keeps nothing for another salt', () => {
    const corpus = new Corpus('erbij');
    corpus.put(base);
    corpus.put(other);
    const cache = join(work, 'erbij-cache');
    corpus.records(cache);
    const added = variant(other, { year: 2031, edit: 1 });
    corpus.put(added);
    const withAdded = corpus.records(cache);
    assertSameAsFresh(corpus, withAdded);
    assert.deepEqual(withAdded.read, [other.insurer]);
    corpus.drop(added.id);
    const withRemoved = corpus.records(cache);
    assertSameAsFresh(corpus, withRemoved);
    assert.deepEqual(withRemoved.read, [other.insurer], 'a removed file changes its insurer');
    const salted = corpus.records(cache, 'code-2');
    assertSameAsFresh(corpus, salted);
    assert.equal(corpus.reads.length, 2, 'another salt: every policy read');
  });

  it('matches a fresh gathering after any sequence of edits, additions and removals (property)', () => {
    const step = fc.record({
      kind: fc.constantFrom('edit', 'add', 'remove'),
      insurer: fc.constantFrom('een', 'twee', 'drie'),
      year: fc.integer({ min: 2024, max: 2027 }),
      edit: fc.integer({ min: 0, max: 8 }),
    });
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const corpus = new Corpus(`eigenschap-${run}`);
        const cache = join(work, `eigenschap-${run++}-cache`);
        corpus.put(variant(base, { insurer: 'een', year: 2024 }));
        corpus.put(variant(other, { insurer: 'twee', year: 2024 }));
        corpus.records(cache);
        for (const { kind, insurer, year, edit } of steps) {
          const id = `${insurer}-${year}-${base.careType}`;
          if (kind === 'remove') {
            if (corpus.byId.has(id) && corpus.byId.size > 1) corpus.drop(id);
          } else corpus.put(variant(kind === 'add' ? other : base, { insurer, year, careType: base.careType, edit }));
          assertSameAsFresh(corpus, corpus.records(cache));
        }
      }),
      { numRuns: 15 },
    );
  });
});
