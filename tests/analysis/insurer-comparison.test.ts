/**
 * Comparing insurers on the real corpus: the theme comparison by sub-topic, coverage, the
 * requirements matrix and its CSV, and the procurement calendar with its .ics parsed back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildCalendar, byMonth } from '../../src/analysis/calendar.ts';
import { calendarToIcs } from '../../src/render/calendar-ics.ts';
import { coverageMatrix } from '../../src/analysis/coverage.ts';
import { splitPassages } from '../../src/analysis/passages.ts';
import { createRequirementExtractor, currentDocuments, requirementMatrix } from '../../src/analysis/requirements.ts';
import { type CSV_COLUMNS, requirementsToCsv } from '../../src/render/requirements-csv.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { compareOnTheme, OTHER_ROW } from '../../src/analysis/theme-comparison.ts';
import { CORPUS_FILES, fixtureEntry, ingestCorpusFile, ingestText, loadTaxonomy } from '../support/helpers.ts';

const taxonomy = loadTaxonomy();
const corpus: PolicyDocument[] = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
const cellText = (comparison: ReturnType<typeof compareOnTheme>, insurer: string, row: string) =>
  (comparison.columns.find((column) => column.insurer === insurer)!.cells[row] ?? [])
    .flatMap((group) => group.passages.map((passage) => passage.plain))
    .join('\n');

describe('passages', () => {
  it('cuts paragraphs, top-level list items (with their nested items) and tables, and keeps the lead-in', () => {
    const passages = splitPassages('Intro.\n\nWij hanteren:\n\n- een;\n  - genest;\n- twee.\n\nA\tB\nC\tD');
    assert.deepEqual(
      passages.map((passage) => [passage.kind, passage.text]),
      [
        ['paragraph', 'Intro.'],
        ['paragraph', 'Wij hanteren:'],
        ['item', '- een;\n  - genest;'],
        ['item', '- twee.'],
        ['table', 'A\tB\nC\tD'],
      ],
    );
    assert.equal(passages[2]!.leadIn, 'Wij hanteren:');
    assert.equal(passages[2]!.plain, 'een; genest;');
  });
});

describe('theme comparison: duurzaamheid', () => {
  const comparison = compareOnTheme(corpus, taxonomy, 'duurzaamheid', { caresq: 2025 });

  it('has a column per insurer with the chosen year, the newest by default', () => {
    assert.deepEqual(
      comparison.columns.map((column) => [column.insurer, column.year]),
      [
        ['caresq', 2025],
        ['cz', 2025],
        ['zorg-en-zekerheid', 2025],
      ],
    );
    assert.deepEqual(comparison.columns[0]!.years, [2027, 2026, 2025]);
    assert.equal(compareOnTheme(corpus, taxonomy, 'duurzaamheid').columns[0]!.year, 2027);
  });

  it('lines up Caresq 2025: Green Deal 3.0 expectations and the mobility plan above 100 fte', () => {
    assert.match(cellText(comparison, 'caresq', 'green-deal'), /Green Deal Duurzame Zorg 3\.0/);
    assert.match(cellText(comparison, 'caresq', 'mobiliteit'), /mobiliteitsplan .*meer dan 100 fte/);
  });

  it('lines up CZ 2025: the NVZ/NFU targets, 30% less CO2 in 2026 and 25% less residual waste', () => {
    assert.match(cellText(comparison, 'cz', 'co2-route'), /CO2-uitstoot met 30% in 2026/);
    assert.match(cellText(comparison, 'cz', 'afval-grondstoffen'), /ongesorteerd restafval met minimaal 25% in 2026/);
    assert.match(cellText(comparison, 'cz', 'green-deal'), /NVZ en NFU/);
  });

  it('lines up Zorg en Zekerheid 2025 on CSRD', () => {
    assert.match(cellText(comparison, 'zorg-en-zekerheid', 'csrd-rapportage'), /Europese CSRD/);
    assert.match(cellText(comparison, 'zorg-en-zekerheid', 'mobiliteit'), /mobiliteitsplan/);
  });

  it('puts every passage in one row only, and every row links to a section on the theme', () => {
    for (const column of comparison.columns) {
      const seen = new Set<string>();
      for (const row of comparison.rows) {
        for (const group of column.cells[row.slug] ?? []) {
          assert.ok(group.section.themes.includes('duurzaamheid'));
          for (const passage of group.passages) {
            const key = `${group.section.id}\u0000${passage.text}`;
            assert.ok(!seen.has(key), `${column.insurer}: "${passage.plain.slice(0, 40)}" twice`);
            seen.add(key);
            assert.ok(group.section.text.includes(passage.text), 'a passage is the section text verbatim');
          }
        }
      }
    }
    assert.equal(comparison.rows.at(-1)!.slug, OTHER_ROW.slug);
  });

  it('a theme without sub-topics has one row, and an unknown theme is an error that names the file', () => {
    assert.deepEqual(
      compareOnTheme(corpus, taxonomy, 'inspraak').rows.map((row) => row.slug),
      ['overig'],
    );
    assert.throws(() => compareOnTheme(corpus, taxonomy, 'bestaat-niet'), /themes\.yaml/);
  });
});

describe('coverage matrix', () => {
  it('counts sections and words per insurer and theme for the newest year, shares relative to the fullest cell', () => {
    const rows = coverageMatrix(corpus, taxonomy);
    assert.deepEqual(
      rows.map((row) => [row.insurer, row.year]),
      [
        ['caresq', 2027],
        ['cz', 2025],
        ['zorg-en-zekerheid', 2025],
      ],
    );
    const cz = rows.find((row) => row.insurer === 'cz')!;
    const duurzaamheid = cz.cells.find((cell) => cell.theme === 'duurzaamheid')!;
    const compared = compareOnTheme(corpus, taxonomy, 'duurzaamheid').columns.find(
      (column) => column.insurer === 'cz',
    )!;
    assert.equal(duurzaamheid.sections, compared.sections);
    assert.equal(duurzaamheid.words, compared.words);
    const shares = rows.flatMap((row) => row.cells.map((cell) => cell.share));
    assert.equal(Math.max(...shares), 1);
    assert.ok(shares.every((share) => share >= 0 && share <= 1));
  });
});

describe('requirements matrix', () => {
  const matrix = requirementMatrix(currentDocuments(corpus), taxonomy);
  const row = (slug: string) => matrix.rows.find((candidate) => candidate.type.slug === slug)!;
  const insurersOf = (slug: string) => Object.keys(row(slug).cells).sort();

  it('has BIG-registratie and AGB-code rows with the insurers that require them', () => {
    assert.deepEqual(insurersOf('big-registratie'), ['caresq', 'cz']);
    assert.deepEqual(insurersOf('agb-code'), ['cz', 'zorg-en-zekerheid']);
    assert.match(row('big-registratie').cells.cz![0]!.text, /BIG-geregistreerd/);
    assert.match(
      row('agb-code')
        .cells['zorg-en-zekerheid']!.map((item) => item.text)
        .join('\n'),
      /minimaal één AGB-code/,
    );
  });

  it('has a UBO row for Zorg en Zekerheid only, and the exclusion grounds for CZ and Zorg en Zekerheid', () => {
    assert.deepEqual(insurersOf('ubo'), ['zorg-en-zekerheid']);
    assert.deepEqual(insurersOf('faillissement'), ['cz', 'zorg-en-zekerheid']);
    assert.deepEqual(insurersOf('integriteit'), ['cz', 'zorg-en-zekerheid']);
    assert.deepEqual(insurersOf('kvk-inschrijving'), ['cz', 'zorg-en-zekerheid']);
  });

  it('reads markerless lists under a requirements heading (CZ Bijlage 2) item by item', () => {
    const cz = matrix.items.filter((item) => item.document.insurer === 'cz' && item.section.id === 'algemeen');
    assert.equal(cz.length, 7);
    assert.match(
      cz[0]!.text,
      /^De zorgaanbieder voldoet aan de vereisten van de Wet toetreding zorgaanbieders \(Wtza\)\./,
    );
  });

  it('takes lists after a requirements lead-in, not lists after other lead-ins', () => {
    const caresq2025 = matrix.items.filter((item) => item.document.id === 'caresq-2025-ziekenvervoer');
    assert.equal(caresq2025.length, 9, 'the nine "aanvullende voorwaarden" for the vervoersregisseur');
    assert.ok(
      !matrix.items.some((item) => item.text.includes('Inwoners van Nederland hebben in 2025 digitaal toegang')),
      'an "ambities" list after "randvoorwaarden." is no requirements list',
    );
    assert.ok(
      !matrix.items.some((item) => /mobiliteitsplan/.test(item.text)),
      'sustainability expectations are no contract requirements',
    );
  });

  it('lists unmatched items per insurer instead of dropping them', () => {
    const all = matrix.rows.flatMap((candidate) => Object.values(candidate.cells).flat());
    for (const item of matrix.items)
      assert.ok(item.types.length > 0 ? all.includes(item) : matrix.unmatched[item.document.insurer]!.includes(item));
  });

  it('a new insurer fills the matrix from its text alone', async () => {
    const text =
      '# Inkoopbeleid 2026\n\n## 1 Voorwaarden\n\nWij stellen de volgende minimumeisen:\n\n- U staat ingeschreven bij ' +
      'de Kamer van Koophandel;\n- U heeft een AGB-code;\n- U heeft een Ultimate Beneficial Owner (UBO) opgegeven.\n';
    const document = await ingestText(
      text,
      'nieuw.md',
      fixtureEntry('nieuw.md', { id: 'vgz-2026-msz', insurer: 'vgz', year: 2026 }),
    );
    const items = createRequirementExtractor(taxonomy.requirements).extract(document);
    assert.deepEqual(
      items.map((item) => item.types),
      [['kvk-inschrijving'], ['agb-code'], ['ubo']],
    );
  });

  it('writes a CSV that parses back to one row an item, with the original wording', () => {
    const csv = requirementsToCsv(matrix.items, {
      insurer: (slug) => taxonomy.insurers.find((insurer) => insurer.slug === slug)!.name,
      careType: (slug) => taxonomy.careTypes.find((careType) => careType.slug === slug)!.name,
      type: (slug) => taxonomy.requirements.types.find((type) => type.slug === slug)!.label,
      sectionUrl: (document, section) => `https://example.org/beleid/${document}/#${section}`,
    });
    const rows = parseCsv(csv, { bom: true, columns: true }) as Array<Record<(typeof CSV_COLUMNS)[number], string>>;
    assert.equal(rows.length, matrix.items.length);
    const ubo = rows.filter((entry) => entry.soorten.includes('UBO'));
    assert.ok(ubo.length >= 1 && ubo.every((entry) => entry.verzekeraar === 'Zorg en Zekerheid'));
    assert.ok(
      rows.some(
        (entry) =>
          entry.eis.includes('“Basis-set Medische Specialistische Zorg Kwaliteitsindicatoren”') ||
          entry.eis.includes('"Basisset'),
      ),
    );
  });
});

describe('procurement calendar', () => {
  const milestones = buildCalendar(corpus, taxonomy.milestones);
  const find = (insurer: string, date: string, kind: string) =>
    milestones.find((milestone) => milestone.insurer === insurer && milestone.date === date && milestone.kind === kind);

  it('has Caresq’s signing deadline and CZ’s offer deadline, with the lines they are read from', () => {
    const signing = find('caresq', '2026-11-11', 'ondertekening')!;
    assert.ok(signing);
    assert.equal(signing.mentions.length, 2);
    const offer = find('cz', '2024-09-01', 'aanmelden-offerte')!;
    assert.ok(offer);
    assert.ok(offer.mentions.every((mention) => mention.date === '2024-09-01'));
  });

  it('adds the legal publication date (1 April) where a policy does not name it, never twice', () => {
    const legal = milestones.filter((milestone) => milestone.legal);
    assert.deepEqual(
      legal.map((milestone) => [milestone.insurer, milestone.date]),
      [
        ['caresq', '2024-04-01'],
        ['caresq', '2025-04-01'],
        ['caresq', '2026-04-01'],
      ],
    );
    assert.ok(find('cz', '2024-04-01', 'publicatie-beleid') && !find('cz', '2024-04-01', 'publicatie-beleid')!.legal);
  });

  it('is in date order, grouped by month, with unique ids', () => {
    const dates = milestones.map((milestone) => milestone.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(new Set(milestones.map((milestone) => milestone.id)).size, milestones.length);
    assert.deepEqual(
      byMonth(milestones).flatMap((month) => month.milestones),
      milestones,
    );
  });

  it('writes an .ics that a parser reads back: all-day events with the deadlines', () => {
    const ics = calendarToIcs(milestones, {
      siteUrl: 'https://example.org/',
      calendarName: 'Zorginkoop',
      insurerName: (slug) => taxonomy.insurers.find((insurer) => insurer.slug === slug)!.name,
      careTypeName: (slug) => slug,
      stamp: () => new Date('2026-11-23T00:00:00Z'),
    });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    assert.equal(events.length, milestones.length);
    const on = (date: string, insurer: string) =>
      events.filter((event) => event.startDate.toString() === date && event.summary.startsWith(insurer));
    assert.ok(on('2026-11-11', 'Caresq').some((event) => event.summary.includes('ondertekening')));
    assert.ok(on('2024-09-01', 'CZ groep').some((event) => event.summary.includes('offerte')));
    for (const event of events) {
      // Each with a reminder a week before.
      const alarm = event.component.getFirstSubcomponent('valarm');
      assert.ok(alarm, `${event.summary}: no VALARM`);
      assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
      // 09:00 a week before the day, as a valid RFC 5545 duration.
      const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
      assert.equal(trigger.toSeconds(), -(7 * 24 - 9) * 3600);
      assert.match(alarm.getFirstProperty('trigger')!.toICALString(), /^TRIGGER:-PT159H$/u);
      assert.ok(event.startDate.isDate, 'all-day');
      assert.equal(event.endDate.subtractDate(event.startDate).toSeconds(), 86400);
      assert.match(event.uid, /@zorginkoopatlas$/);
    }
    assert.match(
      events.find((event) => event.startDate.toString() === '2026-11-11')!.description,
      /https:\/\/example\.org\/beleid\/caresq-2027-zbc\//,
    );
  });
});
