/** Extract step: contact e-mail addresses and phone numbers, with the line they are printed on. */
import type { Contact } from '../../core/schemas/document.ts';
import type { PreparedLine } from '../normalise/types.ts';

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}/giu;
const PHONE = /(?<![\d-])(?:\+31[\s-]?|0)(?:\d[\s-]?){8,9}\d(?![\d-])/gu;

export function extractContacts(lines: PreparedLine[]): Contact[] {
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  const add = (kind: Contact['kind'], value: string, line: number) => {
    const key = `${kind}:${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    contacts.push({ kind, value, line });
  };
  lines.forEach((line, index) => {
    let text = line.text;
    // "zorginkoop@" at a line end, "caresq.nl" on the next line.
    if (text.endsWith('@')) {
      const next = lines.slice(index + 1).find((candidate) => !candidate.blank);
      if (next) text = `${text}${next.text.split(/\s/u)[0]}`;
    }
    if (text.includes('@'))
      for (const match of text.matchAll(EMAIL)) add('email', match[0].toLowerCase().replace(/\.$/u, ''), line.no);
    if (/\d{3}/u.test(text))
      for (const match of text.matchAll(PHONE)) {
        const digits = match[0].replace(/\D/gu, '');
        if (digits.length === 10 || (digits.startsWith('31') && digits.length === 11))
          add('phone', match[0].trim(), line.no);
      }
  });
  return contacts;
}
