/** Extraction on the real corpus: metadata from the text, stated changes, deadlines, contacts, themes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { withoutReferrals } from '../../../src/ingest/classify/detect-metadata.ts';
import { lastDay } from '../../../src/ingest/extract/extract-deadlines.ts';
import { CORPUS_FILES, fixtureEntry, ingestCorpusFile, ingestText } from '../../support/helpers.ts';

describe('metadata detected from the text', () => {
  const expected: Record<string, string> = {
    'caresq-2025-ziekenvervoer.txt': 'caresq-2025-ziekenvervoer',
    'caresq-2026-categorale-instellingen.txt': 'caresq-2026-categorale-instellingen',
    'caresq-2027-zbc.txt': 'caresq-2027-zbc',
    'cz-2025-msz.txt': 'cz-2025-msz',
    'zorg-en-zekerheid-2025-algemeen.txt': 'zorg-en-zekerheid-2025-algemeen',
  };
  for (const file of CORPUS_FILES) {
    it(`${file}: insurer, contract year and care type without a sources.yaml entry`, async () => {
      const document = await ingestCorpusFile(file, false);
      assert.equal(document.id, expected[file]);
      assert.deepEqual(document.ingest.metadataSource, {
        insurer: 'text',
        year: 'text',
        careType: 'text',
        title: 'text',
      });
      assert.ok(document.ingest.warnings.some((warning) => warning.startsWith('metadata detected from the text')));
    });
  }
});

describe('stated changes', () => {
  it('caresq-2027-zbc: the three conditions added to 2.3, nested under their item', async () => {
    const document = await ingestCorpusFile('caresq-2027-zbc.txt');
    const parentIndex = document.changes.findIndex(
      (change) => change.text === 'Aan paragraaf 2.3 zijn de volgende voorwaarden toegevoegd:',
    );
    assert.ok(parentIndex >= 0);
    const nested = document.changes.filter((change) => change.parent === parentIndex).map((change) => change.text);
    assert.deepEqual(nested, [
      'De zorgaanbieder heeft minimaal 2 FTE aan medisch specialisten in dienst.',
      'Het zorgaanbod van de zorgaanbieder bestaat voor minimaal 75% uit Zvw-verzekerde zorg; zorg die wordt vergoed ' +
        'vanuit het basispakket.',
      'Voor aanbieders van MSR geldt aanvullend: Er zijn minimaal twee revalidatieartsen werkzaam bij de ' +
        'zorgaanbieder.',
    ]);
    assert.deepEqual(document.changes[parentIndex]!.lines, [219, 219]);
    // The web summary repeats the three conditions; they are stated once.
    assert.equal(
      document.changes.filter((change) => change.text.startsWith('De zorgaanbieder heeft minimaal 2 FTE')).length,
      1,
    );
    assert.ok(document.changes.some((change) => change.text === 'De machtigingsprocedure MSR komt te vervallen.'));
  });

  it('cz-2025-msz: the items of 2.1.1 without list markers, one change each', async () => {
    const document = await ingestCorpusFile('cz-2025-msz.txt');
    const items = document.changes.filter((change) => change.section?.startsWith('2-1-1-'));
    assert.equal(items.length, 4);
    assert.equal(
      items[0]!.text,
      'De datum voor de indiening van de offertes is verschoven van 15 juni naar 1 september.',
    );
    assert.deepEqual(items[1]!.lines, [168, 169]);
  });

  it('zorg-en-zekerheid-2025-algemeen: eleven OCR-bulleted items, the lead-in sentence left out', async () => {
    const document = await ingestCorpusFile('zorg-en-zekerheid-2025-algemeen.txt');
    assert.equal(document.changes.length, 11);
    assert.ok(
      document.changes.some((change) =>
        change.text.startsWith('Er zijn uitsluitingsgronden met betrekking tot verplichtingen omtrent UBO’s'),
      ),
    );
    assert.ok(!document.changes.some((change) => change.text.startsWith('In het Generiek zorginkoopbeleid 2025 zijn')));
    assert.ok(document.changes.at(-1)!.text.endsWith('toegevoegd aan het Algemeen zorginkoopbeleid.'));
  });

  it('caresq-2025-ziekenvervoer: items of both change lists, a wrapped item joined', async () => {
    const document = await ingestCorpusFile('caresq-2025-ziekenvervoer.txt');
    assert.equal(document.changes.length, 3);
    assert.match(
      document.changes[1]!.text,
      /^In hoofdstuk 2\.1 .* Bij die laatste ook specifiek de tekst over principe 1\./,
    );
  });
});

describe('deadlines', () => {
  it('caresq-2027-zbc: offer, signing and publication dates in 2026', async () => {
    const { deadlines } = await ingestCorpusFile('caresq-2027-zbc.txt');
    const has = (date: string, event: RegExp) =>
      assert.ok(
        deadlines.some((deadline) => deadline.date === date && event.test(deadline.event)),
        `${date} ${event}`,
      );
    has('2026-09-30', /Aanbieding zorgovereenkomst via VECOZO/);
    has('2026-09-30', /Aanbieding prijslijst via VECOZO/);
    has('2026-11-11', /tekendatum zorgovereenkomst/i);
    has('2026-11-12', /Publicatie gecontracteerde zorgaanbieders/);
    has('2026-09-01', /kenbaar maken via ons aanvraagformulier/);
  });

  it('cz-2025-msz: the six phases of 3.1 Tijdpad', async () => {
    const { deadlines, sections } = await ingestCorpusFile('cz-2025-msz.txt');
    const tijdpad = sections.find((section) => section.number === '3.1')!;
    const phases = deadlines.filter((deadline) => deadline.section === tijdpad.id && /^Fase \d/.test(deadline.event));
    assert.deepEqual(
      phases.map((deadline) => [deadline.date, deadline.event.slice(0, 6)]),
      [
        ['2024-04-01', 'Fase 1'],
        ['2024-06-01', 'Fase 2'],
        ['2024-09-01', 'Fase 3'],
        ['2024-09-15', 'Fase 4'],
        ['2024-11-01', 'Fase 5'],
        ['2024-11-12', 'Fase 6'],
      ],
    );
    const range = deadlines.find((deadline) => deadline.phrase.startsWith('tussen 1 juli'))!;
    assert.equal(range.date, '2025-07-01');
    assert.equal(range.phrase, 'tussen 1 juli en 1 oktober 2025');
    assert.ok(
      !deadlines.some((deadline) => deadline.event.includes('laatste update')),
      'a publication stamp is no milestone',
    );
  });

  it('caresq-2026-categorale-instellingen: "Eind" and "half" a month, years from context', async () => {
    const { deadlines } = await ingestCorpusFile('caresq-2026-categorale-instellingen.txt');
    const dates = deadlines.map((deadline) => `${deadline.date} ${deadline.event}`);
    assert.ok(dates.includes('2025-09-30 Aanbieding zorgovereenkomst via VECOZO'), dates.join('\n'));
    assert.ok(dates.includes('2025-11-12 Publicatie gecontracteerde zorgaanbieders op zorgzoeker en website'));
    assert.ok(dates.some((date) => date.startsWith('2025-09-15 ')));
  });

  it('"vóór 1 mei" and "Voor 1 april" leave the day before as the last day; "uiterlijk" names it', async () => {
    const { deadlines } = await ingestCorpusFile('caresq-2027-zbc.txt');
    const dateOf = (phrase: string) => deadlines.find((deadline) => deadline.phrase === phrase)?.date;
    assert.equal(dateOf('Voor 1 mei'), '2026-04-30');
    assert.equal(dateOf('Voor 1 april'), '2026-03-31');
    assert.equal(dateOf('tot uiterlijk 1 september 2026'), '2026-09-01');
    const cz = await ingestCorpusFile('cz-2025-msz.txt');
    assert.equal(cz.deadlines.find((deadline) => deadline.phrase === 'vóór 1 juli')?.date, '2024-06-30');
  });

  it('takes one day off for "vóór" on every day of a leap year and the next, and none for other cues', () => {
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2026, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const before = new Date(day - 86_400_000).toISOString().slice(0, 10);
      assert.equal(lastDay('vóór ', date), before, date);
      assert.equal(lastDay('voor de ', date), before, date);
      for (const cue of ['uiterlijk ', 'tot en met ', 't/m ', 'tot uiterlijk ', 'tussen '])
        assert.equal(lastDay(cue, date), date);
    }
    assert.equal(lastDay('vóór ', '2024-03-01'), '2024-02-29');
    assert.equal(lastDay('Vóór ', '2025-01-01'), '2024-12-31');
  });

  it('reads Dutch deadline words: a last day, a first day, a span, a time of day', async () => {
    // Sentences written for this test, not taken from a policy; contract year 2026, so 2025 dates.
    const lines = [
      'Offertes dient u uiterlijk 1 september 2025 om 12:00 uur in te dienen.',
      'Reageren op het concept kan tot 1 mei 2025 bij de inkoper.',
      'Vragen stellen kan tot en met 15 mei 2025 via het portaal.',
      'Aanmelden voor de sessie kan t/m 20 mei 2025 per e-mail.',
      'De inschrijving in het portaal staat open vanaf 1 juni 2025 voor iedereen.',
      'De gesprekken vinden plaats tussen 1 juli en 1 oktober 2025 op locatie.',
      'Het portaal is open van 1 april tot 1 mei 2025 voor nieuwe aanvragen.',
      'Stukken levert u aan vóór 1 maart 2025 12.00 uur bij de afdeling.',
      'De verlengingsperiode loopt van 1 december tot 15 januari voor bestaande contracten.',
    ];
    const text = `# Zorginkoopbeleid 2026\n\n## 1 Planning\n\n${lines.join('\n\n')}\n`;
    const { deadlines } = await ingestText(
      text,
      'planning.md',
      fixtureEntry('planning.md', { id: 'vgz-2026-msz', insurer: 'vgz', year: 2026 }),
    );
    const read = (words: RegExp) => {
      const found = deadlines.filter((deadline) => words.test(deadline.event));
      assert.equal(found.length, 1, `${words}: ${JSON.stringify(deadlines.map((deadline) => deadline.phrase))}`);
      const { date, bound, until, time } = found[0]!;
      return { date, bound, until, time };
    };
    assert.deepEqual(read(/Offertes/), { date: '2025-09-01', bound: 'deadline', until: undefined, time: '12:00' });
    assert.deepEqual(read(/Reageren/), { date: '2025-04-30', bound: 'deadline', until: undefined, time: undefined });
    assert.deepEqual(read(/Vragen/), { date: '2025-05-15', bound: 'deadline', until: undefined, time: undefined });
    assert.deepEqual(read(/Aanmelden/), { date: '2025-05-20', bound: 'deadline', until: undefined, time: undefined });
    assert.deepEqual(read(/inschrijving/), { date: '2025-06-01', bound: 'from', until: undefined, time: undefined });
    assert.deepEqual(read(/gesprekken/), { date: '2025-07-01', bound: 'span', until: '2025-10-01', time: undefined });
    assert.deepEqual(read(/portaal is open/), {
      date: '2025-04-01',
      bound: 'span',
      until: '2025-04-30',
      time: undefined,
    });
    // Before noon on 1 March leaves 1 March itself, not the day before.
    assert.deepEqual(read(/Stukken/), { date: '2025-03-01', bound: 'deadline', until: undefined, time: '12:00' });
    assert.deepEqual(read(/verlengingsperiode/), {
      date: '2025-12-01',
      bound: 'span',
      until: '2026-01-14',
      time: undefined,
    });
    // The end of a span is not a date of its own.
    assert.ok(!deadlines.some((deadline) => deadline.date === '2025-10-01' || deadline.date === '2026-01-15'));
  });

  it('never reads a date from words like "nu"', async () => {
    const { deadlines } = await ingestCorpusFile('zorg-en-zekerheid-2025-algemeen.txt');
    assert.ok(deadlines.every((deadline) => /\d/.test(deadline.phrase)));
    assert.ok(deadlines.some((deadline) => deadline.date === '2024-04-01' && /publiceert/.test(deadline.event)));
  });
});

describe('contacts', () => {
  it('finds e-mail addresses, also one broken over two lines, and phone numbers', async () => {
    const caresq = await ingestCorpusFile('caresq-2025-ziekenvervoer.txt');
    const values = caresq.contacts.map((contact) => contact.value);
    assert.ok(values.includes('zorginkoop@caresq.nl'));
    assert.ok(values.includes('088 35 35 792'));
    const ocr = await ingestCorpusFile('caresq-2026-categorale-instellingen.txt');
    assert.ok(ocr.contacts.some((contact) => contact.value === 'zorginkoop@caresq.nl' && contact.line === 110));
  });
});

describe('themes', () => {
  it('finds dure geneesmiddelen under "Intramurale farmacie", passende zorg under "Gepast gebruik", duurzaamheid under "Green Deal" text', async () => {
    const cz = await ingestCorpusFile('cz-2025-msz.txt');
    const themesOf = (predicate: (title: string) => boolean) =>
      cz.sections.find((section) => predicate(section.title))!.themes;
    assert.equal(themesOf((title) => title === 'Intramurale farmacie')[0], 'dure-geneesmiddelen');
    for (const number of ['2.2.4.1', '2.2.4.2', '2.2.4.3', '2.2.4.4', '2.2.4.5']) {
      assert.ok(
        cz.sections.find((section) => section.number === number)!.themes.includes('dure-geneesmiddelen'),
        number,
      );
    }
    assert.equal(themesOf((title) => title === 'Gepast gebruik')[0], 'passende-zorg');
    assert.equal(themesOf((title) => title === 'Verduurzamen van de zorgsector')[0], 'duurzaamheid');
    const zz = await ingestCorpusFile('zorg-en-zekerheid-2025-algemeen.txt');
    assert.ok(zz.sections.find((section) => section.title.startsWith('CSRD'))!.themes.includes('duurzaamheid'));
  });
});

describe('metadata detection skips sentences that refer to other policies', () => {
  it('drops "verwijzen naar" sentences and leaves the rest as it is (so "a.s.r." stays one name)', () => {
    assert.equal(
      withoutReferrals(
        'Wij kopen in.Voor ziekenhuizen verwijzen wij naar het inkoopbeleid Ziekenhuizen.\nDit is 2026.',
      ),
      'Wij kopen in.\nDit is 2026.',
    );
    assert.equal(withoutReferrals('Het beleid van a.s.r. voor 2026.'), 'Het beleid van a.s.r. voor 2026.');
  });
  it('drops exactly the sentences that testing each one would drop, on any text', () => {
    // The rule as it reads: split after every full stop and line end, keep the sentences without the word.
    const bySentence = (text: string) =>
      text
        .split(/(?<=[.\n])/u)
        .filter((sentence) => !/\bverwijz/iu.test(sentence))
        .join('');
    const piece = fc.constantFrom(
      'Verwijzen',
      'verwijzing',
      'overwijzen',
      'zie',
      'a.s.r.',
      ' ',
      '.',
      '\n',
      'x',
      '2026',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(withoutReferrals(text), bySentence(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('reads a.s.r. from the body of a policy that names it only there', async () => {
    // Not in a title nor in the opening blocks (those count apart): only in the body.
    const generic =
      'Wij kopen zorg in die van goede kwaliteit is, betaalbaar blijft en goed bereikbaar is voor iedereen.';
    const text = [
      '1 Inleiding',
      'Dit is het zorginkoopbeleid 2026 voor de geestelijke gezondheidszorg, voor alle zorgaanbieders.',
      '',
      '2 Kwaliteit',
      generic,
      '',
      '3 Betaalbaarheid',
      generic,
      '',
      '4 Bereikbaarheid',
      generic,
      '',
      '5 Voorwaarden',
      'Zorgaanbieders sluiten een overeenkomst met a.s.r. als zij voldoen aan de eisen van a.s.r. in dit beleid.',
    ].join('\n');
    const document = await ingestText(text, 'asr.txt');
    assert.equal(document.insurer, 'asr');
  });
});
