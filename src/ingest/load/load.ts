/**
 * Stage 1, load: bytes in, lines out. Decodes UTF-8, UTF-16 with a byte-order mark or Windows-1252
 * (decode-text.ts), reads the text layer of a PDF with its page numbers, and refuses input that
 * cannot be a policy text.
 */
import { sha256 as sha256Of } from '../../core/hash.ts';
import { extname } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { splitLines } from '../../core/text.ts';
import { layoutPdf } from './pdf-lines.ts';
import { readPdf } from './pdf-thread.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import type { PdfLayout } from './pdf-types.ts';

export type SourceFormat = 'txt' | 'md' | 'pdf';

export interface LoadedSource {
  /** Path as given, for messages and the `source.file` field. */
  file: string;
  format: SourceFormat;
  sha256: string;
  encoding: TextEncodingName | 'pdf-text-layer';
  /** Line n of the source is lines[n - 1]. For a PDF: the lines of its text layer. */
  lines: string[];
  /** Parse as Markdown (a .md file, or a .txt file that is Markdown converted from a web page). */
  markdown: boolean;
  /** PDF only: the page of each line (same indexing as `lines`). */
  pageOfLine?: number[];
  /** PDF only: each line's position and typography, the outline, tags and metadata. */
  layout?: PdfLayout;
  notes: string[];
}

export interface LoadOptions {
  /** Largest accepted text source (a policy text is far smaller: a larger file is not one). */
  maxTextBytes: number;
  maxPdfBytes: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { maxTextBytes: 8 * 1024 * 1024, maxPdfBytes: 64 * 1024 * 1024 };

const MB = 1024 * 1024;

export async function loadSource(
  bytes: Uint8Array,
  file: string,
  options: LoadOptions = DEFAULT_LOAD_OPTIONS,
): Promise<LoadedSource> {
  const sha256 = sha256Of(bytes);
  const extension = extname(file).toLowerCase();
  const isPdf = extension === '.pdf' || startsWithPdfMagic(bytes);
  const limit = isPdf ? options.maxPdfBytes : options.maxTextBytes;
  if (bytes.length > limit) {
    throw new InputError(
      file,
      `is ${(bytes.length / MB).toFixed(1)} MB, more than the ${(limit / MB).toFixed(0)} MB limit for a ` +
        `${isPdf ? 'PDF' : 'text'} source (a policy text is normally well under 1 MB)`,
      `check that this is the policy itself and not an archive or a concatenation of many files; split it, or raise ` +
        `the limit: npm run build -- --max-size-mb ${Math.ceil(bytes.length / MB)} (or npm run ingest -- ` +
        `--max-size-mb ${Math.ceil(bytes.length / MB)})`,
    );
  }
  if (bytes.length === 0 || (!isPdf && isBlank(bytes))) {
    throw new InputError(
      file,
      'is empty (no text at all)',
      'copy the published text into the file again; an empty download or a failed export is the usual cause',
    );
  }
  if (isPdf) {
    if (!startsWithPdfMagic(bytes)) {
      throw new InputError(
        file,
        'has a .pdf name but is not a PDF (it does not start with "%PDF-")',
        'save the published PDF again, or rename the file to .txt if it is text',
      );
    }
    const layout = layoutPdf(await readPdf(bytes, file));
    const lines = layout.lines.map((line) => line.text);
    const pageOfLine = layout.lines.map((line) => line.page);
    return {
      file,
      format: 'pdf',
      sha256,
      encoding: 'pdf-text-layer',
      lines,
      markdown: false,
      pageOfLine,
      layout,
      notes: [],
    };
  }
  const hasBom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom && looksLikeUtf16(bytes)) {
    throw new InputError(
      file,
      'looks like UTF-16 text without a byte-order mark (every other byte is NUL)',
      'save the file again as UTF-8 (or as UTF-16 with a byte-order mark)',
    );
  }
  if (!hasBom && looksBinary(bytes)) {
    throw new InputError(
      file,
      'looks like a binary file, not text (it contains many NUL or control bytes)',
      'give the pipeline the text (.txt/.md) or the PDF itself; ' +
        'Word files and images must be exported to PDF or text first',
    );
  }
  const { text, encoding, notes } = decodeText(bytes, file);
  const lines = splitLines(text);
  const format: SourceFormat = extension === '.md' ? 'md' : 'txt';
  return { file, format, sha256, encoding, lines, markdown: format === 'md' || looksLikeMarkdown(lines), notes };
}

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  }
  return true;
}

/** Many control bytes (NUL among them) at the start: not text. A stray NUL later is refused by decodeText. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length * 0.05;
}

/** ASCII-range text in UTF-16: NUL at every odd (little-endian) or every even (big-endian) offset. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return false;
  let even = 0;
  let odd = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) even++;
    if (sample[index + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  return (odd > pairs * 0.9 && even < pairs * 0.1) || (even > pairs * 0.9 && odd < pairs * 0.1);
}

/** Markdown converted from a web page: several ATX headings ("## Title"). */
function looksLikeMarkdown(lines: string[]): boolean {
  let headings = 0;
  for (const line of lines) {
    if (/^#{1,6}\s+\S/.test(line) && ++headings >= 3) return true;
  }
  return false;
}
