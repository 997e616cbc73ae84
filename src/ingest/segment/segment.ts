/**
 * Stage 3, segment: blocks in, section tree out. Levels and parents follow the printed numbers;
 * unnumbered paragraph headings sit under the innermost numbered section; a missing chapter
 * heading whose number was lost (x.1 with no x) is inferred from the page-opening title before it.
 */
import { slugify } from '../../core/text.ts';
import { detectHeadings, type DetectedHeading } from './detect-headings.ts';
import { detectPdfHeadings } from './detect-pdf-headings.ts';
import type { Block, NormalisedSource, OcrFix } from '../normalise/types.ts';

export interface SegmentedSection {
  id: string;
  number: string | null;
  title: string;
  level: number;
  parent: string | null;
  lines: [number, number];
  /** Body blocks (heading excluded, children excluded). */
  blocks: Block[];
  /** What made the heading one (PDF layouts and text rules). */
  signals: string[];
}

export interface Segmentation {
  sections: SegmentedSection[];
  mergedHeadings: Array<{ lines: [number, number]; title: string }>;
  inferredNumbers: Array<{ section: string; number: string; reason: string }>;
  ocrNumberFixes: OcrFix[];
  warnings: string[];
}

interface Node {
  heading: DetectedHeading;
  number: number[] | null;
  level: number;
  parent: Node | null;
  inferred?: string;
}

const MAX_LEVEL = 8;

export function segment(source: NormalisedSource): Segmentation {
  const lastContentLine = source.blankLines.length;
  const { headings, ocrNumberFixes } = source.pdf?.structured
    ? detectPdfHeadings(source, source.pdf)
    : detectHeadings(source);
  const warnings: string[] = [];
  const nodes = buildTree(headings, warnings);

  // The next suffix to try per base, so that many headings of one title cost no rescans.
  const sectionIds = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const uniqueId = (base: string) => {
    let id = base || 'sectie';
    let n = nextSuffix.get(id) ?? 2;
    const stem = id;
    while (sectionIds.has(id)) id = `${stem}-${n++}`;
    nextSuffix.set(stem, n);
    sectionIds.add(id);
    return id;
  };

  const sections: SegmentedSection[] = [];
  const idOf = new Map<Node, string>();
  const firstHeadingLine = headings[0]?.start ?? Number.POSITIVE_INFINITY;
  const hasPreamble =
    headings.length === 0 ||
    source.blocks.some((block) => block.end < firstHeadingLine) ||
    source.artefacts.some((artefact) => artefact.start < firstHeadingLine);
  if (hasPreamble) {
    sections.push({
      id: uniqueId('voorwerk'),
      number: null,
      title: '',
      level: 0,
      parent: null,
      lines: [1, 1],
      blocks: [],
      signals: [],
    });
  }
  nodes.forEach((node) => {
    const numberText = node.number ? node.number.join('.') : null;
    const base = numberText
      ? `${numberText.replace(/\./gu, '-')}-${slugify(node.heading.title, 48)}`
      : slugify(node.heading.title, 64);
    const id = uniqueId(base);
    idOf.set(node, id);
    sections.push({
      id,
      number: numberText,
      title: node.heading.title,
      level: node.level,
      parent: node.parent ? idOf.get(node.parent)! : null,
      lines: [node.heading.start, node.heading.end],
      blocks: [],
      signals: node.heading.signals ?? textSignals(node.heading),
    });
  });

  // Spans: from the heading to the line before the next heading. Body blocks are those after the
  // heading's own blocks inside the span: one pass over sections and blocks together.
  const headingBlocks = new Set(headings.flatMap((heading) => range(heading.firstBlock, heading.lastBlock)));
  let blockIndex = 0;
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    const nextStart = i + 1 < sections.length ? sections[i + 1]!.lines[0] : lastContentLine + 1;
    if (section.level === 0) section.lines[0] = firstContentLine(source, nextStart);
    let end = nextStart - 1;
    while (end > section.lines[0] && source.blankLines[end - 1]) end--;
    section.lines[1] = end;
    for (; blockIndex < source.blocks.length && source.blocks[blockIndex]!.start < nextStart; blockIndex++) {
      if (!headingBlocks.has(blockIndex)) section.blocks.push(source.blocks[blockIndex]!);
    }
  }

  const mergedHeadings = headings
    .filter((heading) => heading.end > heading.start)
    .map((heading) => ({ lines: [heading.start, heading.end] as [number, number], title: heading.title }));
  const inferredNumbers = nodes
    .filter((node) => node.inferred)
    .map((node) => ({ section: idOf.get(node)!, number: node.number!.join('.'), reason: node.inferred! }));
  for (const heading of headings) {
    if (heading.outOfSequence && heading.number) {
      warnings.push(`heading number ${heading.number.join('.')} on line ${heading.start} is out of sequence`);
    }
  }
  const found = new Set(nodes.filter((node) => node.number).map((node) => node.number!.join('.')));
  for (const entry of source.toc) {
    if (entry.number && !found.has(entry.number)) {
      warnings.push(
        `the table of contents (line ${entry.line}) lists ${entry.number} "${entry.title}" but no such heading was ` +
          `found`,
      );
    }
  }
  return { sections, mergedHeadings, inferredNumbers, ocrNumberFixes, warnings };
}

function textSignals(heading: DetectedHeading): string[] {
  if (heading.markdownDepth !== undefined) return heading.number ? ['markdown', 'number'] : ['markdown'];
  return heading.number ? ['number', 'text'] : ['text'];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, offset) => from + offset);
}

