/** Alignment, word diffs and stated-versus-detected on the real corpus and the version-pair fixture. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { alignSections, comparableText, WordIndex } from '../../src/analysis/align.ts';
import type { Section } from '../../src/core/schemas/document.ts';
import { compareDocuments, isUnstated } from '../../src/analysis/compare.ts';
import { changeCounts } from '../../src/analysis/history.ts';
import { type KeepLocations, locateStatedChanges, sentencesOf } from '../../src/analysis/stated-changes.ts';
import { diffSectionText, toMarkedString } from '../../src/analysis/word-diff.ts';
import { CORPUS_FILES, ingestCorpusFile, ingestText, sourceEntries, ROOT } from '../support/helpers.ts';

const NEXT_YEAR = 'tests/versions/zorg-en-zekerheid/zorg-en-zekerheid-2026-algemeen.txt';

async function versionPair() {
  const from = await ingestCorpusFile('zorg-en-zekerheid-2025-algemeen.txt');
  const entry = sourceEntries().find((candidate) => candidate.file === 'zorg-en-zekerheid-2025-algemeen.txt')!;
  const to = await ingestText(readFileSync(join(ROOT, NEXT_YEAR)), NEXT_YEAR, {
    ...entry,
    file: NEXT_YEAR,
    year: 2026,
    id: 'zorg-en-zekerheid-2026-algemeen',
    title: 'Algemeen zorginkoopbeleid 2026',
  });
  return { from, to };
}

describe('word diff', () => {
  it('marks deleted and inserted words, Dutch word by word', () => {
    const diff = diffSectionText(
      'De zorgaanbieder levert zorg volgens het IZA.',
      'De zorgaanbieder levert passende zorg volgens het AZWA.',
    );
    assert.equal(toMarkedString(diff), 'De zorgaanbieder levert {+passende +}zorg volgens het [-IZA-]{+AZWA+}.');
    assert.equal(diff.wordsAdded, 2);
    assert.equal(diff.wordsRemoved, 1);
  });

  it('handles empty and whitespace-only text', () => {
    assert.equal(toMarkedString(diffSectionText('', 'Nieuw.')), '{+Nieuw.+}');
    assert.equal(toMarkedString(diffSectionText('Weg.', '')), '[-Weg.-]');
    assert.equal(toMarkedString(diffSectionText('  ', '  ')), '  ');
  });

  it('gives up within its bound on very large edits and shows the texts whole', () => {
    const words = (seed: number) => Array.from({ length: 6000 }, (_, i) => `w${(i * seed) % 7919}`).join(' ');
    const diff = diffSectionText(words(3), words(7), { maxEditLength: 50, timeout: 50 });
    assert.equal(diff.complete, false);
    assert.deepEqual(
      diff.parts.map((part) => part.kind),
      ['removed', 'added'],
    );
  });
});

describe('a second year of a policy (fixture)', () => {
  it('shows the moved section as moved, the renumbered one as changed in place, removed and added ones as such', async () => {
    const { from, to } = await versionPair();
    const pairs = alignSections(from.sections, to.sections);
    const find = (title: string) => pairs.find((pair) => (pair.new ?? pair.old)!.title === title)!;
    const moved = find('Wat verstaat Zorg en Zekerheid onder integriteit?');
    assert.equal(moved.status, 'moved');
    assert.deepEqual([moved.old!.number, moved.new!.number], ['7.2', '6.3']);
    const renumbered = find('Digitale zorg');
    assert.equal(renumbered.status, 'changed');
    assert.deepEqual(
      [renumbered.old!.number, renumbered.new!.number, renumbered.renumbered, renumbered.textChanged],
      ['4.5', '4.4', true, false],
    );
    assert.equal(find('Acute zorg').status, 'removed');
    assert.equal(find('Inclusie en gezondheidsverschillen').status, 'added');
    assert.equal(find('Onze missie').status, 'unchanged');
    assert.equal(pairs.filter((pair) => pair.status === 'moved').length, 1);
  });

  it('links each stated change to its text change and marks the rest "niet vermeld"', async () => {
    const { from, to } = await versionPair();
    const comparison = compareDocuments(from, to);
    const byTitle = (title: string) => comparison.pairs.find((pair) => (pair.new ?? pair.old)!.title === title)!;
    assert.deepEqual(byTitle('Passende zorg').statedBy, [0]);
    assert.match(toMarkedString(byTitle('Passende zorg').diff!), /\{\+Aanvullend Zorg- en Welzijnsakkoord \(AZWA\)/);
    assert.deepEqual(byTitle('Inclusie en gezondheidsverschillen').statedBy, [1]);
    assert.deepEqual(byTitle('Acute zorg').statedBy, [2]);
    assert.deepEqual(byTitle('Wat verstaat Zorg en Zekerheid onder integriteit?').statedBy, [3]);
    const planning = byTitle('Hoe ziet de planning eruit?');
    assert.equal(planning.status, 'changed');
    assert.equal(isUnstated(comparison, planning), true);
    assert.equal(comparison.summary.moved, 1);
    assert.equal(comparison.pipelineDiffers, false);
  });
  it('counts the changed sections of a step, in all and per theme of either side', async () => {
    const { from, to } = await versionPair();
    const comparison = compareDocuments(from, to);
    const counts = changeCounts(comparison);
    const changed = comparison.pairs.filter((pair) => pair.status !== 'unchanged');
    assert.ok(changed.length > 0);
    assert.equal(counts.all, changed.length);
    const themes = new Set(changed.flatMap((pair) => [...(pair.old?.themes ?? []), ...(pair.new?.themes ?? [])]));
    assert.deepEqual(Object.keys(counts.byTheme).sort(), [...themes].sort());
    for (const theme of themes)
      assert.equal(
        counts.byTheme[theme],
        changed.filter((pair) => pair.old?.themes.includes(theme) || pair.new?.themes.includes(theme)).length,
        theme,
      );
  });
});

describe('where a stated change is looked for', () => {
  it("finds every word of a section's sentences among the words of its whole text, when it has no link", () => {
    // The search skips a link-free section without enough of a change's words: sound only while this holds.
    const piece = fc.constantFrom(
      'Zorg',
      'patiënt',
      'Wij',
      '2.3',
      '10.',
      '- ',
      '1. ',
      '. ',
      '! ',
      '? ',
      '\n',
      ' ',
      '.',
      'Σ',
      'İ',
      '[',
      ']',
      '(',
      ')',
      'co-creatie',
      '’s',
      'https://x.nl',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        fc.pre(!text.includes(']('));
        const all = new Set(comparableText(text).split(' '));
        for (const sentence of sentencesOf(text))
          for (const word of comparableText(sentence).split(' ').filter(Boolean))
            assert.ok(all.has(word), `${word} of "${sentence}" not in the words of ${JSON.stringify(text)}`);
      }),
      { numRuns: 3000 },
    );
  });
  it('does not hold where links are: why a section with one is always searched sentence by sentence', () => {
    // Taken out, the first link's label runs into "Zorg"; in the whole text the second link goes too.
    const text = '[label](https://x.nl)Zorg[de site](https://example.nl/a. B)';
    const all = new Set(comparableText(text).split(' '));
    assert.ok(!all.has('labelzorg'));
    assert.ok(comparableText(sentencesOf(text)[0]!).split(' ').includes('labelzorg'));
  });
});

describe('alignment with a word index kept between comparisons', () => {
  it('pairs sections as a fresh index does, past the size it starts with, whatever was compared before', async () => {
    const documents = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
    // A section of 3,000 distinct words (more than the index's first 1,024 counters), and one with a third gone.
    const many = Array.from({ length: 3000 }, (_, index) => `woord${index}`);
    const base = documents[0]!.sections[1]!;
    const long = { ...base, id: 'lang', text: many.join(' ') };
    const shorter = { ...base, id: 'korter', text: many.filter((_, index) => index % 3 !== 0).join(' ') };
    const shared = new WordIndex();
    const fresh = (old: Section[], next: Section[]) => alignSections(old, next, new WordIndex());
    const summary = (pairs: ReturnType<typeof alignSections>) =>
      pairs.map((pair) => [pair.status, pair.old?.id, pair.new?.id, pair.similarity.toFixed(12)]);
    for (const [old, next] of [
      [[long], [shorter]],
      [documents[0]!.sections, documents[1]!.sections],
      [
        [long, ...documents[2]!.sections],
        [...documents[2]!.sections, shorter],
      ],
      [documents[1]!.sections, documents[2]!.sections],
    ] as Array<[Section[], Section[]]>)
      assert.deepEqual(summary(alignSections(old, next, shared)), summary(fresh(old, next)));
    const [pair] = alignSections([long], [shorter], shared);
    assert.ok(pair!.similarity > 0.5 && pair!.similarity < 1, `${pair!.similarity}`);
  });
});

describe('the real corpus', () => {
  it('Caresq passende zorg: 2027 dropped the "1 op de 4 werknemers" passage and speaks of AZWA', async () => {
    const from = await ingestCorpusFile('caresq-2026-categorale-instellingen.txt');
    const to = await ingestCorpusFile('caresq-2027-zbc.txt');
    const comparison = compareDocuments(from, to);
    const onTheme = comparison.pairs.filter(
      (pair) => pair.old?.themes.includes('passende-zorg') || pair.new?.themes.includes('passende-zorg'),
    );
    const passende = onTheme.find(
      (pair) => pair.old?.title === 'Passende zorg' && pair.new?.title === 'Passende zorg',
    )!;
    const removed = passende
      .diff!.parts.filter((part) => part.kind === 'removed')
      .map((part) => part.value)
      .join(' ');
    assert.match(removed, /1 op de 4 werknemers/);
    assert.ok(
      onTheme.some((pair) => pair.diff?.parts.some((part) => part.kind === 'added' && /AZWA/.test(part.value))),
    );
    const themes = onTheme.find((pair) => pair.new?.number === '1.2')!;
    assert.equal(themes.old!.title, 'Thema’s zorginkoop');
  });

  it('Caresq ZBC 2027: each stated change about 2.3 is linked to its sentence in 2.3', async () => {
    const document = await ingestCorpusFile('caresq-2027-zbc.txt');
    const located = locateStatedChanges(document);
    const numberOf = (id: string) => {
      for (
        let section = document.sections.find((candidate) => candidate.id === id);
        section;
        section = document.sections.find((candidate) => candidate.id === section!.parent)
      ) {
        if (section.number) return section.number;
      }
      return null;
    };
    for (const [start, sentence] of [
      [
        'De zorgaanbieder heeft minimaal 2 FTE',
        'De zorgaanbieder heeft minimaal 2 FTE aan medisch specialisten in dienst;',
      ],
      [
        'Het zorgaanbod van de zorgaanbieder bestaat voor minimaal 75%',
        'Het zorgaanbod van de zorgaanbieder bestaat voor minimaal 75% uit Zvw-verzekerde zorg; zorg die wordt ' +
          'vergoed vanuit het basispakket;',
      ],
      [
        'Voor aanbieders van MSR geldt aanvullend',
        'Voor aanbieders van MSR geldt aanvullend: Er zijn minimaal twee revalidatieartsen werkzaam bij de ' +
          'zorgaanbieder.',
      ],
    ] as const) {
      const index = document.changes.findIndex((change) => change.text.startsWith(start));
      const location = located[index]!;
      assert.equal(numberOf(location.section!.id), '2.3', start);
      assert.equal(location.sentence, sentence);
    }
    const kopje =
      located[document.changes.findIndex((change) => change.text.includes("kopje 'iMSR bij chronische pijn'"))]!;
    assert.equal(kopje.section!.title, 'iMSR bij chronische pijn');
  });

  it('locations kept between builds are the ones found, on the sections of the document read again', async () => {
    const kept = new Map<string, string>();
    const keep: KeepLocations = (document, compute) => {
      if (!kept.has(document.id)) kept.set(document.id, JSON.stringify(compute()));
      return JSON.parse(kept.get(document.id)!);
    };
    let sentences = 0;
    for (const { file } of sourceEntries()) {
      // Each read as a build reads it: other objects, the same document.
      const document = await ingestCorpusFile(file);
      const found = locateStatedChanges(structuredClone(document));
      const first = locateStatedChanges(structuredClone(document), keep);
      assert.ok(kept.has(document.id), `${file}: kept`);
      const again = structuredClone(document);
      let computed = false;
      const second = locateStatedChanges(again, (document, compute) =>
        keep(document, () => {
          computed = true;
          return compute();
        }),
      );
      assert.equal(computed, false, `${file}: the kept locations are used`);
      sentences += found.filter((location) => location.sentence !== null).length;
      const plain = (locations: typeof found) =>
        locations.map((location) => ({ ...location, section: location.section?.id ?? null }));
      assert.deepEqual(plain(first), plain(found));
      assert.deepEqual(plain(second), plain(found));
      for (const location of second)
        if (location.section) assert.ok(again.sections.includes(location.section), 'a section of the document itself');
    }
    assert.ok(sentences > 0, 'the corpus has stated changes that point at a sentence');
  });
});
