/**
 * Comparing insurers on the real corpus: the theme comparison by sub-topic, coverage, the
 * requirements matrix and its CSV, and the procurement calendar with its .ics parsed back.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildCalendar, byMonth, OTHER_KIND } from '../../src/analysis/calendar.ts';
import { calendarToIcs, eventTitle } from '../../src/render/calendar-ics.ts';
import { coverageMatrix } from '../../src/analysis/coverage.ts';
import { splitPassages } from '../../src/analysis/passages.ts';
import {
  createRequirementExtractor,
  currentDocuments,
  type KeepRequirementItems,
  requirementMatrix,
} from '../../src/analysis/requirements.ts';
import { type CSV_COLUMNS, requirementsToCsv } from '../../src/render/requirements-csv.ts';
import { type COMPARISON_CSV_COLUMNS, comparisonToCsv } from '../../src/render/comparison-csv.ts';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { compareOnTheme, OTHER_ROW } from '../../src/analysis/theme-comparison.ts';
import {
  choosePolicies,
  comparisonViews,
  type ComparisonView,
  defaultView,
  fallbackCareType,
  viewOfCareType,
  yearsOfCareType,
} from '../../src/analysis/policy-choice.ts';
import { CORPUS_FILES, fixtureEntry, ingestCorpusFile, ingestText, loadTaxonomy, ROOT } from '../support/helpers.ts';
import { parseTaxonomy, TAXONOMY_FILES } from '../../src/core/schemas/taxonomy.ts';

const taxonomy = loadTaxonomy();
const corpus: PolicyDocument[] = await Promise.all(CORPUS_FILES.map((file) => ingestCorpusFile(file)));
const MSZ_2025: ComparisonView = { careType: 'msz', year: 2025 };
const TAXONOMY_DIR = join(ROOT, 'content', 'taxonomy');
/** The real taxonomy files with some replaced by the given texts. */
const parseTaxonomyWith = (texts: Partial<Record<keyof typeof TAXONOMY_FILES, string>>) =>
  parseTaxonomy(
    Object.fromEntries(
      Object.entries(TAXONOMY_FILES).map(([key, file]) => [
        key,
        {
          path: file,
          text: texts[key as keyof typeof TAXONOMY_FILES] ?? readFileSync(join(TAXONOMY_DIR, file), 'utf8'),
        },
      ]),
    ) as Parameters<typeof parseTaxonomy>[0],
  );
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

describe('like with like: the policy each insurer is compared on', () => {
  const states = (view: ComparisonView) =>
    choosePolicies(corpus, taxonomy, view).map((choice) => [
      choice.insurer,
      choice.state,
      choice.documents.map((document) => document.id),
    ]);

  it('reads the insurer’s own policy of the care type and year, else its general one of that year, else none', () => {
    assert.deepEqual(states({ careType: 'ziekenvervoer', year: 2025 }), [
      ['caresq', 'own', ['caresq-2025-ziekenvervoer']],
      ['cz', 'none', []],
      ['zorg-en-zekerheid', 'fallback', ['zorg-en-zekerheid-2025-algemeen']],
    ]);
    // The general policy of another year is not read: 2027 has none.
    assert.deepEqual(states({ careType: 'zbc', year: 2027 }), [
      ['caresq', 'own', ['caresq-2027-zbc']],
      ['cz', 'none', []],
      ['zorg-en-zekerheid', 'none', []],
    ]);
    assert.deepEqual(states({ careType: 'algemeen', year: 2025 }), [
      ['caresq', 'none', []],
      ['cz', 'none', []],
      ['zorg-en-zekerheid', 'own', ['zorg-en-zekerheid-2025-algemeen']],
    ]);
  });

  it('offers every care type and year with a policy, and opens on the one comparing the most insurers', () => {
    const views = comparisonViews(corpus, taxonomy);
    assert.deepEqual(
      views.map((view) => `${view.careType} ${view.year}`),
      ['zbc 2027', 'categorale-instellingen 2026', 'msz 2025', 'ziekenvervoer 2025', 'algemeen 2025'],
    );
    assert.deepEqual(defaultView(corpus, taxonomy), { careType: 'msz', year: 2025 });
    assert.deepEqual(yearsOfCareType(views, 'zbc'), [2027]);
    assert.deepEqual(viewOfCareType(views, 'zbc', 2025), { careType: 'zbc', year: 2027 });
    assert.deepEqual(viewOfCareType(views, 'algemeen', 2025), { careType: 'algemeen', year: 2025 });
  });

  it('a taxonomy without a fallback care type compares own policies only; two fallbacks are refused', () => {
    const plain = { ...taxonomy, careTypes: taxonomy.careTypes.map((careType) => ({ ...careType, fallback: false })) };
    assert.equal(fallbackCareType(plain), null);
    assert.equal(choosePolicies(corpus, plain, { careType: 'ziekenvervoer', year: 2025 })[2]!.state, 'none');
    const text = readFileSync(join(TAXONOMY_DIR, 'care-types.yaml'), 'utf8').replace(
      /(- slug: msz\n)/u,
      '$1  fallback: true\n',
    );
    assert.throws(() => parseTaxonomyWith({ careTypes: text }), /at most one care type is the fallback/);
  });
});

