/**
 * What a heading looks like in a policy text. Shape tests only: the numbering context is
 * checked in detect-headings.ts.
 */
import { countWords } from '../../core/text.ts';
import type { Block } from '../normalise/types.ts';

/** A section number of any depth whose parts have up to `digits` digits: "2", "2.1.3", "1001.2". */
const sectionNumber = (digits: number) => String.raw`\d{1,${digits}}(?:\.\d{1,${digits}})*`;
/** Parts of a text heading's number: up to five digits (a text of 100,000 headings has chapter 1001). */
const TEXT_NUMBER = sectionNumber(5);
/** Parts of a number a PDF's layout marks as a heading (or its outline names). */
const LAYOUT_DIGITS = sectionNumber(3);

/** "2.1.3 Titel": a number and a title. */
export const SECTION_NUMBER = new RegExp(String.raw`^(${TEXT_NUMBER})\.?\s+(\S.*)$`, 'u');
/** "3." alone on its line, its title on the next. */
export const NUMBER_ONLY = new RegExp(String.raw`^(${TEXT_NUMBER})\.$`, 'u');
/** A PDF heading's number: "2.1 Titel", or a chapter word and its number ("Hoofdstuk 2: Titel"). */
export const LAYOUT_NUMBER = new RegExp(
  String.raw`^(?:(?:hoofdstuk|chapter|deel)\s+)?(${LAYOUT_DIGITS})\.?(?:\s*[:.–-])?\s+(\S.*)$`,
  'iu',
);
/** The number an outline entry opens with, and the word before it ("Paragraaf 2.1 – "), to strip. */
export const OUTLINE_NUMBER_PREFIX = new RegExp(
  String.raw`^\s*(?:(?:hoofdstuk|paragraaf|chapter|section)\s+)?${LAYOUT_DIGITS}\.?(?:\s*[:.–-])?\s+`,
  'iu',
);
export const APPENDIX = /^(?:bijlage|appendix)\s+(\d{1,2}|[A-Z]|[IVX]{1,4})\b[:.]?\s*(.*)$/iu;
export const APPENDIX_GROUP = /^(?:bijlagen|appendices)$/iu;
const CAPTION = /^(?:afbeelding|figuur|tabel|grafiek|bron|foto)\s*\d*\s*[:.]/iu;
const DANGLING_WORD =
  /\s(?:en|of|de|het|een|van|voor|met|in|op|bij|aan|te|die|dat|naar|om|tot|als|door|over|uit|zijn|wij|we)$/iu;
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DATE_ONLY = new RegExp(
  String.raw`^(?:uiterlijk|vanaf|v[óo]{1,2}r|eind|begin|half|medio|tot)?\s*(?:\d{1,2}\s+)?(?:${MONTHS})(?:\s+\d{4})?$`,
  'iu',
);
const CONTACT_OR_URL = /(?:@|https?:\/\/|www\.|\t)/u;

/** How long a title may be: most headings, one set in bold or italics, one on the line after its number. */
export interface TitleLimits {
  maxLength: number;
  maxWords: number;
}
export const HEADING_TITLE: TitleLimits = { maxLength: 110, maxWords: 16 };
export const EMPHASISED_TITLE: TitleLimits = { maxLength: 120, maxWords: 18 };
export const TITLE_AFTER_NUMBER: TitleLimits = { maxLength: 100, maxWords: 14 };

/** A title as printed under a heading number, or a short unnumbered heading line. */
export function isTitleLike(text: string, { maxLength, maxWords }: TitleLimits = HEADING_TITLE): boolean {
  if (text.length < 2 || text.length > maxLength) return false;
  if (!/^[\p{Lu}‘'"“(]/u.test(text) && !/^\p{Ll}{1,3}[A-Z]/u.test(text)) return false;
  if (/[.,;:]$/u.test(text) && !/\b(?:[A-Z]\.|e\.a\.|o\.a\.)$/u.test(text)) return false;
  if (DANGLING_WORD.test(text) || /[-–]$/u.test(text)) return false;
  if (CONTACT_OR_URL.test(text) || CAPTION.test(text)) return false;
  if (countWords(text) > maxWords) return false;
  // Two sentences are prose, not a title.
  if (/[a-z\u00e0-\u00ff]{2}[.!?]\s+\p{Lu}/u.test(text)) return false;
  if (DATE_ONLY.test(text)) return false;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const lettersAndDigits = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return letters >= 3 && lettersAndDigits >= text.replace(/\s/gu, '').length * 0.7;
}

/** The blocks after a heading read as body text: sentences, or a list. */
export function isBodyText(group: Block[], lineWidth: number): boolean {
  if (group.length === 0) return false;
  if (group[0]!.kind === 'list-item') return true;
  const text = group.map((block) => block.text).join(' ');
  const words = countWords(text);
  // OCR'd figure text ("Regionale Passende zorg . . e (JZOJP) ... & & .") is not body text.
  const tokens = text.split(/\s+/u);
  if (tokens.filter((token) => /^[^\p{L}\p{N}]+$|^\p{L}$/u.test(token)).length > tokens.length * 0.15) return false;
  const wideEnough = group.some((block) => block.maxLineLength >= lineWidth * 0.5) || group.length >= 3;
  return words >= 6 && (/[.:;?!]$/u.test(text) || words >= 16) && wideEnough;
}

/** `index` and the blocks after it up to the next blank line or page break: one visual paragraph group. */
export function groupFrom(blocks: Block[], index: number): Block[] {
  const group: Block[] = [];
  for (let next = index; next < blocks.length; next++) {
    const block = blocks[next]!;
    if (next > index && (block.afterBreak || block.kind === 'heading')) break;
    if (block.kind === 'heading') break;
    group.push(block);
  }
  return group;
}
