/**
 * The PDF stages on small hand-made inputs: lines from positioned items (superscripts, drop caps,
 * cells), furniture, and headings from bookmarks, typography and numbering.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPdfFurniture } from '../../../src/ingest/normalise/pdf-furniture.ts';
import { findPdfHeadings } from '../../../src/ingest/normalise/pdf-headings.ts';
import { layoutPdf, pageLines } from '../../../src/ingest/load/pdf-lines.ts';
import type { PdfContent, PdfItem, PdfOutlineEntry } from '../../../src/ingest/load/pdf-types.ts';

const item = (
  str: string,
  x: number,
  y: number,
  size = 10,
  font = 'Body-Regular',
  extra: Partial<PdfItem> = {},
): PdfItem => ({
  str,
  x,
  y,
  width: str.length * size * 0.5,
  size,
  font,
  rotated: false,
  role: null,
  mcid: null,
  row: null,
  cell: null,
  ...extra,
});

const PROSE = 'zorgaanbieders maken afspraken met ons over de kwaliteit en de kosten van de zorg in de regio.';

/** A page of body text: `lines` of prose at 10 pt, from the top down. */
function bodyLines(top: number, count: number): PdfItem[] {
  return Array.from({ length: count }, (_, index) => item(`Wij vragen dat ${PROSE}`, 50, top - index * 14));
}

function content(pages: PdfItem[][], outline: PdfOutlineEntry[] = []): PdfContent {
  return {
    pages: pages.map((items, index) => ({ number: index + 1, width: 595, height: 842, items })),
    outline,
    info: { title: null, author: null, subject: null, keywords: null, creator: null },
    tagged: false,
  };
}

describe('PDF lines from positioned items', () => {
  it('sets a raised small number as a superscript marker, not a glued digit', () => {
    const [line] = pageLines({
      number: 1,
      width: 595,
      height: 842,
      items: [item('ten minste 100 fte).', 50, 700), item('5', 150, 703, 6), item('Als', 156, 700)],
    });
    assert.equal(line!.text, 'ten minste 100 fte).⁵ Als');
    assert.deepEqual(line!.markers, ['5']);
  });

  it('keeps a drop cap with its word and a letter in another font inside its word', () => {
    const lines = pageLines({
      number: 1,
      width: 595,
      height: 842,
      items: [
        item('D', 50, 672, 40, 'Display-Bold', { width: 26 }),
        item('e zorg wordt ', 80, 700),
        item('s', 143, 700, 10, 'Body-Italic'),
        item('chaars in de regio.', 148, 700),
        item('Wij kopen zorg in.', 80, 686),
      ],
    });
    assert.equal(lines[0]!.text, 'De zorg wordt schaars in de regio.');
    assert.equal(lines[1]!.text, 'Wij kopen zorg in.');
  });

  it('joins items far apart on one baseline as cells, but a heading number and its tab-set title as one', () => {
    const lines = pageLines({
      number: 1,
      width: 595,
      height: 842,
      items: [
        item('Inleiding', 50, 700),
        item('3', 500, 700),
        item('2.1', 50, 680, 12, 'Body-Bold'),
        item('Planning', 110, 680, 12, 'Body-Bold'),
      ],
    });
    assert.equal(lines[0]!.text, 'Inleiding\t3');
    assert.equal(lines[0]!.cells, 2);
    assert.equal(lines[1]!.text, '2.1 Planning');
  });
});

describe('PDF furniture and headings', () => {
  const chapter = (page: number, title: string, numbered: string | null) => [
    item(`Hoofdstuk ${page} | Beleid 2027`, 50, 810, 8),
    item(numbered ? `${numbered} ${title}` : title, 50, 760, 18, 'Body-Bold'),
    ...bodyLines(730, 6),
    item('1. Een opsomming in vet die geen kop is', 50, 630, 10, 'Body-Bold'),
    ...bodyLines(610, 4),
    item(`${page}`, 290, 30),
  ];

  it('sets aside page numbers and a header repeated on three pages, and finds chapters by size and weight', () => {
    const pages = [chapter(1, 'Inleiding', '1'), chapter(2, 'Procedure', '2'), chapter(3, 'Kwaliteit', '3')];
    const layout = layoutPdf(content(pages));
    const furniture = findPdfFurniture(layout);
    const kinds = furniture.artefacts.map((artefact) => artefact.kind);
    assert.equal(kinds.filter((kind) => kind === 'page-number').length, 3);
    assert.equal(kinds.filter((kind) => kind === 'running-header').length, 3);
    const { headings, structured } = findPdfHeadings(layout, furniture);
    assert.ok(structured);
    assert.deepEqual(
      headings.map((heading) => heading.text),
      ['1 Inleiding', '2 Procedure', '3 Kwaliteit'],
    );
    assert.deepEqual(headings[0]!.signals, ['font:18.0/bold', 'number']);
  });

  it('matches a bookmark that leaves out the number its heading prints, and gives its depth to an unnumbered heading', () => {
    const pages = [
      [item('1 Inleiding', 50, 760, 18, 'Body-Bold'), ...bodyLines(730, 6)],
      [item('Voor wie dit beleid geldt', 50, 760, 14, 'Body-Bold'), ...bodyLines(730, 6)],
    ];
    const outline: PdfOutlineEntry[] = [
      { title: 'Inleiding', depth: 1, page: 1, y: 780 },
      { title: 'Voor wie dit beleid geldt', depth: 2, page: 2, y: 780 },
    ];
    const layout = layoutPdf(content(pages, outline));
    const { headings } = findPdfHeadings(layout, findPdfFurniture(layout));
    assert.deepEqual(
      headings.map(({ text, level, signals }) => ({ text, level, outline: signals.includes('outline') })),
      [
        { text: '1 Inleiding', level: 1, outline: true },
        { text: 'Voor wie dit beleid geldt', level: 2, outline: true },
      ],
    );
  });

  it('reads "Hoofdstuk 2: Titel" and numbering of any depth as numbers', () => {
    const pages = [
      [
        item('Hoofdstuk 1: Inleiding', 50, 760, 18, 'Body-Bold'),
        ...['1.1', '1.1.1', '1.1.1.1', '1.1.1.1.1', '1.1.1.1.1.1'].flatMap((number, depth) => [
          item(`${number} Paragraaf op niveau ${depth + 2}`, 50, 720 - depth * 100, 12, 'Body-Bold'),
          ...bodyLines(700 - depth * 100, 3),
        ]),
      ],
      [item('Hoofdstuk 2 - Inkoopprocedure', 50, 760, 18, 'Body-Bold'), ...bodyLines(730, 6)],
    ];
    const layout = layoutPdf(content(pages));
    const { headings } = findPdfHeadings(layout, findPdfFurniture(layout));
    assert.deepEqual(
      headings.map((heading) => heading.number?.length),
      [1, 2, 3, 4, 5, 6, 1],
    );
    assert.deepEqual(headings.at(-1)!.number, [2]);
  });
});
