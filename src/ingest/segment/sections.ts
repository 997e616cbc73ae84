/**
 * The sections of the document from the segmented tree: each with its text, the pages its own
 * text is printed on (a PDF), and the footnotes that belong to it. Themes are the classify
 * stage's.
 */
import type { Section } from '../../core/schemas/document.ts';
import type { Footnote, NormalisedSource } from '../normalise/types.ts';
import { sectionTextOf } from './section-text.ts';
import type { SegmentedSection } from './segment.ts';

const PAGE_FURNITURE = new Set(['page-number', 'running-header', 'running-footer']);

export function sectionsOf(segmented: SegmentedSection[], normalised: NormalisedSource): Section[] {
  // A section's pages are those of its own text: the running header of the next page is not one.
  const furniture = new Set<number>();
  for (const artefact of normalised.artefacts) {
    if (PAGE_FURNITURE.has(artefact.kind)) for (let no = artefact.start; no <= artefact.end; no++) furniture.add(no);
  }
  const pageSpan = (lines: [number, number]): [number, number] | undefined => {
    const pageOf = normalised.pageOfLine;
    if (!pageOf) return undefined;
    let [first, last] = lines;
    while (first < last && (furniture.has(first) || normalised.blankLines[first - 1])) first++;
    while (last > first && (furniture.has(last) || normalised.blankLines[last - 1])) last--;
    return [pageOf[first - 1]!, pageOf[last - 1]!];
  };

  const sections: Section[] = segmented.map((part) => {
    const text = sectionTextOf(part.blocks);
    const section: Section = {
      id: part.id,
      number: part.number,
      title: part.title,
      level: part.level,
      parent: part.parent,
      themes: [],
      text,
      lines: part.lines,
    };
    const pages = pageSpan(part.lines);
    if (pages) section.pages = pages;
    return section;
  });
  attachFootnotes(sections, normalised.footnotes);
  return sections;
}

/** Each footnote goes to the section whose text carries its marker, or else the one it is printed in. */
function attachFootnotes(sections: Section[], footnotes: Footnote[]): void {
  const sectionAt = (line: number) => sections.find((section) => section.lines[0] <= line && line <= section.lines[1]);
  for (const note of footnotes) {
    const section = sectionAt(note.reference ?? note.lines[0]) ?? sectionAt(note.lines[0]);
    if (!section) continue;
    (section.footnotes ??= []).push({ marker: note.marker, text: note.text, lines: note.lines });
  }
}
