/**
 * Extract step: dated milestones of the procurement process ("uiterlijk 1 september", "Eind
 * september 2025", "tussen 1 juli en 1 oktober 2025", "vóór 1 juli"). chrono-node's Dutch parser
 * reads the dates; this module adds what it lacks: the year from context (the procurement runs
 * in the year before the contract year), "eind/half/begin" + month, and the event the date is for.
 */
import * as chrono from 'chrono-node';
import { countWords, squashSpaces, stripLinks } from '../../core/text.ts';
import type { Deadline, DeadlineBound } from '../../core/schemas/document.ts';
import type { SegmentedSection } from '../segment/segment.ts';
import type { Block } from '../normalise/types.ts';

/** The words that make a date a deadline when they stand right before it. */
const CUE_WORDS = 'uiterlijk|uiterste|deadline|v[óo]{2}r|vóór|tussen|vanaf|eind|einde|half|medio|begin|tekendatum';
const CUE = new RegExp(
  String.raw`(?:tot\s+)?(?:${CUE_WORDS}|tot\s+en\s+met|t\/m|tot)(?:\s+(?:op|in|de|het))?\s*$`,
  'iu',
);
/** Between the two dates of a span: "tussen 1 juli en 1 oktober", "1 juli t/m 31 juli", "1 april tot 1 mei". */
const SPAN_JOIN = /^\s+(en|tot\s+en\s+met|t\/m|tot)\s+$/iu;
const PLANNING_TITLE = /planning|tijdpad|tijdlijn|tijdsplan|termijn|kalender|procedure|fase/iu;
const MONTH_NAME = /(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)/iu;
const NUMERIC_DATE = /\d[-/.:]\d/u;
const MONTH_PART = /(eind|einde|half|medio|begin|uiterlijk)(?:\s+(?:in|op))?\s*$/iu;

