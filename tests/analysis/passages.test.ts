/** A comparison cell's excerpt: whole passages while they fit, then a clean cut, never a broken link or table. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadingPassages, splitPassages } from '../../src/analysis/passages.ts';
import { CORPUS_FILES, ingestCorpusFile } from '../support/helpers.ts';

const sentence = (index: number) => `Zin nummer ${index} gaat over de inkoop van zorg in de regio.`;

describe('leadingPassages', () => {
  it('keeps passages that fit whole, and says nothing was left out', () => {
    const passages = splitPassages('Kort.\n\nOok kort.\n\n- een punt\n- nog een');
    const shown = leadingPassages(passages, 500);
    assert.equal(shown.cut, false);
    assert.deepEqual(shown.passages, passages);
  });

  it('cuts the passage that does not fit after its last sentence, and marks the cut', () => {
    const long = Array.from({ length: 20 }, (_, index) => sentence(index + 1)).join(' ');
    const shown = leadingPassages(splitPassages(`Eerste alinea.\n\n${long}`), 300);
    assert.equal(shown.cut, true);
    assert.equal(shown.passages[0]!.text, 'Eerste alinea.');
    const cut = shown.passages[1]!.text;
    assert.match(cut, /regio\. …$/u);
    assert.ok(long.startsWith(cut.slice(0, -2)), cut);
    assert.ok(cut.length <= 300, String(cut.length));
  });

  it('never cuts inside a link', () => {
    const text = `${'Woorden '.repeat(20)}[het hele inkoopbeleid van deze verzekeraar](https://example.org/beleid) en meer tekst daarna.`;
    for (let max = 100; max <= 260; max += 7) {
      const cut = leadingPassages(splitPassages(text), max).passages[0]!.text;
      const links = cut.match(/\[/gu)?.length ?? 0;
      assert.equal(cut.match(/\)/gu)?.length ?? 0, links, `max ${max}: ${cut}`);
    }
  });

  it('cuts a table between rows, and leaves out one that has no room for its head and a row', () => {
    const table = ['Onderwerp\tEis', ...Array.from({ length: 30 }, (_, index) => `Regel ${index}\tEis ${index}`)].join(
      '\n',
    );
    const shown = leadingPassages(splitPassages(`Inleiding van de tabel.\n\n${table}`), 200);
    const rows = shown.passages[1]!.text.split('\n');
    assert.ok(rows.length >= 2);
    assert.ok(rows.every((row) => row.includes('\t')));
    assert.equal(leadingPassages(splitPassages(`${'Lang. '.repeat(30)}\n\n${table}`), 190).passages.length, 1);
  });

  it('on generated cells: what it shows is the start of the text, never longer than asked (but for a first passage that cannot be cut)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const blocks = Array.from({ length: 1 + (seed % 6) }, (_, block) =>
        block % 3 === 2
          ? `- ${sentence(seed + block)}\n- ${sentence(seed * 2 + block)}`
          : Array.from({ length: 1 + ((seed * (block + 1)) % 9) }, (_, index) => sentence(index + block)).join(' '),
      );
      const passages = splitPassages(blocks.join('\n\n'));
      const max = 150 + ((seed * 37) % 500);
      const shown = leadingPassages(passages, max);
      const total = shown.passages.reduce((sum, passage) => sum + passage.text.length, 0);
      assert.ok(total <= max + 2 || shown.passages.length === 1, `seed ${seed}: ${total} > ${max}`);
      shown.passages.forEach((passage, index) => {
        const whole = passages[index]!.text;
        assert.ok(whole.startsWith(passage.text.replace(/ …$/u, '')), `seed ${seed}, passage ${index}`);
      });
      assert.equal(shown.cut, total < passages.reduce((sum, passage) => sum + passage.text.length, 0), `seed ${seed}`);
    }
  });
});

describe('leadingPassages on the real policies', () => {
  it('cuts every section of the five published sources cleanly: a start of its text, links and tables whole', async () => {
    const documents = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    let cut = 0;
    for (const document of documents)
      for (const section of document.sections) {
        const passages = splitPassages(section.text);
        const shown = leadingPassages(passages, 360);
        if (shown.cut) cut++;
        shown.passages.forEach((passage, index) => {
          const where = `${document.id}#${section.id}, passage ${index}`;
          assert.ok(passages[index]!.text.startsWith(passage.text.replace(/ …$/u, '')), where);
          const opened = passage.text.match(/\[[^\]]*\]\(/gu)?.length ?? 0;
          assert.equal(passage.text.match(/\[[^\]]*\]\([^)]*\)/gu)?.length ?? 0, opened, `${where}: a link cut`);
          if (passage.kind === 'table')
            assert.ok(
              passage.text.split('\n').every((row) => row.includes('\t')),
              where,
            );
        });
      }
    // The real texts do have long sections: the cut was exercised, not skipped.
    assert.ok(cut > 20, `${cut} sections cut`);
  });
});