function firstContentLine(source: NormalisedSource, before: number): number {
  const first = source.blankLines.findIndex((blank) => !blank);
  return first >= 0 && first + 1 < before ? first + 1 : 1;
}

function buildTree(headings: DetectedHeading[], warnings: string[]): Node[] {
  const nodes: Node[] = [];
  const numbered: Node[] = [];
  // The latest section of each number: its nearest parent is found without a scan.
  const byNumber = new Map<string, Node>();
  const chapters = new Set<number>();
  const addNumbered = (node: Node) => {
    numbered.push(node);
    byNumber.set(node.number!.join('.'), node);
    chapters.add(node.number![0]!);
  };
  // Deeper than the schema's levels: kept as headings at the deepest level, and said so.
  const clamped: Node[] = [];
  const levelFor = (node: Node, wanted: number) => {
    if (wanted > MAX_LEVEL) clamped.push(node);
    return Math.min(MAX_LEVEL, wanted);
  };
  let appendixGroup: Node | null = null;
  let lastStructural: Node | null = null; // innermost numbered or appendix section
  let plainStack: Node[] = []; // open unnumbered headings under lastStructural
  let pageContainer: Node | null = null; // page-opening unnumbered title before any numbering
  let open: Node[] = []; // the chain of sections the next heading may nest in (headings with a layout level)
  const openUpTo = (node: Node) => {
    const chain: Node[] = [];
    for (let at: Node | null = node; at; at = at.parent) chain.unshift(at);
    open = chain;
  };

  for (const heading of headings) {
    if (heading.kind !== 'numbered' && heading.level !== undefined && heading.level > 0) {
      // A PDF heading without a number nests by the level its style, tag or bookmark gives.
      while (open.length && open[open.length - 1]!.level >= heading.level) open.pop();
      const parent = open[open.length - 1] ?? null;
      const node: Node = { heading, number: null, level: 0, parent };
      node.level = levelFor(node, parent ? Math.max(heading.level, parent.level + 1) : heading.level);
      if (heading.kind === 'appendix-group') appendixGroup = node;
      nodes.push(node);
      open.push(node);
      lastStructural = node;
      plainStack = [];
      pageContainer = null;
      continue;
    }
    if (heading.kind === 'numbered' && heading.number) {
      const number = heading.number;
      let parent = findNumberedParent(byNumber, number);
      if (!parent && number.length === 2 && pageContainer && !chapters.has(number[0]!)) {
        // "2.1" without a chapter 2: the page-opening title before it is chapter 2 with its number lost.
        pageContainer.number = [number[0]!];
        pageContainer.inferred =
          `chapter number lost in the text layer; inferred from heading ${number.join('.')} on ` +
          `line ${heading.start}`;
        addNumbered(pageContainer);
        parent = pageContainer;
      }
      const node: Node = { heading, number, level: 0, parent };
      node.level = levelFor(node, parent ? Math.max(number.length, parent.level + 1) : number.length);
      nodes.push(node);
      addNumbered(node);
      openUpTo(node);
      lastStructural = node;
      plainStack = [];
      pageContainer = null;
      continue;
    }
    if (heading.kind === 'appendix-group') {
      const node: Node = { heading, number: null, level: 1, parent: null };
      nodes.push(node);
      appendixGroup = node;
      openUpTo(node);
      lastStructural = node;
      plainStack = [];
      pageContainer = null;
      continue;
    }
    if (heading.kind === 'appendix') {
      const parent: Node | null = appendixGroup;
      const node: Node = { heading, number: null, level: parent ? 2 : 1, parent };
      nodes.push(node);
      openUpTo(node);
      lastStructural = node;
      plainStack = [];
      pageContainer = null;
      continue;
    }
    // Unnumbered heading.
    let parent: Node | null;
    if (heading.markdownDepth !== undefined) {
      while (plainStack.length && plainStack[plainStack.length - 1]!.heading.markdownDepth! >= heading.markdownDepth)
        plainStack.pop();
      parent = plainStack[plainStack.length - 1] ?? lastStructural;
    } else if (lastStructural) {
      parent = lastStructural;
    } else if (pageContainer && !heading.pageStart) {
      parent = pageContainer;
    } else {
      parent = null;
    }
    const node: Node = { heading, number: null, level: 0, parent };
    node.level = parent ? levelFor(node, parent.level + 1) : 1;
    nodes.push(node);
    if (heading.markdownDepth !== undefined) plainStack.push(node);
    if (!lastStructural && heading.markdownDepth === undefined && !parent && heading.pageStart) pageContainer = node;
  }
  if (nodes.length === 0) warnings.push('no headings found');
  if (clamped.length) {
    const first = clamped[0]!.heading;
    const nest = clamped.length === 1 ? 'heading nests' : 'headings nest';
    const example = `${first.number ? `${first.number.join('.')} ` : ''}"${first.title}" on line ${first.start}`;
    warnings.push(
      `${clamped.length} ${nest} deeper than level ${MAX_LEVEL} (the first: ${example}); ` +
        `kept as headings at level ${MAX_LEVEL}`,
    );
  }
  return nodes;
}

/** The section numbered like `number` minus its last part (2.2.4 for 2.2.4.1), nearest first. */
function findNumberedParent(byNumber: ReadonlyMap<string, Node>, number: number[]): Node | null {
  for (let depth = number.length - 1; depth >= 1; depth--) {
    const parent = byNumber.get(number.slice(0, depth).join('.'));
    if (parent) return parent;
  }
  return null;
}