describe('theme comparison: duurzaamheid', () => {
  const comparison = compareOnTheme(corpus, taxonomy, 'duurzaamheid', { careType: 'ziekenvervoer', year: 2025 });

  it('never calls a sub-topic unmentioned for a policy that has a passage on it, in any view', () => {
    // The fault this replaces: Caresq's column read its 2027 ZBC policy and said "Niets" on CSRD,
    // which its 2025 policy has a passage on. Each column now reads one named policy of the view.
    assert.match(cellText(comparison, 'caresq', 'csrd-rapportage'), /CSRD/);
    for (const theme of taxonomy.themes)
      for (const view of comparisonViews(corpus, taxonomy)) {
        const compared = compareOnTheme(corpus, taxonomy, theme.slug, view);
        for (const column of compared.columns) {
          for (const document of column.choice.documents) {
            assert.equal(document.year, view.year);
            assert.ok([view.careType, 'algemeen'].includes(document.careType), document.id);
          }
          // What a cell shows comes from the column's policy and from nowhere else.
          for (const groups of Object.values(column.cells))
            for (const group of groups) assert.ok(column.choice.documents.includes(group.document));
          if (column.choice.state === 'none') assert.deepEqual(column.cells, {});
        }
      }
    const zbc = compareOnTheme(corpus, taxonomy, 'duurzaamheid', { careType: 'zbc', year: 2027 });
    const caresqZbc = zbc.columns.find((column) => column.insurer === 'caresq')!;
    assert.equal(caresqZbc.cells['csrd-rapportage'], undefined);
    assert.ok(
      !caresqZbc.choice.documents.some((document) => /CSRD/u.test(document.sections.map((s) => s.text).join())),
    );
  });

  it('lines up Caresq 2025: Green Deal 3.0 expectations and the mobility plan above 100 fte', () => {
    assert.match(cellText(comparison, 'caresq', 'green-deal'), /Green Deal Duurzame Zorg 3\.0/);
    assert.match(cellText(comparison, 'caresq', 'mobiliteit'), /mobiliteitsplan .*meer dan 100 fte/);
  });

  it('lines up CZ 2025: the NVZ/NFU targets, 30% less CO2 in 2026 and 25% less residual waste', () => {
    const msz = compareOnTheme(corpus, taxonomy, 'duurzaamheid', MSZ_2025);
    assert.match(cellText(msz, 'cz', 'co2-route'), /CO2-uitstoot met 30% in 2026/);
    assert.match(cellText(msz, 'cz', 'afval-grondstoffen'), /ongesorteerd restafval met minimaal 25% in 2026/);
    assert.match(cellText(msz, 'cz', 'green-deal'), /NVZ en NFU/);
  });

  it('lines up Zorg en Zekerheid’s general policy of 2025 on CSRD, where it has no policy for ziekenvervoer', () => {
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

  it('gives the same comparison when its passages were placed before, and places them anew for other settings', () => {
    const view = { careType: 'zbc', year: 2027 };
    for (const theme of taxonomy.themes) {
      const first = compareOnTheme(corpus, taxonomy, theme.slug, view);
      assert.deepEqual(compareOnTheme(corpus, taxonomy, theme.slug, view), first, theme.slug);
      // The rows were found for another minimum score: found again for this one.
      const strict = { ...taxonomy, themeSettings: { ...taxonomy.themeSettings, minScore: 1000 } };
      const fresh = compareOnTheme(corpus, structuredClone(strict), theme.slug, view);
      assert.deepEqual(compareOnTheme(corpus, strict, theme.slug, view), fresh, `${theme.slug}, strict`);
    }
  });

  it('a theme without sub-topics has one row, and an unknown theme is an error that names the file', () => {
    assert.deepEqual(
      compareOnTheme(corpus, taxonomy, 'inspraak', MSZ_2025).rows.map((row) => row.slug),
      ['overig'],
    );
    assert.throws(() => compareOnTheme(corpus, taxonomy, 'bestaat-niet', MSZ_2025), /themes\.yaml/);
  });
});

describe('theme comparison as CSV', () => {
  it('has a row per insurer, sub-topic and section, and names each of the three states in words', () => {
    const comparison = compareOnTheme(corpus, taxonomy, 'duurzaamheid', { careType: 'ziekenvervoer', year: 2025 });
    const csv = comparisonToCsv(comparison, {
      insurer: (slug) => taxonomy.insurers.find((insurer) => insurer.slug === slug)!.name,
      careType: (slug) => taxonomy.careTypes.find((careType) => careType.slug === slug)!.name,
      sectionUrl: (document, section) => `https://example.org/beleid/${document}/#${section}`,
    });
    type Row = Record<(typeof COMPARISON_CSV_COLUMNS)[number], string>;
    const rows = parseCsv(csv, { bom: true, columns: true }) as Row[];
    const of = (insurer: string, subtopic: string) =>
      rows.filter((row) => row.verzekeraar === insurer && row.onderwerp === subtopic);
    const csrd = comparison.rows.find((row) => row.slug === 'csrd-rapportage')!.label;
    const caresq = of('Caresq', csrd);
    assert.ok(caresq.length >= 1 && caresq.every((row) => row.staat === 'genoemd'));
    assert.match(caresq[0]!.tekst, /CSRD/);
    assert.match(caresq[0]!.link, /^https:\/\/example\.org\/beleid\/caresq-2025-ziekenvervoer\/#/);
    assert.deepEqual(
      of('CZ groep', csrd).map((row) => row.staat),
      ['geen beleid voor deze zorgsoort'],
    );
    const general = rows.filter((row) => row.verzekeraar === 'Zorg en Zekerheid');
    assert.ok(general.every((row) => row['gelezen uit'].startsWith('algemeen beleid')));
    assert.ok(rows.some((row) => row.staat === 'niet genoemd in dit beleid' && row.beleid !== ''));
    // Every cell of the table is in the file: rows × insurers, at least one line each.
    for (const row of comparison.rows)
      for (const column of comparison.columns)
        assert.ok(
          of(taxonomy.insurers.find((insurer) => insurer.slug === column.insurer)!.name, row.label).length >= 1,
        );
  });
});

describe('coverage matrix', () => {
  it('counts sections and words per theme of each insurer’s policy of the view, shares to the fullest', () => {
    const rows = coverageMatrix(corpus, taxonomy, MSZ_2025);
    assert.deepEqual(
      rows.map((row) => [row.insurer, row.choice.state, row.cells.length]),
      [
        ['caresq', 'none', 0],
        ['cz', 'own', taxonomy.themes.length],
        ['zorg-en-zekerheid', 'fallback', taxonomy.themes.length],
      ],
    );
    const cz = rows.find((row) => row.insurer === 'cz')!;
    const duurzaamheid = cz.cells.find((cell) => cell.theme === 'duurzaamheid')!;
    const compared = compareOnTheme(corpus, taxonomy, 'duurzaamheid', MSZ_2025).columns.find(
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

  it('is the same from items kept between builds, on the sections of the policies read again', () => {
    const kept = new Map<string, string>();
    let computed = 0;
    const keep: KeepRequirementItems = (document, compute) => {
      if (!kept.has(document.id)) {
        computed++;
        kept.set(document.id, JSON.stringify(compute()));
      }
      return JSON.parse(kept.get(document.id)!);
    };
    const plain = (items: typeof matrix.items) =>
      items.map((item) => ({
        document: item.document.id,
        section: item.section.id,
        text: item.text,
        types: item.types,
      }));
    const first = requirementMatrix(currentDocuments(corpus), taxonomy, keep);
    const again = structuredClone(currentDocuments(corpus));
    const second = requirementMatrix(again, taxonomy, keep);
    assert.equal(computed, again.length, 'each policy extracted once');
    assert.ok(matrix.items.length > 0);
    assert.deepEqual(plain(first.items), plain(matrix.items));
    assert.deepEqual(plain(second.items), plain(matrix.items));
    for (const item of second.items) assert.ok(item.document.sections.includes(item.section));
    assert.ok(second.items.every((item) => again.includes(item.document)));
  });
  const row = (slug: string) => matrix.rows.find((candidate) => candidate.type.slug === slug)!;
  const insurersOf = (slug: string) =>
    [...new Set(Object.values(row(slug).cells).flatMap((items) => items.map((item) => item.document.insurer)))].sort();
  const ofInsurer = (slug: string, insurer: string) =>
    Object.values(row(slug).cells)
      .flat()
      .filter((item) => item.document.insurer === insurer);

  it('has a column per policy, insurer by insurer, and knows which policies have a requirements list at all', () => {
    assert.deepEqual(
      matrix.columns.map((document) => document.id),
      [
        'caresq-2027-zbc',
        'caresq-2026-categorale-instellingen',
        'caresq-2025-ziekenvervoer',
        'cz-2025-msz',
        'zorg-en-zekerheid-2025-algemeen',
      ],
    );
    // Each cell is one policy's: no item of another policy is in it.
    for (const { cells } of matrix.rows)
      for (const [id, items] of Object.entries(cells)) assert.ok(items.every((item) => item.document.id === id));
    for (const document of matrix.columns)
      assert.equal(
        matrix.withList.has(document.id),
        matrix.items.some((item) => item.document === document),
      );
  });

  it('has BIG-registratie and AGB-code rows with the insurers that require them', () => {
    assert.deepEqual(insurersOf('big-registratie'), ['caresq', 'cz']);
    assert.deepEqual(insurersOf('agb-code'), ['cz', 'zorg-en-zekerheid']);
    assert.match(row('big-registratie').cells['cz-2025-msz']![0]!.text, /BIG-geregistreerd/);
    assert.match(
      ofInsurer('agb-code', 'zorg-en-zekerheid')
        .map((item) => item.text)
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

  it('tells a policy with no requirements list apart from one whose list lacks a requirement', async () => {
    const withList = await ingestText(
      '# Inkoopbeleid 2026\n\n## 1 Voorwaarden\n\nWij stellen de volgende minimumeisen:\n\n- U heeft een AGB-code;\n',
      'lijst.md',
      fixtureEntry('lijst.md', { id: 'vgz-2026-msz', insurer: 'vgz', year: 2026 }),
    );
    const without = await ingestText(
      '# Inkoopbeleid 2026\n\n## 1 Visie\n\nWij kopen zorg in die passend is.\n',
      'geen.md',
      fixtureEntry('geen.md', { id: 'vgz-2026-ggz', insurer: 'vgz', year: 2026, careType: 'ggz' }),
    );
    const both = requirementMatrix([withList, without], taxonomy);
    assert.deepEqual([...both.withList], ['vgz-2026-msz']);
    const big = both.rows.find((candidate) => candidate.type.slug === 'big-registratie')!;
    assert.deepEqual(big.cells, {});
    assert.deepEqual(
      both.columns.map((document) => document.id),
      ['vgz-2026-msz', 'vgz-2026-ggz'],
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
      // A day, or a span's days up to its last ("tussen 1 juli en 1 oktober 2025").
      const milestone = milestones.find((candidate) => `${candidate.id}@zorginkoopatlas` === event.uid)!;
      const days = milestone.until ? (Date.parse(milestone.until) - Date.parse(milestone.date)) / 86_400_000 + 1 : 1;
      assert.equal(event.endDate.subtractDate(event.startDate).toSeconds(), days * 86400);
      assert.match(event.uid, /@zorginkoopatlas$/);
    }
    assert.ok(
      milestones.some((milestone) => milestone.until === '2025-10-01'),
      'CZ: tussen 1 juli en 1 oktober 2025',
    );
    assert.match(
      events.find((event) => event.startDate.toString() === '2026-11-11')!.description,
      /https:\/\/example\.org\/beleid\/caresq-2027-zbc\//,
    );
  });

  it('writes a span as days up to its last, and a time of day as the half hour before it, with its reminder', () => {
    const base = milestones.find((milestone) => milestone.date === '2026-11-11')!;
    const span = { ...base, id: 'span', date: '2025-07-01', until: '2025-10-01', bound: 'span' as const };
    const timed = { ...base, id: 'timed', date: '2025-09-01', time: '12:00', bound: 'deadline' as const };
    const ics = calendarToIcs([span, timed], {
      siteUrl: 'https://example.org/',
      calendarName: 'Zorginkoop',
      insurerName: (slug) => slug,
      careTypeName: (slug) => slug,
      stamp: () => new Date('2026-11-23T00:00:00Z'),
    });
    const [spanEvent, timedEvent] = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    assert.equal(spanEvent!.startDate.toString(), '2025-07-01');
    assert.equal(spanEvent!.endDate.toString(), '2025-10-02');
    assert.equal(timedEvent!.startDate.isDate, false);
    assert.equal(timedEvent!.startDate.toString(), '2025-09-01T11:30:00');
    assert.equal(timedEvent!.endDate.toString(), '2025-09-01T12:00:00');
    assert.equal(timedEvent!.startDate.zone?.tzid ?? 'floating', 'floating');
    assert.match(timedEvent!.summary, /\(12:00 uur\)$/u);
    const trigger = timedEvent!.component
      .getFirstSubcomponent('valarm')!
      .getFirstPropertyValue('trigger') as ICAL.Duration;
    assert.equal(trigger.toSeconds(), -7 * 24 * 3600);
  });

  it('titles an event with insurer, care type, year and kind; a date of no known kind by the policy’s words', () => {
    const names = {
      insurerName: (slug: string) => taxonomy.insurers.find((insurer) => insurer.slug === slug)!.name,
      careTypeName: (slug: string) => taxonomy.careTypes.find((careType) => careType.slug === slug)!.name,
    };
    const signing = milestones.find(
      (milestone) => milestone.date === '2026-11-11' && milestone.kindLabel.toLowerCase().includes('ondertekening'),
    )!;
    assert.match(eventTitle(signing, names), /^Caresq, Zelfstandige behandelcentra 2027: ondertekening/);
    const other = { ...signing, kind: OTHER_KIND, title: `Uiterlijk dan ${'levert u de stukken aan '.repeat(5)}.` };
    const title = eventTitle(other, names);
    assert.match(title, /^Caresq, Zelfstandige behandelcentra 2027: Uiterlijk dan levert u de stukken aan .*…$/);
    assert.ok(title.length < 110, title);
    assert.ok(!title.includes('overige'), title);
  });
});
