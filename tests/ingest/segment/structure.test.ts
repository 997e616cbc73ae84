/** The heading structure of each of the five sources, pinned: number, title and parent. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureEntry, ingestCorpusFile, ingestText, numbered, titles } from '../../support/helpers.ts';

describe('cz-2025-msz', () => {
  it('finds every numbered heading up to four levels with its parent', async () => {
    const document = await ingestCorpusFile('cz-2025-msz.txt');
    const structure = numbered(document);
    assert.deepEqual(
      structure.map(([number]) => number),
      [
        '1',
        '1.1',
        '1.2',
        '1.2.1',
        '2',
        '2.1',
        '2.1.1',
        '2.1.2',
        '2.2',
        '2.2.1',
        '2.2.2',
        '2.2.2.1',
        '2.2.2.2',
        '2.2.2.3',
        '2.2.2.4',
        '2.2.2.5',
        '2.2.3',
        '2.2.3.1',
        '2.2.3.2',
        '2.2.3.3',
        '2.2.3.4',
        '2.2.3.5',
        '2.2.4',
        '2.2.4.1',
        '2.2.4.2',
        '2.2.4.3',
        '2.2.4.4',
        '2.2.4.5',
        '2.2.5',
        '2.2.6',
        '2.2.6.1',
        '2.2.6.2',
        '2.2.6.3',
        '2.2.6.4',
        '2.2.7',
        '2.2.8',
        '2.2.9',
        '2.3',
        '2.3.1',
        '2.3.2',
        '2.4',
        '3',
        '3.1',
        '3.2',
        '3.3',
      ],
    );
    for (const [number, parent] of structure) {
      assert.equal(
        parent,
        number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : null,
        `parent of ${number}`,
      );
    }
    const section = (number: string) => document.sections.find((candidate) => candidate.number === number)!;
    assert.equal(section('2.2.4.1').title, 'Doelmatige uitgifte en inzet, waarbij samenwerkingen worden gestimuleerd');
    assert.equal(section('2.2.4.1').level, 4);
    assert.equal(section('1').title, 'Visie van CZ groep op de medisch-specialistische zorg');
    assert.equal(
      section('2.4').title,
      'Visie van CZ groep op het betrekken van verzekerden en patiënten bij het zorginkoopbeleid',
    );
    assert.equal(section('3.1').title, 'Tijdpad');
  });

  it('finds unnumbered paragraph headings and the appendices, and keeps the twice-printed appendix once', async () => {
    const document = await ingestCorpusFile('cz-2025-msz.txt');
    const all = titles(document);
    for (const title of [
      'Voorwoord',
      'Digitalisering',
      'Gepast gebruik',
      'Telemonitoring',
      'Selectieve inkoop',
      'Bijlagen',
      'Bijlage 1 Behandelingen die we niet vergoeden',
      'Uitsluitingen',
    ]) {
      assert.ok(all.includes(title), `missing heading "${title}"`);
    }
    assert.equal(all.filter((title) => /^Bijlage 2/i.test(title)).length, 1);
    const bijlage1 = document.sections.find((section) => section.title.startsWith('Bijlage 1'))!;
    assert.equal(document.sections.find((section) => section.id === bijlage1.parent)!.title, 'Bijlagen');
    assert.deepEqual(document.ingest.artefacts.find((artefact) => artefact.kind === 'duplicate')?.lines, [1237, 1335]);
  });

  it('does not turn footnotes, list items, questions or dates into headings', async () => {
    const all = titles(await ingestCorpusFile('cz-2025-msz.txt'));
    for (const text of [
      'RVO inzake',
      'Het uitvoeringsplan van de NFU',
      'Hoe borgt het ziekenhuis',
      'Uiterlijk 1 september 2024',
      'digitalisering;',
      'Discusprothese',
    ]) {
      assert.ok(!all.some((title) => title.startsWith(text)), `"${text}" became a heading`);
    }
  });
});

describe('caresq-2026-categorale-instellingen', () => {
  it('reads the OCR\'d "21 Thema’s 2023-2026" as 2.1 under chapter 2', async () => {
    const document = await ingestCorpusFile('caresq-2026-categorale-instellingen.txt');
    assert.deepEqual(numbered(document), [
      ['2', null],
      ['2.1', '2'],
      ['2.2', '2'],
      ['3', null],
      ['4', null],
      ['5', null],
    ]);
    const section21 = document.sections.find((section) => section.number === '2.1')!;
    assert.equal(section21.title, 'Thema’s 2023-2026');
    assert.ok(document.ingest.ocrFixes.some((fix) => fix.line === 84 && fix.from === '21' && fix.to === '2.1'));
    const chapter2 = document.sections.find((section) => section.id === section21.parent)!;
    assert.equal(chapter2.title, 'Thema’s zorginkoop');
    assert.equal(document.ingest.inferredNumbers[0]?.section, chapter2.id);
    // "3." alone on a line, its title on the next.
    assert.equal(document.sections.find((section) => section.number === '3')!.title, 'Voorwaarden zorgovereenkomst');
  });

  it('finds the paragraph headings but not the cells of the planning table', async () => {
    const all = titles(await ingestCorpusFile('caresq-2026-categorale-instellingen.txt'));
    for (const title of [
      'Over Caresq',
      'Inspraak verzekerden',
      'Passende zorg',
      'Dure geneesmiddelen',
      'Revalidatiecentra',
      'Disclaimer',
    ]) {
      assert.ok(all.includes(title), `missing heading "${title}"`);
    }
    assert.ok(
      all.some((title) =>
        title.startsWith(
          'Principe 3: Passende zorg wordt, waar dat kan, zo dicht mogelijk bij de patiënt georganiseerd',
        ),
      ),
    );
    for (const cell of [
      'Aanbieding zorgovereenkomst via VECOZO',
      'Uiterste tekendatum zorgovereenkomst',
      'Onderwerp Datum',
      'Onderwerp Bereikbaarheid',
    ]) {
      assert.ok(!all.includes(cell), `table cell "${cell}" became a heading`);
    }
  });
});

describe('caresq-2025-ziekenvervoer', () => {
  it('finds the tab-separated chapter headings and 2.1', async () => {
    const document = await ingestCorpusFile('caresq-2025-ziekenvervoer.txt');
    assert.deepEqual(numbered(document), [
      ['1', null],
      ['2', null],
      ['2.1', '2'],
      ['2.2', '2'],
      ['3', null],
      ['4', null],
      ['5', null],
    ]);
    const all = titles(document);
    for (const title of [
      'Over Eucare en Aevitae',
      'Inspraak verzekerden',
      'Innovatieve zorg',
      'CSRD (Corporate Sustainability Reporting Directive)',
      'Keuzevrijheid',
      'Disclaimer',
    ]) {
      assert.ok(all.includes(title), `missing heading "${title}"`);
    }
    assert.ok(document.ingest.artefacts.some((artefact) => artefact.kind === 'sidebar' && artefact.lines[0] === 45));
  });
});

describe('caresq-2027-zbc', () => {
  it('finds the whole table of contents, 1 to 3.2.5, and does not make the table of contents a section', async () => {
    const document = await ingestCorpusFile('caresq-2027-zbc.txt');
    assert.deepEqual(
      numbered(document).map(([number]) => number),
      '1 1.1 1.2 1.2.1 2 2.1 2.2 2.3 2.4 2.5 3 3.1 3.1.1 3.1.2 3.2 3.2.1 3.2.2 3.2.3 3.2.4 3.2.5'.split(' '),
    );
    assert.ok(!titles(document).includes('Inhoudsopgave'));
    assert.deepEqual(document.ingest.artefacts.find((artefact) => artefact.kind === 'toc')?.lines, [94, 115]);
    assert.ok(!document.ingest.warnings.some((warning) => warning.includes('table of contents')));
    const principle4 = document.sections.find((section) => section.title.startsWith('Principe 4'))!;
    const principle1 = document.sections.find((section) => section.title.startsWith('Principe 1'))!;
    assert.equal(principle4.parent, principle1.parent, 'bold "Principe 4" is a sibling of "#### Principe 1"');
  });
});

describe('zorg-en-zekerheid-2025-algemeen', () => {
  it('finds chapters 1–8 with their paragraphs, OCR repaired', async () => {
    const document = await ingestCorpusFile('zorg-en-zekerheid-2025-algemeen.txt');
    assert.deepEqual(
      numbered(document).map(([number]) => number),
      '1 1.1 1.2 1.3 2 2.1 2.2 3 3.1 3.2 3.3 3.4 4 4.1 4.2 4.3 4.4 4.5 5 6 6.1 6.2 7 7.1 7.2 8 8.1 8.2'.split(' '),
    );
    const section = (number: string) => document.sections.find((candidate) => candidate.number === number)!;
    assert.equal(section('2.2').title, 'Onze visie');
    assert.equal(section('1.3').title, 'Wat zijn de wijzigingen per 2025?');
    assert.equal(section('5').title, 'IZA en impactvolle transformaties');
    assert.equal(section('3').title, 'Strategieën');
    assert.ok(!titles(document).includes('Beter in jouw buurt'));
  });
});

describe('a numbered title above a paragraph that opens in lower case', () => {
  // The a.s.r. way of writing its name: "a.s.r. ondersteunt ..." right under a heading. Found at
  // scale (the benchmark's corpus), where the paragraph swallowed the heading and a moved section
  // could not be seen to move.
  const text = [
    '1 Inleiding',
    'Dit is het zorginkoopbeleid van a.s.r. voor het jaar 2026, met alle voorwaarden en afspraken voor zorgaanbieders.',
    '',
    '2 Kosten van zorg',
    'Wij kopen doelmatig in en letten daarbij op de prijs en de kwaliteit van de zorg die wij contracteren voor onze ' +
      'klanten.',
    '',
    '2.1 Ziekenhuisverplaatste zorg',
    'a.s.r. ondersteunt de ontwikkeling naar meer passende zorg, substitutie naar voorliggende voorzieningen en meer.',
    'Tegelijkertijd vinden we dat de trend om zorg thuis te verlenen ook grenzen kent, die staan in ons ' +
      'toetsingskader.',
    '',
    '2.2 Revalidatiezorg, trombosediensten, audiologische centra en',
    'ambulancezorg',
    'Deze zorg kopen wij in bij de regionale aanbieders, met afspraken over kwaliteit, bereikbaarheid en de prijs.',
  ].join('\n');
  it('is a heading, and a title that wraps onto a short line is still one title', async () => {
    const document = await ingestText(text, 'asr.txt', fixtureEntry('asr.txt'));
    assert.deepEqual(numbered(document), [
      ['1', null],
      ['2', null],
      ['2.1', '2'],
      ['2.2', '2'],
    ]);
    assert.deepEqual(
      document.sections.filter((section) => section.number).map((section) => section.title),
      [
        'Inleiding',
        'Kosten van zorg',
        'Ziekenhuisverplaatste zorg',
        'Revalidatiezorg, trombosediensten, audiologische centra en ambulancezorg',
      ],
    );
    assert.match(document.sections.find((section) => section.number === '2.1')!.text, /^a\.s\.r\. ondersteunt/u);
  });
});

describe('a first sub-paragraph missing from the text', () => {
  it('still takes its second as a heading under its chapter, as it does for a skipped sibling', async () => {
    const text = [
      '1 Inleiding',
      'Dit is het zorginkoopbeleid voor het jaar 2026, met alle voorwaarden en afspraken voor zorgaanbieders.',
      '',
      '2 Revalidatiezorg en trombosediensten',
      '',
      '2.2 Trombosediensten',
      'De trombosediensten zitten nog steeds in een fundamentele transitie, en wij volgen de ontwikkelingen ' +
        'nauwlettend.',
      '',
      '2.3 Audiologische centra',
      'Steeds meer mensen krijgen te maken met gehoorproblemen, en de vraag naar audiologische zorg groeit elk jaar.',
    ].join('\n');
    const document = await ingestText(text, 'skip.txt', fixtureEntry('skip.txt'));
    assert.deepEqual(numbered(document), [
      ['1', null],
      ['2', null],
      ['2.2', '2'],
      ['2.3', '2'],
    ]);
  });
});
