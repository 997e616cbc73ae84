/** Thin adapter around pdf.js: the text layer of a PDF as lines, each with its page number. */
import { InputError } from '../../src/lib/errors.ts';

interface TextItemLike {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * pdf.js, loaded on the first PDF only. Its legacy build brings core-js, which replaces built-ins
 * such as JSON.stringify with slower wrappers for the whole process: loaded up front, it made
 * writing every document (PDF or not) about three times slower.
 */
function loadPdfJs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

export async function readPdfLines(bytes: Uint8Array, file: string): Promise<{ lines: string[]; pageOfLine: number[] }> {
  let pdf;
  try {
    // pdf.js may transfer (detach) the buffer it is given: pass a copy.
    pdf = await (await loadPdfJs()).getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  } catch (cause) {
    throw new InputError(
      file,
      `could not be read as a PDF (${cause instanceof Error ? cause.message : String(cause)})`,
      'the file is probably truncated or damaged: download it again, or export its text to a .txt file',
      { cause },
    );
  }
  try {
    const lines: string[] = [];
    const pageOfLine: number[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItemLike & typeof item => 'str' in item);
      for (const line of itemsToLines(items)) {
        lines.push(line);
        pageOfLine.push(pageNumber);
      }
      page.cleanup();
    }
    if (!lines.some((line) => line.trim() !== '')) {
      throw new InputError(
        file,
        `has ${pdf.numPages} page(s) but no text layer (a scan?)`,
        'run OCR on it first (e.g. ocrmypdf) or add the OCR text as a .txt source',
      );
    }
    return { lines, pageOfLine };
  } finally {
    await pdf.destroy();
  }
}

/** Join text items into lines; a vertical gap clearly larger than the line height is a blank line. */
function itemsToLines(items: TextItemLike[]): string[] {
  const lines: string[] = [];
  let current = '';
  let currentY: number | null = null;
  let lastBaseline: number | null = null;
  let lastHeight = 0;
  const flush = () => {
    if (currentY === null && current === '') return;
    if (lastBaseline !== null && currentY !== null && lastBaseline - currentY > Math.max(lastHeight, 8) * 1.9) lines.push('');
    lines.push(current.replace(/\s+$/, ''));
    if (currentY !== null) lastBaseline = currentY;
    current = '';
    currentY = null;
  };
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (currentY !== null && Math.abs(y - currentY) > Math.max(item.height, 1) * 0.5 && item.str !== '') flush();
    if (item.str !== '') {
      if (currentY === null) currentY = y;
      current += item.str;
      lastHeight = item.height || lastHeight;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}
