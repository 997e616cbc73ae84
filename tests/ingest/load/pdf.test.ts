/** PDF sources: a PDF generated from a real source reads back into the same structure, with pages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { fixtureEntry, ingestCorpusFile, ingestText, numbered, sourceLines } from '../../support/helpers.ts';

const LINES_PER_PAGE = 48;

/** Lay the source's lines out on A4 pages in Helvetica, as a word processor's export would. */
async function pdfFromSource(file: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const encodable = (text: string) =>
    [...text.replace(/\t/g, '  ')]
      .map((char) => {
        try {
          font.encodeText(char);
          return char;
        } catch {
          return '?';
        }
      })
      .join('');
  const lines = sourceLines(file);
  for (let start = 0; start < lines.length; start += LINES_PER_PAGE) {
    const page = pdf.addPage([595, 842]);
    lines.slice(start, start + LINES_PER_PAGE).forEach((line, index) => {
      const text = encodable(line.trim());
      if (text) page.drawText(text, { x: 40, y: 800 - index * 16, size: 8, font });
    });
  }
  return pdf.save();
}

describe('PDF text layer', () => {
  it('reads a generated PDF of caresq-2025-ziekenvervoer into the same numbered structure, with pages', async () => {
    const bytes = await pdfFromSource('caresq-2025-ziekenvervoer.txt');
    const fromPdf = await ingestText(
      bytes,
      'caresq-2025-ziekenvervoer.pdf',
      fixtureEntry('caresq-2025-ziekenvervoer.pdf', {
        insurer: 'caresq',
        careType: 'ziekenvervoer',
        id: 'caresq-2025-ziekenvervoer',
      }),
    );
    const fromText = await ingestCorpusFile('caresq-2025-ziekenvervoer.txt');
    assert.equal(fromPdf.source.format, 'pdf');
    assert.deepEqual(numbered(fromPdf), numbered(fromText));
    const expectedPages = Math.ceil(sourceLines('caresq-2025-ziekenvervoer.txt').length / LINES_PER_PAGE);
    assert.deepEqual(fromPdf.sections[0]!.pages?.[0], 1);
    assert.equal(fromPdf.sections.at(-1)!.pages?.[1], expectedPages);
    for (const section of fromPdf.sections) assert.ok(section.pages && section.pages[0] <= section.pages[1]);
    const chapter3 = fromPdf.sections.find((section) => section.number === '3')!;
    assert.equal(chapter3.title, 'Voorwaarden zorgovereenkomst');
    assert.equal(chapter3.pages![0], Math.ceil(412 / LINES_PER_PAGE));
    assert.ok(fromPdf.deadlines.some((deadline) => deadline.date === '2024-11-12'));
  });
});
