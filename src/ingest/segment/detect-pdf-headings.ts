/**
 * Segment step 1 for a PDF whose layout marks its headings: the layout's headings, tied to the
 * blocks they open, plus numbered headings that the text rules find deeper than any level the
 * layout styles (a "2.2.4.1" set in body type). A body-styled numbered line at a styled depth is
 * a list item, not a heading.
 */
import { SUPERSCRIPT_NUMBER } from '../../core/text.ts';
import { detectHeadings, type DetectedHeading, type HeadingDetection } from './detect-headings.ts';
import { APPENDIX, APPENDIX_GROUP, LAYOUT_NUMBER } from './heading-rules.ts';
import type { NormalisedSource, PdfStructure } from '../normalise/types.ts';

/** A footnote marker set after a heading's last word. */
const TRAILING_MARKER = new RegExp(`${SUPERSCRIPT_NUMBER.source}$`, 'u');

export function detectPdfHeadings(source: NormalisedSource, pdf: PdfStructure): HeadingDetection {
  const blockAt = new Map(source.blocks.map((block, index) => [block.start, index]));
  const layoutHeadings: DetectedHeading[] = [];
  for (const heading of pdf.headings) {
    const index = blockAt.get(heading.start);
    if (index === undefined) continue;
    const block = source.blocks[index]!;
    const text = block.text.replace(/\s+/gu, ' ').trim();
    const numbered = heading.number ? LAYOUT_NUMBER.exec(text) : null;
    // A footnote marker set after a heading is not part of its title (the note stays with the section).
    const title = (numbered ? numbered[2]! : text).replace(TRAILING_MARKER, '').trim();
    const kind = heading.number
      ? 'numbered'
      : APPENDIX_GROUP.test(title)
        ? 'appendix-group'
        : APPENDIX.test(title)
          ? 'appendix'
          : 'plain';
    layoutHeadings.push({
      kind,
      firstBlock: index,
      lastBlock: index,
      start: block.start,
      end: block.end,
      number: heading.number,
      title,
      pageStart: block.pageStart,
      notes: block.end > block.start ? [`heading wrapped over lines ${block.start}–${block.end} joined`] : [],
      outOfSequence: false,
      level: heading.level,
      signals: heading.signals,
    });
  }
  const inLayout = new Set(layoutHeadings.map((heading) => heading.firstBlock));
  const fromText = detectHeadings(source);
  const deeper = fromText.headings.filter(
    (heading) =>
      heading.kind === 'numbered' &&
      heading.number !== null &&
      heading.number.length > pdf.styledDepth &&
      !heading.outOfSequence &&
      heading.firstBlock === heading.lastBlock &&
      !inLayout.has(heading.firstBlock),
  );
  const headings = [...layoutHeadings, ...deeper.map((heading) => ({ ...heading, signals: ['number', 'text'] }))].sort(
    (a, b) => a.start - b.start,
  );
  return {
    headings,
    ocrNumberFixes: fromText.ocrNumberFixes.filter((fix) => deeper.some((heading) => heading.start === fix.line)),
  };
}
