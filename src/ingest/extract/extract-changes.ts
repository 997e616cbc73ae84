/**
 * Extract step: the document's own change list ("Wijzigingen ten opzichte van ...",
 * "Belangrijkste wijzigingen ..."). Each list item is one change, nested items separately (with
 * a pointer to the item they belong to); without list markers each paragraph is one change.
 */
import { foldText } from '../../core/text.ts';
import type { StatedChange } from '../../core/schemas/document.ts';
import type { SegmentedSection } from '../segment/segment.ts';
import type { Block } from '../normalise/types.ts';
import { selfAndAncestors } from '../../core/sections.ts';

const CHANGES_TITLE = /wijziging/iu;
const LEAD_IN = /(?::$|\bvolgende\b)/iu;

interface Item {
  block: Block;
  text: string;
  end: number;
  section: SegmentedSection;
  depth: number;
  parent: Item | null;
}

export function extractChanges(sections: SegmentedSection[], markdown: boolean): StatedChange[] {
  const byId = new Map(sections.map((section) => [section.id, section]));
  const inScope = (section: SegmentedSection): boolean => {
    for (const current of selfAndAncestors(section, byId)) {
      if (CHANGES_TITLE.test(current.title)) return true;
    }
    return false;
  };
  const scoped = sections.filter(inScope);
  const hasListItems = scoped.some((section) => section.blocks.some((block) => block.kind === 'list-item'));

  let items: Item[] = [];
  for (const section of scoped) {
    const stack: Item[] = [];
    let last: Item | null = null;
    for (const block of section.blocks) {
      if (hasListItems && block.kind !== 'list-item') {
        // Text layers lose list indentation: a sentence right after an item, on the same page,
        // continues it (not a lead-in to the next list). Markdown lists are explicit.
        if (
          !markdown &&
          last &&
          block.kind === 'paragraph' &&
          !block.pageStart &&
          !LEAD_IN.test(block.text) &&
          /[.;!?]$/u.test(block.text)
        ) {
          last.text = `${last.text} ${block.text}`;
          last.end = block.end;
        } else last = null;
        continue;
      }
      if (!hasListItems && (block.kind !== 'paragraph' || LEAD_IN.test(block.text))) continue;
      while (stack.length && stack[stack.length - 1]!.depth >= block.depth) stack.pop();
      const item: Item = {
        block,
        text: block.text,
        end: block.end,
        section,
        depth: block.depth,
        parent: stack[stack.length - 1] ?? null,
      };
      items.push(item);
      stack.push(item);
      last = item;
    }
  }

  // A web summary may repeat the body's list: keep the copy in the numbered body.
  const inBody = (section: SegmentedSection): boolean => {
    for (const current of selfAndAncestors(section, byId)) {
      if (current.number !== null) return true;
    }
    return false;
  };
  const key = (item: Item) =>
    foldText(item.text)
      .replace(/[^a-z0-9]+/gu, ' ')
      .trim();
  const bodyKeys = new Set(items.filter((item) => inBody(item.section)).map(key));
  const leadIns = new Set(items.map((item) => item.parent).filter((parent) => parent !== null));
  const kept = items.filter((item) => inBody(item.section) || !bodyKeys.has(key(item)));
  // A summary's lead-in whose items were all copies of the body's says nothing on its own
  // ("De volgende voorwaarden zijn toegevoegd:" and then nothing): it goes with them.
  const keptParents = new Set(kept.map((item) => item.parent));
  items = kept.filter((item) => !leadIns.has(item) || keptParents.has(item));

  const indexOf = new Map(items.map((item, index) => [item, index]));
  return items.map((item): StatedChange => {
    const change: StatedChange = { text: item.text, section: item.section.id, lines: [item.block.start, item.end] };
    const parentIndex = item.parent ? indexOf.get(item.parent) : undefined;
    if (parentIndex !== undefined) change.parent = parentIndex;
    return change;
  });
}
