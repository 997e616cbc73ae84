/** The redline: paragraphs as rows, changes marked, old and new paragraphs lined up, unchanged runs folded. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffRows, diffSectionText, toMarkedString, wordOverlap } from '../../src/analysis/word-diff.ts';
import { rowSides, toRedlineHtml } from '../../src/render/redline-html.ts';

const paragraphs = (count: number, word = 'alinea') =>
  Array.from({ length: count }, (_, index) => `Dit is ${word} nummer ${index + 1} over de zorginkoop.`);

describe('diff rows', () => {
  it('cut the diff at line ends without losing a character, and say what changed in each row', () => {
    const before = ['Eerste alinea blijft.', 'De tweede alinea noemt het IZA.', 'Weg ermee.', 'Laatste.'].join('\n\n');
    const after = ['Eerste alinea blijft.', 'De tweede alinea noemt het AZWA.', 'Laatste.', 'Helemaal nieuw.'].join(
      '\n\n',
    );
    const diff = diffSectionText(before, after);
    const rows = diffRows(diff);
    assert.equal(
      rows
        .flatMap((row) => row.parts)
        .map((part) => part.value)
        .join(''),
      diff.parts.map((part) => part.value).join(''),
    );
    assert.deepEqual(
      rows.map((row) => row.kind),
      ['same', 'changed', 'removed', 'same', 'added'],
    );
  });

  it('keep both texts: the same and removed parts are the old text, the same and added ones the new', () => {
    // Paragraphs and words exactly; spaces within a line aside (jsdiff gives a common word the new side's).
    const lines = (text: string) =>
      text
        .replace(/[ \t]+/gu, ' ')
        .replace(/ ?\n ?/gu, '\n')
        .trim();
    const side = (diff: ReturnType<typeof diffSectionText>, drop: 'added' | 'removed') =>
      lines(
        diff.parts
          .filter((part) => part.kind !== drop)
          .map((part) => part.value)
          .join(''),
      );
    for (let seed = 1; seed <= 60; seed++) {
      const words = ['zorg', 'inkoop', 'IZA', 'AZWA', 'contract', 'regio', 'wachttijd', '2026'];
      const text = (salt: number) =>
        Array.from({ length: 3 + ((seed * salt) % 6) }, (_, paragraph) =>
          Array.from(
            { length: 4 + ((paragraph + seed) % 5) },
            (_, word) => words[(word * salt + paragraph + seed) % 8],
          ).join(' '),
        ).join(seed % 2 ? '\n\n' : '\n');
      const [before, after] = [text(3), text(seed % 4 === 0 ? 3 : 5)];
      const diff = diffSectionText(before, after);
      assert.equal(side(diff, 'added'), lines(before), `seed ${seed}: old side`);
      assert.equal(side(diff, 'removed'), lines(after), `seed ${seed}: new side`);
    }
  });

  it('are lossless on generated edits', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const before = paragraphs(8 + (seed % 5)).join('\n\n');
      const after = paragraphs(8 + (seed % 5))
        .map((text, index) => ((index * seed) % 3 === 0 ? text.replace('over', 'rond') : text))
        .filter((_, index) => (index + seed) % 7 !== 0)
        .join('\n\n');
      const diff = diffSectionText(before, after);
      assert.equal(
        diffRows(diff)
          .flatMap((row) => row.parts)
          .map((part) => part.value)
          .join(''),
        diff.parts.map((part) => part.value).join(''),
        `seed ${seed}`,
      );
    }
  });
});

describe('a largely rewritten section', () => {
  it('lines up the paragraphs that stayed alike and shows the rewritten ones whole, not as word soup', () => {
    const before = [
      'De zorgaanbieder levert jaarlijks een kwaliteitsverslag aan.',
      'Wij kopen in op basis van volume en prijs.',
      'Contracten lopen drie jaar.',
    ].join('\n\n');
    const after = [
      'Passende zorg staat voorop: samen beslissen, zorg dichtbij en digitaal waar het kan.',
      'De zorgaanbieder levert jaarlijks een kwaliteitsverslag en een duurzaamheidsplan aan.',
      'Wij sluiten meerjarige afspraken met regionale partners over het hele zorgpad.',
      'Contracten lopen vijf jaar.',
    ].join('\n\n');
    const diff = diffSectionText(before, after);
    assert.equal(diff.complete, true);
    const marked = toMarkedString(diff);
    // The alike paragraphs word by word; the others whole.
    assert.match(marked, /kwaliteitsverslag \{\+en een duurzaamheidsplan \+\}aan\./u);
    assert.match(marked, /Contracten lopen \[-drie-\]\{\+vijf\+\} jaar\./u);
    assert.match(marked, /\[-Wij kopen in op basis van volume en prijs\.\n\n-\]/u);
    assert.match(
      marked,
      /\{\+Passende zorg staat voorop: samen beslissen, zorg dichtbij en digitaal waar het kan\.\n\n\+\}/u,
    );
    assert.ok(wordOverlap('Wij kopen in op basis van volume en prijs.', 'Wij sluiten meerjarige afspraken') < 0.5);
  });
});

describe('redline HTML', () => {
  const before = paragraphs(12).join('\n\n');
  const after = paragraphs(12)
    .map((text, index) => (index === 9 ? text.replace('zorginkoop', 'zorgverkoop') : text))
    .join('\n\n');
  const diff = diffSectionText(before, after);

  it('folds a long run of unchanged paragraphs into one line that opens, with a paragraph of context', () => {
    const html = toRedlineHtml(diff);
    assert.match(html, /<details class="ongewijzigd"><summary>8 ongewijzigde alinea’s<\/summary>/u);
    // The paragraph before the change stays open, and so does the one after it (the last two).
    const open = html.replace(/<details[\s\S]*?<\/details>/gu, '');
    assert.match(open, /nummer 9 over/u);
    assert.match(open, /nummer 11 over/u);
    assert.doesNotMatch(open, /nummer 3 over/u);
    assert.match(html, /<div class="rij rij--changed"><span class="visually-hidden">\(gewijzigd\) <\/span>/u);
    assert.match(
      html,
      /<del>zorginkoop\.<\/del><ins>zorgverkoop\.<\/ins>|<del>zorginkoop<\/del><ins>zorgverkoop<\/ins>/u,
    );
  });

  it('side by side: each row splits into its old and its new paragraph, so they line up', () => {
    const rows = diffRows(diff);
    const changed = rows.find((row) => row.kind === 'changed')!;
    const sides = rowSides(changed.parts);
    assert.ok(sides.old.some((part) => part.kind === 'removed'));
    assert.ok(sides.new.some((part) => part.kind === 'added'));
    assert.ok(!sides.old.some((part) => part.kind === 'added'));
    assert.ok(!sides.new.some((part) => part.kind === 'removed'));
    // Row by row, the old sides are the old text and the new sides the new one.
    const join = (side: 'old' | 'new') =>
      rows
        .map((row) =>
          rowSides(row.parts)
            [side].map((part) => part.value)
            .join(''),
        )
        .join('')
        .replace(/\s+/gu, ' ')
        .trim();
    assert.equal(join('old'), before.replace(/\s+/gu, ' ').trim());
    assert.equal(join('new'), after.replace(/\s+/gu, ' ').trim());
  });

  it('side by side: a paragraph that is new has an empty old side, one that is gone an empty new side', () => {
    const rows = diffRows(
      diffSectionText('Eerste blijft.\n\nWeg ermee.\n\nLaatste.', 'Eerste blijft.\n\nLaatste.\n\nHelemaal nieuw.'),
    );
    const kinds = rows.map((row) => [row.kind, rowSides(row.parts).old.length > 0, rowSides(row.parts).new.length > 0]);
    assert.deepEqual(
      kinds.filter(([kind]) => kind !== 'same'),
      [
        ['removed', true, false],
        ['added', false, true],
      ],
    );
  });

  it('a section added whole is one row, however many paragraphs it has', () => {
    const html = toRedlineHtml(diffSectionText('', paragraphs(5).join('\n\n')));
    assert.equal(html.match(/class="rij/gu)!.length, 1);
    const start = '<div class="redline"><div class="rij rij--added"><span class="visually-hidden">(toegevoegd) </span>';
    assert.ok(html.startsWith(`${start}<ins>Dit is alinea nummer 1`), html.slice(0, 200));
    assert.match(html, /nummer 5 over de zorginkoop\.<\/ins><\/div><\/div>$/u);
  });

  it('escapes what the text holds', () => {
    const hostile = diffSectionText('Oud <b>vet</b>.', 'Nieuw <script>alert(1)</script>.');
    assert.doesNotMatch(toRedlineHtml(hostile), /<script>|<b>/u);
  });
});
