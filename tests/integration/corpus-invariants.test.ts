/** The data contract's invariants on the five real sources: lossless, deterministic, traceable. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText } from '../../src/core/text.ts';
import { serialiseDocument } from '../../src/ingest/run/write.ts';
import { CORPUS_FILES, ingestCorpusFile, ingestText, sourceLines, fixtureEntry } from '../support/helpers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES } from '../support/helpers.ts';

for (const file of CORPUS_FILES) {
  describe(file, () => {
    it('is lossless: every non-blank source line lies in exactly one section span', async () => {
      const document = await ingestCorpusFile(file);
      const lines = sourceLines(file);
      const owners = new Array<number>(lines.length + 1).fill(0);
      for (const section of document.sections)
        for (let line = section.lines[0]; line <= section.lines[1]; line++) owners[line]!++;
      lines.forEach((text, index) => {
        if (text.trim() !== '')
          assert.equal(
            owners[index + 1],
            1,
            `line ${index + 1} "${text.slice(0, 40)}" lies in ${owners[index + 1]} spans`,
          );
      });
    });

    it('is deterministic: two runs give byte-identical JSON', async () => {
      const first = serialiseDocument(await ingestCorpusFile(file));
      const again = serialiseDocument(
        await ingestText(
          readFileSync(join(SOURCES, file)),
          `content/sources/${file}`,
          (await import('../support/helpers.ts')).sourceEntries().find((e) => e.file === file),
        ),
      );
      assert.equal(again, first);
    });

    it('is traceable: each section span starts at the line that prints its heading', async () => {
      const document = await ingestCorpusFile(file);
      const lines = sourceLines(file);
      const inferred = new Set(document.ingest.inferredNumbers.map((entry) => entry.section));
      for (const section of document.sections.filter((candidate) => candidate.level > 0)) {
        // The printed words, with the recorded OCR repairs of those lines applied.
        let raw = lines.slice(section.lines[0] - 1, section.lines[0] + 2).join(' ');
        for (const fix of document.ingest.ocrFixes) {
          if (fix.line >= section.lines[0] && fix.line <= section.lines[0] + 2) raw = raw.replace(fix.from, fix.to);
        }
        const printed = foldText(raw).replace(/[^a-z0-9]/g, '');
        const title = foldText(section.title)
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 12);
        assert.ok(printed.includes(title), `${section.id}: line ${section.lines[0]} does not print "${section.title}"`);
        if (section.number && !inferred.has(section.id)) {
          const digits = section.number.replace(/\./g, '');
          assert.ok(
            printed.includes(digits),
            `${section.id}: line ${section.lines[0]} does not print number ${section.number}`,
          );
        }
      }
      for (const change of document.changes)
        assert.ok(lines[change.lines[0] - 1]!.trim() !== '', `change on blank line ${change.lines[0]}`);
      for (const deadline of document.deadlines)
        assert.ok(lines[deadline.line - 1]!.trim() !== '', `deadline on blank line ${deadline.line}`);
    });
  });
}

describe('fixture invariants', () => {
  it('keeps text before the first heading as a level-0 section', async () => {
    const document = await ingestText(
      'Inleidende tekst zonder kop.\n\n1 Eerste hoofdstuk\n\nDit is de tekst van het eerste hoofdstuk met genoeg ' +
        'woorden.\n',
      'f.txt',
      fixtureEntry('f.txt'),
    );
    assert.equal(document.sections[0]!.level, 0);
    assert.deepEqual(document.sections[0]!.lines, [1, 1]);
    assert.equal(document.sections[1]!.number, '1');
  });
});