export function extractDeadlines(sections: SegmentedSection[], contractYear: number): Deadline[] {
  const deadlines: Deadline[] = [];
  const seen = new Set<string>();
  const reference = new Date(Date.UTC(contractYear - 1, 0, 1));
  for (const section of sections) {
    const planning = PLANNING_TITLE.test(section.title);
    section.blocks.forEach((block, blockIndex) => {
      // Only a month name or a numeric date ("1-9-2024") can give a date kept below; most blocks
      // have neither, and chrono is the costliest step of the ingest.
      if (!MONTH_NAME.test(block.text) && !NUMERIC_DATE.test(block.text)) return;
      const results = chrono.nl.parse(block.text, reference);
      let consumedUntil = -1; // the end of a "tussen ... en ..." range is not a date of its own
      results.forEach((result, resultIndex) => {
        if (result.index < consumedUntil) return;
        if (!/\d/u.test(result.text) && !MONTH_NAME.test(result.text)) return; // "nu", "morgen"
        // In a table row the cue must stand in the date's own cell ("Tekendatum" is a label).
        const cellStart = block.kind === 'table-row' ? block.text.lastIndexOf('\t', result.index) + 1 : 0;
        const before = block.text.slice(Math.max(cellStart, result.index - 30), result.index);
        const cue = CUE.exec(before);
        // A short line with a written-out date is a timeline entry ("12 november  Publicatie ...").
        const timelineEntry = countWords(block.text) <= 14 && MONTH_NAME.test(result.text);
        if (!cue && !planning && !timelineEntry) return;
        const resolved = resolveDate(result, results.slice(resultIndex + 1), before, contractYear);
        if (!resolved) return;
        const time = timeOf(result);
        const phraseStart = cue ? result.index - (before.length - cue.index) : result.index;
        let phraseEnd = result.index + result.text.length;
        let reading = readCue(cue?.[0] ?? '');
        let until: string | undefined;
        // A span: "tussen 1 juli en 1 oktober 2025", "1 juli t/m 31 juli", "van 1 april tot 1 mei" (one
        // result with an end for chrono, or two joined by "en", "t/m", "tot").
        const next = results[resultIndex + 1];
        const join = next && SPAN_JOIN.exec(block.text.slice(phraseEnd, next.index));
        const joinsSpan = join && (join[1]!.toLowerCase() !== 'en' || reading.bound === 'span');
        if (result.end || joinsSpan) {
          const endText = result.end ? result.text : next!.text;
          const end = result.end ?? next!.start;
          const endDate = end.isCertain('month') && end.isCertain('day') ? isoOf(end, resolved) : null;
          const word = result.end ? (/\btot\s+en\s+met\b|t\/m/iu.test(endText) ? 't/m' : 'tot') : join![1]!;
          if (endDate && endDate >= resolved) {
            until = /^tot$/iu.test(word) ? dayBefore(endDate) : endDate;
            reading = { bound: 'span', exclusive: false };
            if (!result.end) {
              phraseEnd = next!.index + next!.text.length;
              consumedUntil = phraseEnd;
            }
          }
        }
        // "vóór 1 mei" leaves 30 april; "vóór 1 mei 12.00 uur" leaves the morning of 1 May.
        const date = reading.exclusive && result.start.isCertain('day') && !time ? dayBefore(resolved) : resolved;
        const phrase = squashSpaces(block.text.slice(phraseStart, phraseEnd));
        const event = eventFor(block, section.blocks[blockIndex - 1], phraseStart, phraseEnd);
        if (!event) return;
        const key = `${date}|${event.toLowerCase()}`;
        if (seen.has(key)) return;
        seen.add(key);
        deadlines.push({
          date,
          event,
          section: section.id,
          line: lineAt(block, result.index),
          phrase,
          ...(reading.bound ? { bound: reading.bound } : {}),
          ...(until ? { until } : {}),
          ...(time ? { time } : {}),
        });
      });
    });
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
}

/**
 * What the words before a date make of it, in Dutch deadline usage: the last day something can be
 * done ("uiterlijk", "tot en met", "t/m" name it; "vóór", "voor" and "tot" alone stop the day
 * before), the first day ("vanaf"), the start of a span ("tussen"), or none ("eind", "half": an
 * approximate date, or no cue at all).
 */
export function readCue(cue: string): { bound: DeadlineBound | null; exclusive: boolean } {
  const words = squashSpaces(cue).toLowerCase();
  if (/^(?:v[óo]{2}r|tot)(?:\s|$)/u.test(words) && !/^tot\s+(?:en\s+met|uiterlijk)/u.test(words))
    return { bound: 'deadline', exclusive: true };
  if (/^(?:uiterlijk|uiterste|deadline|tekendatum|tot\s+en\s+met|t\/m|tot\s+uiterlijk)/u.test(words))
    return { bound: 'deadline', exclusive: false };
  if (/^vanaf(?:\s|$)/u.test(words)) return { bound: 'from', exclusive: false };
  if (/^tussen(?:\s|$)/u.test(words)) return { bound: 'span', exclusive: false };
  return { bound: null, exclusive: false };
}

/** The last day a deadline leaves, from the words before its date (no time of day given). */
export function lastDay(cue: string, date: string): string {
  return readCue(cue).exclusive ? dayBefore(date) : date;
}

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** "12:00" when the date gives a time of day ("1 september 2025 om 12:00 uur", "12.00 uur"). */
function timeOf(result: chrono.ParsedResult): string | undefined {
  if (!result.start.isCertain('hour')) return undefined;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(result.start.get('hour')!)}:${two(result.start.get('minute') ?? 0)}`;
}

/** A span's end as a date, its year from the end itself or else from the start's. */
function isoOf(end: chrono.ParsedComponents, start: string): string {
  const year = end.isCertain('year') ? end.get('year')! : Number(start.slice(0, 4));
  const two = (value: number) => String(value).padStart(2, '0');
  const date = `${year}-${two(end.get('month')!)}-${two(end.get('day')!)}`;
  // "van 1 december tot 15 januari": the end falls in the next year.
  return date < start && !end.isCertain('year') ? `${year + 1}${date.slice(4)}` : date;
}

function resolveDate(
  result: chrono.ParsedResult,
  later: chrono.ParsedResult[],
  before: string,
  contractYear: number,
): string | null {
  const start = result.start;
  if (!start.isCertain('month')) return null;
  let year: number;
  if (start.isCertain('year')) year = start.get('year')!;
  else {
    // "tussen 1 juli en 1 oktober 2025": the year of the range's end.
    const sameSentence = later.find((other) => other.start.isCertain('year') && other.index - result.index < 60);
    year = sameSentence ? sameSentence.start.get('year')! : contractYear - 1;
  }
  if (year < contractYear - 3 || year > contractYear + 3) return null;
  const month = start.get('month')!;
  let day: number;
  if (start.isCertain('day')) day = start.get('day')!;
  else {
    const part = MONTH_PART.exec(before)?.[1]?.toLowerCase();
    if (part === 'eind' || part === 'einde' || part === 'uiterlijk')
      day = new Date(Date.UTC(year, month, 0)).getUTCDate();
    else if (part === 'half' || part === 'medio') day = 15;
    else if (part === 'begin') day = 1;
    else return null;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The sentence or table row the date belongs to, without the date; a lone date takes the label before it. */
function eventFor(block: Block, previous: Block | undefined, phraseStart: number, phraseEnd: number): string | null {
  const text = block.text;
  let event: string;
  if (block.kind === 'table-row') {
    // The other cells of the row: "Aanbieding zorgovereenkomst<TAB>Uiterlijk 30 september 2026".
    const cells: string[] = [];
    let offset = 0;
    for (const cell of text.split('\t')) {
      const holdsDate = offset <= phraseStart && phraseEnd <= offset + cell.length;
      if (!holdsDate) cells.push(cell);
      offset += cell.length + 1;
    }
    event = cells.join(' – ');
  } else {
    const sentenceStart = Math.max(
      0,
      ...[...text.slice(0, phraseStart).matchAll(/[.!?]\s+(?=\p{Lu})/gu)].map((m) => m.index! + m[0].length),
    );
    const endMatch = /[.!?](?:\s|$)/u.exec(text.slice(phraseEnd));
    const sentenceEnd = endMatch ? phraseEnd + endMatch.index + 1 : text.length;
    event = `${text.slice(sentenceStart, phraseStart)} ${text.slice(phraseEnd, sentenceEnd)}`;
  }
  event = squashSpaces(stripLinks(event))
    .replace(/\s+([,.;:])/gu, '$1')
    .replace(/,(?=[,.])/gu, '')
    .replace(/^[\s,:;–-]+|[\s,:;–-]+$/gu, '');
  if (countWords(event) < 2 && block.kind !== 'table-row' && previous && previous.kind !== 'heading') {
    event = squashSpaces(`${previous.text} ${event}`);
  }
  if (countWords(event) < 1) return null;
  return event.length > 220 ? `${event.slice(0, 217).replace(/\s+\S*$/u, '')} …` : event;
}

export function lineAt(block: Block, offset: number): number {
  let line = block.start;
  for (const [start, no] of block.lineOffsets) {
    if (start <= offset) line = no;
    else break;
  }
  return line;
}
