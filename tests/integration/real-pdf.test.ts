/**
 * Real published PDFs, read from where they lie (../shared/real/, or ATLAS_REAL_DOCUMENTS), never
 * copied into the repository. Each `<name>.pdf` with a `<name>.headings.json` beside it must come
 * back with its structure: every numbered heading with number, exact title, level and parent, its
 * unnumbered chapters, no table-of-contents line or page furniture as a section, its metadata.
 * Without the folder (a checkout on its own) the tests say so and skip; on CI they must run.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { estimatedCorpusMb } from '../../src/build/memory-plan.ts';
import { ingestSource } from '../../src/ingest/pipeline.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import { scoreStructure, type ExpectedStructure } from '../eval/score-structure.ts';
import { plainDigits } from '../../src/core/text.ts';
import { pipelineContext, ROOT } from '../support/helpers.ts';

const FOLDER = process.env.ATLAS_REAL_DOCUMENTS ?? join(ROOT, '..', 'shared', 'real');
const documents = existsSync(FOLDER)
  ? readdirSync(FOLDER).filter(
      (name) => name.endsWith('.pdf') && existsSync(join(FOLDER, name.replace(/\.pdf$/u, '.headings.json'))),
    )
  : [];

describe('real published PDFs', () => {
  if (documents.length === 0) {
    it('are there to test against', (context) => {
      if (process.env.CI) assert.fail(`no real PDFs with .headings.json in ${FOLDER} (set ATLAS_REAL_DOCUMENTS)`);
      context.skip(`no real PDFs in ${FOLDER}: set ATLAS_REAL_DOCUMENTS to a folder of PDFs with .headings.json files`);
    });
    return;
  }
  for (const name of documents) {
    const read = () =>
      ingestSource(
        { file: `real/${name}`, bytes: new Uint8Array(readFileSync(join(FOLDER, name))) },
        pipelineContext(),
      );
    const expected = JSON.parse(
      readFileSync(join(FOLDER, name.replace(/\.pdf$/u, '.headings.json')), 'utf8'),
    ) as ExpectedStructure;

    it(`${name}: numbered headings, titles, levels, parents, chapters and metadata as printed`, async () => {
      const document = await read();
      const score = scoreStructure(document, expected);
      const misses = score.misses.join('\n');
      assert.ok(
        score.numbered.found >= score.numbered.expected - 1,
        `numbered headings found: ${score.numbered.found}/${score.numbered.expected}\n${misses}`,
      );
      assert.ok(
        score.numbered.exactTitle >= score.numbered.expected * 0.97,
        `exact titles: ${score.numbered.exactTitle}/${score.numbered.expected}\n${misses}`,
      );
      assert.ok(score.numbered.rightLevel >= score.numbered.found - 1, `levels\n${misses}`);
      assert.ok(score.numbered.rightParent >= score.numbered.found - 1, `parents\n${misses}`);
      assert.equal(score.unnumbered.found, score.unnumbered.expected, misses);
      assert.deepEqual(score.furnitureSections, []);
      assert.deepEqual(score.extraNumbered, []);
      assert.deepEqual(score.metadata, { insurer: true, year: true, yearEnd: true, careType: true });
    });

    it(`${name}: its JSON within the estimate Astro's heap limit is first set by`, async () => {
      // What startPagesEarly estimates before the first ingest: a little above, never far from, the JSON made.
      const pdfMb = readFileSync(join(FOLDER, name)).length / 2 ** 20;
      const jsonMb = Buffer.byteLength(serialiseDocument(await read())) / 2 ** 20;
      const estimate = estimatedCorpusMb({ textMb: 0, pdfMb });
      assert.ok(
        estimate >= jsonMb && estimate <= 1.5 * jsonMb,
        `${estimate.toFixed(2)} MB for ${jsonMb.toFixed(2)} MB`,
      );
    });

    it(`${name}: lossless, with pages, and the same JSON twice`, async () => {
      const first = await read();
      const second = await read();
      assert.equal(serialiseDocument(first), serialiseDocument(second));
      const lines = first.ingest.textLayer!.lines;
      const covered = new Array<boolean>(lines.length).fill(false);
      for (const section of first.sections) {
        for (let line = section.lines[0]; line <= section.lines[1]; line++) {
          assert.ok(!covered[line - 1], `line ${line} in two sections`);
          covered[line - 1] = true;
        }
        assert.ok(section.pages && section.pages[0] <= section.pages[1], `pages of ${section.id}`);
      }
      for (const [index, text] of lines.entries()) {
        assert.ok(text.trim() === '' || covered[index], `line ${index + 1} in no section: ${text}`);
      }
      // Footnote markers do not glue onto words, and the notes are with their sections.
      const notes = first.sections.flatMap((section) => section.footnotes ?? []);
      assert.ok(notes.length > 0);
      // Every marker set in the text has its note.
      const markers = new Set(
        first.sections.flatMap((section) =>
          [...section.text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu)].map((match) => plainDigits(match[0])),
        ),
      );
      assert.deepEqual(
        [...markers].filter((marker) => !notes.some((note) => note.marker === marker)),
        [],
      );
      assert.doesNotMatch(first.sections.map((section) => section.text).join('\n'), /\p{Ll}[.)]\d{1,2}\s+\p{Lu}/u);
    });
  }
});
