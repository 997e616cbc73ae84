/**
 * How well an ingested document's structure matches an expected one (a `.headings.json`: every
 * numbered heading of the body with number, title and level, and the unnumbered chapters). Pure:
 * the document and the expectation in, figures and the misses out.
 */
import type { PolicyDocument } from '../../src/core/schemas/document.ts';

export interface ExpectedStructure {
  insurer?: string;
  year?: number;
  yearEnd?: number;
  careType?: string;
  headings: Array<{ number: string; title: string; level: number }>;
  unnumberedHeadings?: string[];
}

export interface StructureScore {
  numbered: { expected: number; found: number; exactTitle: number; rightLevel: number; rightParent: number };
  unnumbered: { expected: number; found: number };
  /** Sections whose title looks like a table-of-contents line (ends in a page number) or is a page number. */
  furnitureSections: string[];
  /** Numbered sections that the expectation does not list. */
  extraNumbered: string[];
  metadata: { insurer: boolean; year: boolean; yearEnd: boolean; careType: boolean };
  misses: string[];
}

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

export function scoreStructure(document: PolicyDocument, expected: ExpectedStructure): StructureScore {
  const byNumber = new Map(
    document.sections.filter((section) => section.number).map((section) => [section.number!, section]),
  );
  const byId = new Map(document.sections.map((section) => [section.id, section]));
  const misses: string[] = [];
  let found = 0;
  let exactTitle = 0;
  let rightLevel = 0;
  let rightParent = 0;
  for (const heading of expected.headings) {
    const section = byNumber.get(heading.number);
    if (!section) {
      misses.push(`missing ${heading.number} "${heading.title}"`);
      continue;
    }
    found++;
    if (squash(section.title) === squash(heading.title)) exactTitle++;
    else misses.push(`title of ${heading.number}: "${section.title}" (expected "${heading.title}")`);
    if (section.level === heading.level) rightLevel++;
    else misses.push(`level of ${heading.number}: ${section.level} (expected ${heading.level})`);
    const parentNumber = heading.number.includes('.') ? heading.number.slice(0, heading.number.lastIndexOf('.')) : null;
    const parent = section.parent ? byId.get(section.parent) : undefined;
    if (
      (parentNumber === null && (section.parent === null || (parent?.number === null && parent.level === 0))) ||
      (parent && parent.number === parentNumber)
    )
      rightParent++;
    else
      misses.push(
        `parent of ${heading.number}: ${parent?.number ?? parent?.title ?? 'none'} (expected ` +
          `${parentNumber ?? 'none'})`,
      );
  }
  const unnumbered = expected.unnumberedHeadings ?? [];
  let unnumberedFound = 0;
  for (const title of unnumbered) {
    if (
      document.sections.some(
        (section) => section.number === null && section.level === 1 && squash(section.title) === squash(title),
      )
    )
      unnumberedFound++;
    else misses.push(`missing unnumbered chapter "${title}"`);
  }
  const expectedNumbers = new Set(expected.headings.map((heading) => heading.number));
  return {
    numbered: { expected: expected.headings.length, found, exactTitle, rightLevel, rightParent },
    unnumbered: { expected: unnumbered.length, found: unnumberedFound },
    furnitureSections: document.sections
      .filter(
        (section) =>
          /(?:\t|\s{2,}|\.{3,}|…)\s*\d{1,3}$/u.test(section.title) || /^\d{1,4}$/u.test(section.title.trim()),
      )
      .map((section) => section.title),
    extraNumbered: document.sections
      .filter((section) => section.number && !expectedNumbers.has(section.number))
      .map((section) => `${section.number} ${section.title}`),
    metadata: {
      insurer: expected.insurer === undefined || expected.insurer === document.insurer,
      year: expected.year === undefined || expected.year === document.year,
      yearEnd: expected.yearEnd === undefined || expected.yearEnd === document.yearEnd,
      careType: expected.careType === undefined || expected.careType === document.careType,
    },
    misses,
  };
}
