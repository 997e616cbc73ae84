/**
 * Normalise step 3 for Markdown sources (web pages converted to Markdown): remark parses the
 * text; headings, paragraphs, (nested) list items and tab-separated table rows become blocks.
 * Raw HTML is reduced to its text: source text is data, never markup for the site.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Block } from './types.ts';

const SAFE_URL = /^(?:https?:|mailto:)/iu;

/** `source` is the OCR-repaired text: repairs never add or remove lines, so positions hold. */
export function buildMarkdownBlocks(source: string, excluded: boolean[]): Block[] {
  const tree = unified().use(remarkParse).parse(source) as Root;
  const lines = source.split(/\r\n|\n|\r/);
  const blocks: Block[] = [];

  const make = (kind: Block['kind'], start: number, end: number, text: string, extra: Partial<Block> = {}): void => {
    if (allExcluded(excluded, start, end)) return;
    const clean = squash(text);
    if (clean === '') return;
    blocks.push({
      kind,
      start,
      end,
      text: clean,
      depth: 0,
      ordered: false,
      afterBreak: true,
      pageStart: false,
      emphasised: false,
      maxLineLength: Math.max(...lines.slice(start - 1, end).map((line) => line.length)),
      lineOffsets: [[0, start]],
      ...extra,
    });
  };

  const visitList = (list: List, depth: number): void => {
    for (const item of list.children as ListItem[]) {
      const own = item.children.filter((child) => child.type !== 'list');
      if (own.length > 0) {
        const start = own[0]!.position!.start.line;
        const end = own[own.length - 1]!.position!.end.line;
        make('list-item', start, end, own.map(blockText).join(' '), { depth, ordered: list.ordered === true });
      }
      for (const child of item.children) if (child.type === 'list') visitList(child, depth + 1);
    }
  };

  const visit = (node: RootContent): void => {
    const start = node.position!.start.line;
    const end = node.position!.end.line;
    switch (node.type) {
      case 'heading':
        make('heading', start, end, inlineText(node.children), { depth: node.depth });
        return;
      case 'list':
        visitList(node, 0);
        return;
      case 'blockquote':
        node.children.forEach(visit);
        return;
      case 'paragraph': {
        const rows = lines.slice(start - 1, end);
        if (rows.length > 0 && rows.every((row) => row.includes('\t'))) {
          // A tab-separated table: one block per row, cells kept tab-separated.
          rows.forEach((row, offset) => {
            const cells = row.split('\t').map((cell) => squash(stripHtml(cell)));
            make('table-row', start + offset, start + offset, cells.join('\t').replace(/\t+$/u, ''));
          });
          return;
        }
        make('paragraph', start, end, inlineText(node.children), { emphasised: isEmphasised(node) });
        return;
      }
      default:
        make('paragraph', start, end, blockText(node));
    }
  };

  tree.children.forEach(visit);
  return blocks;
}

function allExcluded(excluded: boolean[], start: number, end: number): boolean {
  for (let line = start; line <= end; line++) if (!excluded[line - 1]) return false;
  return true;
}

function isEmphasised(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return meaningful.length === 1 && (meaningful[0]!.type === 'strong' || meaningful[0]!.type === 'emphasis');
}

function blockText(node: Nodes): string {
  if ('children' in node && node.type === 'paragraph') return inlineText(node.children);
  if ('children' in node) return (node.children as Nodes[]).map(blockText).join(' ');
  if (node.type === 'html') return stripHtml(node.value);
  if ('value' in node) return String(node.value);
  return '';
}

/**
 * Plain text of inline content; links to web or mail addresses stay as [label](url). remark
 * splits inline HTML into tag nodes around the text: `<a href>` … `</a>` become one link, the
 * content of `<script>`/`<style>` is dropped, any other tag is dropped and its text kept.
 */
function inlineText(children: PhrasingContent[]): string {
  const out: string[] = [];
  let link: { url: string; parts: string[] } | null = null;
  let skipUntil: RegExp | null = null;
  const emit = (text: string) => (link ? link.parts.push(text) : out.push(text));
  for (const child of children) {
    if (skipUntil) {
      if (child.type === 'html' && skipUntil.test(child.value)) skipUntil = null;
      continue;
    }
    switch (child.type) {
      case 'text':
      case 'inlineCode':
        emit(child.value);
        break;
      case 'html': {
        const value = child.value.trim();
        const opening = /^<(script|style)\b[^>]*>$/iu.exec(value);
        const anchor = /^<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>$/iu.exec(value);
        if (opening) skipUntil = new RegExp(`^</${opening[1]}\\s*>$`, 'iu');
        else if (anchor && !link) link = { url: anchor[1]!.trim(), parts: [] };
        else if (/^<\/a\s*>$/iu.test(value) && link) {
          const label = link.parts.join('');
          const url = link.url;
          link = null;
          emit(SAFE_URL.test(url) ? `[${label}](${url})` : label);
        } else emit(stripHtml(child.value));
        break;
      }
      case 'break':
        emit(' ');
        break;
      case 'image':
        emit(child.alt ?? '');
        break;
      case 'link': {
        const label = inlineText(child.children);
        emit(SAFE_URL.test(child.url) ? `[${label}](${child.url})` : label);
        break;
      }
      default:
        emit('children' in child ? inlineText(child.children as PhrasingContent[]) : '');
    }
  }
  if (link) out.push(link.parts.join(''));
  return out.join('');
}

/** Text of raw HTML: tags dropped (never executed or kept), entities decoded, links kept as [label](url). */
export function stripHtml(html: string): string {
  const withLinks = html.replace(
    /<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/giu,
    (_match, url: string, label: string) => {
      const text = stripHtml(label);
      return SAFE_URL.test(url.trim()) ? `[${text}](${url.trim()})` : text;
    },
  );
  return withLinks
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, '')
    .replace(/<[^>]*>/gu, '')
    .replace(
      /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/giu,
      (_match, dec: string, hex: string, name: string) => {
        if (dec) return String.fromCodePoint(Number(dec));
        if (hex) return String.fromCodePoint(parseInt(hex, 16));
        return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[name.toLowerCase()] ?? '';
      },
    );
}

function squash(text: string): string {
  return text
    .replace(/[ \u00a0]+/gu, ' ')
    .replace(/ *\t */gu, '\t')
    .trim();
}
