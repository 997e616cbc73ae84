/**
 * Layouts the pipeline was not built on: a policy typeset by Chromium in several ways (headings
 * told apart only by size and weight, with and without numbers, outline and tags; a table of
 * contents with dot leaders; a running header and footer; a footnote; a page in two columns; a
 * heading wrapped over lines). Each variant's structure must come back whole.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import type { PolicyDocument } from '../../../src/core/schemas/document.ts';
import { fixtureEntry, ingestText } from '../../support/helpers.ts';
import {
  DEFAULT_LAYOUT,
  expectedHeadings,
  launchChromium,
  policyHtml,
  prose,
  samplePolicy,
  typesetPdf,
  type LayoutOptions,
} from '../../support/typeset-pdf.ts';

const VARIANTS: Record<string, LayoutOptions> = {
  'numbered, untagged, no outline': { ...DEFAULT_LAYOUT },
  'numbered, tagged, with outline': { ...DEFAULT_LAYOUT, tagged: true, outline: true },
  'unnumbered: size and weight only': { ...DEFAULT_LAYOUT, numbered: false },
  'unnumbered, tagged, with outline': { ...DEFAULT_LAYOUT, numbered: false, tagged: true, outline: true },
  'larger body text, headings by size alone': {
    ...DEFAULT_LAYOUT,
    bodySize: 11,
    styles: { 1: { size: 22, weight: 400 }, 2: { size: 16, weight: 400 }, 3: { size: 13, weight: 400 } },
  },
  'no table of contents, no header or footer': { ...DEFAULT_LAYOUT, toc: false, headerFooter: false },
  'a table of contents without page numbers, its chapters in bold': { ...DEFAULT_LAYOUT, tocPageNumbers: false },
};

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function ingestVariant(options: LayoutOptions): Promise<PolicyDocument> {
  const pdf = await typesetPdf(browser, policyHtml(samplePolicy(), options), options);
  return ingestText(
    pdf,
    'variant.pdf',
    fixtureEntry('variant.pdf', { insurer: 'cz', year: 2027, careType: 'msz', id: 'cz-2027-msz' }),
  );
}

describe('PDF layouts the pipeline was not built on', () => {
  for (const [name, options] of Object.entries(VARIANTS)) {
    it(`${name}: every heading with its number, title, level and parent`, async () => {
      const document = await ingestVariant(options);
      const headings = document.sections.filter((section) => section.level > 0);
      assert.deepEqual(
        headings.map((section) => ({ number: section.number, title: section.title, level: section.level })),
        expectedHeadings(samplePolicy(), options),
      );
      const byId = new Map(document.sections.map((section) => [section.id, section]));
      for (const section of headings) {
        const parent = section.parent ? byId.get(section.parent)! : null;
        assert.equal(parent ? parent.level : 0, section.level - 1, `parent of "${section.title}"`);
      }
      const text = document.sections.map((section) => section.text).join('\n');
      // Page furniture and the table of contents are kept in the spans but are not text.
      assert.doesNotMatch(text, /Testverzekeraar|Pagina \d+ van \d+|\.{6,}/u);
      // Nor does a table of contents repeat the headings inside any section's text.
      if (options.toc) assert.doesNotMatch(text, /Kwaliteitskaders/u);
      if (options.toc) {
        assert.ok(document.ingest.artefacts.some((artefact) => artefact.kind === 'toc'));
        assert.equal(document.sections.find((section) => section.title === 'Inhoudsopgave')!.text, '');
      }
      if (options.headerFooter) {
        assert.ok(document.ingest.artefacts.some((artefact) => artefact.kind === 'page-number'));
        assert.ok(document.ingest.artefacts.some((artefact) => artefact.kind === 'running-header'));
      }
      for (const section of headings) {
        const signals = document.ingest.headingSignals!.find((entry) => entry.section === section.id)!.signals;
        assert.ok(signals.length > 0, `signals of "${section.title}"`);
        if (options.outline)
          assert.ok(signals.includes('outline'), `"${section.title}" found by its bookmark: ${signals.join(', ')}`);
        if (options.tagged)
          assert.ok(
            signals.some((signal) => signal.startsWith('tag:H')),
            `"${section.title}" tagged: ${signals.join(', ')}`,
          );
      }
    });
  }

  it('keeps a footnote as a note of its section, its marker set apart from the word', async () => {
    const document = await ingestVariant(DEFAULT_LAYOUT);
    const section = document.sections.find((candidate) => candidate.title === 'Doel van dit beleid')!;
    assert.deepEqual(
      section.footnotes?.map(({ marker, text }) => ({ marker, text })),
      [{ marker: '1', text: 'Zie de website van de Nederlandse Zorgautoriteit voor de actuele beleidsregels.' }],
    );
    assert.match(section.text, /zorgaanbieders¹ /u);
    assert.doesNotMatch(section.text, /Nederlandse Zorgautoriteit/u);
  });

  it('reads a page in two columns column by column, and a heading wrapped over lines as one', async () => {
    const document = await ingestVariant(DEFAULT_LAYOUT);
    const policy = samplePolicy();
    for (const spec of policy[2]!.sections) {
      const section = document.sections.find((candidate) => candidate.title === spec.title)!;
      assert.equal(section.text, spec.paragraphs.join('\n\n'), `text of "${spec.title}"`);
    }
    const wrapped = document.sections.find((section) => section.number === '2')!;
    assert.ok(
      wrapped.lines[0] < document.ingest.mergedHeadings.find((merged) => merged.title === wrapped.title)!.lines[1],
    );
  });

  it('reads a tagged table row by row, each cell whole however many lines it wraps over', async () => {
    const options = { ...DEFAULT_LAYOUT, tagged: true };
    const document = await ingestVariant(options);
    const section = document.sections.find((candidate) => candidate.title === 'Voor wie dit beleid geldt')!;
    const rows = section.text.split('\n').filter((line) => line.includes('\t'));
    assert.deepEqual(
      rows,
      samplePolicy()[0]!.sections[3]!.table!.map((row) => row.join('\t')),
    );
    assert.ok(
      document.deadlines.some((deadline) => deadline.date === '2027-09-01'),
      JSON.stringify(document.deadlines),
    );
  });

  it('gives every section the pages it is printed on', async () => {
    const document = await ingestVariant(DEFAULT_LAYOUT);
    const pageOf = (title: string) => document.sections.find((section) => section.title === title)!.pages;
    assert.deepEqual(pageOf('Voorwoord'), [1, 1]);
    assert.deepEqual(pageOf('Kwaliteitskaders'), [5, 5]);
    assert.equal(document.ingest.textLayer!.pageStarts.length, 5);
  });

  it('generates deterministic prose, so the expected text is known', () => {
    assert.equal(prose(3, 2), prose(3, 2));
    assert.notEqual(prose(3, 2), prose(4, 2));
  });
});
