/** Normalise step 1: per line Unicode NFC, page-break marks and OCR repair (every fix recorded). */
import type { OcrFixes } from '../../core/schemas/taxonomy.ts';
import { escapeRegExp } from '../../core/text.ts';
import type { OcrFix, PreparedLine } from './types.ts';

export interface OcrRepairer {
  repair(text: string, line: number, fixes: OcrFix[]): string;
}

/** Compile the OCR word list and patterns of content/taxonomy/ocr-fixes.yaml once. */
export function createOcrRepairer(rules: OcrFixes): OcrRepairer {
  const words = Object.keys(rules.words).sort((a, b) => b.length - a.length || a.localeCompare(b));
  const wordPattern = words.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
    : null;
  const patterns = rules.patterns.map((rule) => ({ regex: new RegExp(rule.from, 'gu'), to: rule.to }));
  return {
    repair(text, line, fixes) {
      let result = text;
      if (wordPattern) {
        result = result.replace(wordPattern, (match: string) => {
          const to = rules.words[match]!;
          fixes.push({ line, from: match, to });
          return to;
        });
      }
      for (const { regex, to } of patterns) {
        const before = result;
        result = result.replace(regex, (...args: unknown[]) => {
          const match = args[0] as string;
          const offset = args.find((arg, index) => index > 0 && typeof arg === 'number') as number;
          // Expand $1.. from this match's groups (lookarounds cannot be re-run on the match alone).
          const replaced = to.replace(/\$(\d)/gu, (_whole, group: string) => String(args[Number(group)] ?? ''));
          if (replaced !== match) {
            // Record the whole word ("patiént" → "patiënt"), not only the repaired characters.
            const head = /[\p{L}\p{N}'’]*$/u.exec(before.slice(0, offset))![0];
            const tail = /^[\p{L}\p{N}'’]*/u.exec(before.slice(offset + match.length))![0];
            fixes.push({ line, from: head + match + tail, to: head + replaced + tail });
          }
          return replaced;
        });
      }
      return result;
    },
  };
}

export function prepareLines(
  lines: string[],
  options: { markdown: boolean; pageOfLine?: number[] | undefined; repairer: OcrRepairer },
): { lines: PreparedLine[]; ocrFixes: OcrFix[] } {
  const ocrFixes: OcrFix[] = [];
  const prepared = lines.map((raw, index): PreparedLine => {
    const no = index + 1;
    const normalised = raw.normalize('NFC').replace(/\u00a0/g, ' ');
    const full = options.repairer.repair(normalised, no, ocrFixes);
    const text = full.trim();
    let pageStart: boolean;
    if (options.pageOfLine) pageStart = index === 0 || options.pageOfLine[index] !== options.pageOfLine[index - 1];
    else pageStart = !options.markdown && /^ {1,2}\S/.test(normalised);
    return { no, raw, full, text, blank: text === '', pageStart };
  });
  return { lines: prepared, ocrFixes };
}
