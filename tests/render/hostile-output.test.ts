/**
 * What leaves the site as files for other programs: feeds carry source text as text, the CSV no
 * formula, the headers no framing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { changeLogFeed, FEED_ENTRIES } from '../../src/render/atom.ts';
import type { ChangeLogEntry } from '../../src/analysis/changelog.ts';
import { type CSV_COLUMNS, requirementsToCsv } from '../../src/render/requirements-csv.ts';
import type { RequirementItem } from '../../src/analysis/requirements.ts';
import { formatHeadersFile, headerRules, headersFor, parseHeadersFile } from '../../src/render/http-headers.ts';
import { ingestCorpusFile } from '../support/helpers.ts';

const document = await ingestCorpusFile('cz-2025-msz.txt');
const HOSTILE = '<img src=x onerror=alert(1)> ]]> <script>alert(2)</script> & co';

describe('feeds', () => {
  it('carry a hostile heading and text as escaped text, never as markup', () => {
    const entry: ChangeLogEntry = {
      key: 'k',
      kind: 'stated',
      document,
      from: null,
      title: HOSTILE,
      text: HOSTILE,
      sectionUrl: null,
      diffUrl: null,
      themes: [],
      unstated: false,
    };
    const xml = changeLogFeed([entry], {
      site: new URL('https://atlas.example/'),
      path: '/wijzigingen/feed.xml',
      title: 'Wijzigingen',
      insurerName: () => 'CZ',
      legalPublication: { month: 11, day: 12 },
    });
    const bodies = [...xml.matchAll(/<(title|summary) type="html"><!\[CDATA\[([\s\S]*?)\]\]>/gu)].map(
      (match) => match[2]!,
    );
    assert.equal(bodies.length, 2, xml);
    for (const body of bodies) {
      assert.doesNotMatch(body, /[<>]/u);
      // Read as HTML, it is the text again.
      assert.match(
        body.replace(/&#(\d+);/gu, (_, code) => String.fromCodePoint(Number(code))),
        /<img src=x onerror=alert\(1\)> \]\]> <script>alert\(2\)<\/script> & co$/u,
      );
    }
  });
});

describe('the feed of a long change log', () => {
  it('holds the newest entries, and says where the rest are', () => {
    const entries: ChangeLogEntry[] = Array.from({ length: FEED_ENTRIES + 20 }, (_, index) => ({
      key: `k${index}`,
      kind: 'stated',
      document,
      from: null,
      title: `Wijziging ${index}`,
      text: 'tekst',
      sectionUrl: null,
      diffUrl: null,
      themes: [],
      unstated: false,
    }));
    const feed = (list: ChangeLogEntry[]) =>
      changeLogFeed(list, {
        site: new URL('https://atlas.example/'),
        path: '/wijzigingen/feed.xml',
        title: 'Wijzigingen',
        insurerName: () => 'CZ',
        legalPublication: { month: 11, day: 12 },
      });
    const xml = feed(entries);
    const titles = [...xml.matchAll(/<entry>\s*<title type="html"><!\[CDATA\[CZ \d+: Wijziging (\d+)\]\]>/gu)].map(
      (match) => Number(match[1]),
    );
    assert.deepEqual(
      titles,
      Array.from({ length: FEED_ENTRIES }, (_, index) => index),
    );
    assert.match(
      xml,
      new RegExp(
        `De nieuwste ${FEED_ENTRIES} van ${FEED_ENTRIES + 20} wijzigingen; ` +
          'alle staan op https://atlas.example/wijzigingen/',
        'u',
      ),
    );
    assert.doesNotMatch(feed(entries.slice(0, 3)), /De nieuwste/u, 'a short log is whole');
  });
});

describe('the requirements CSV', () => {
  it('neutralises every cell a spreadsheet would run as a formula (OWASP)', () => {
    const section = document.sections.find((candidate) => candidate.level > 0)!;
    const formulas = [
      '=HYPERLINK("https://evil.example","klik")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
    ];
    const items: RequirementItem[] = formulas.map((text) => ({
      document,
      section: { ...section, title: text },
      text,
      types: [],
    }));
    const csv = requirementsToCsv(items, {
      insurer: () => '=cmd',
      careType: () => 'MSZ',
      type: (slug) => slug,
      sectionUrl: () => 'https://atlas.example/',
    });
    const rows = parseCsv(csv, { bom: true, columns: true, relax_quotes: true }) as Array<
      Record<(typeof CSV_COLUMNS)[number], string>
    >;
    assert.equal(rows.length, formulas.length);
    rows.forEach((row, index) => {
      assert.equal(row.eis, `'${formulas[index]}`);
      assert.equal(row.verzekeraar, "'=cmd");
      for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/u);
    });
  });
});

describe('HTTP headers', () => {
  const files = [
    'index.html',
    'pagefind/pagefind-entry.json',
    'pagefind/fragment/nl_1.pf_fragment',
    'pagefind/deel-1/pagefind-entry.json',
    'wijzigingen/feed.xml',
    'kalender/alle.ics',
    'voorwaarden/voorwaarden.csv',
    'api/documents.json',
    'kalender/index.html',
  ];
  const rules = parseHeadersFile(formatHeadersFile(headerRules(files)));

  it('survive the _headers file unchanged', () => {
    assert.deepEqual(rules, headerRules(files));
  });

  it('forbid framing and sniffing everywhere, and type and cache what is not a page', () => {
    for (const path of ['/', '/beleid/x/', '/api/documents.json', '/pagefind/fragment/nl_1.pf_fragment']) {
      const headers = headersFor(path, rules);
      assert.match(headers['Content-Security-Policy']!, /frame-ancestors 'none'/u, path);
      assert.equal(headers['X-Content-Type-Options'], 'nosniff', path);
    }
    assert.equal(
      headersFor('/pagefind/deel-1/fragment/nl_9.pf_fragment', rules)['Cache-Control'],
      'public, max-age=31536000, immutable',
    );
    assert.equal(
      headersFor('/pagefind/pagefind-entry.json', rules)['Cache-Control'],
      'public, max-age=0, must-revalidate',
    );
    assert.equal(headersFor('/kalender/alle.ics', rules)['Content-Type'], 'text/calendar; charset=utf-8');
    assert.equal(headersFor('/kalender/', rules)['Content-Type'], undefined, 'the calendar page stays HTML');
    assert.equal(headersFor('/wijzigingen/feed.xml', rules)['Content-Type'], 'application/atom+xml; charset=utf-8');
  });

  it('never set one header from two rules that match one path (hosts would join them)', () => {
    for (const path of files.map((file) => `/${file}`)) {
      const seen = new Map<string, number>();
      for (const rule of rules)
        if (headersFor(path, [rule])[Object.keys(rule.headers)[0]!] !== undefined)
          for (const name of Object.keys(rule.headers)) seen.set(name, (seen.get(name) ?? 0) + 1);
      for (const [name, count] of seen) assert.equal(count, 1, `${name} for ${path}`);
    }
  });
});
