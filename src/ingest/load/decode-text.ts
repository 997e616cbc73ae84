/**
 * Bytes of a text source to text: UTF-8 (with or without its byte-order mark), UTF-16 with a
 * byte-order mark, and as a fallback Windows-1252, the encoding of texts saved by older Windows
 * programs. Node's TextDecoder decodes "windows-1252" as Latin-1 (bytes 0x80–0x9F become control
 * characters: `•` as U+0095, `’` as U+0092), so those 32 bytes are mapped here by the standard's
 * table (https://encoding.spec.whatwg.org/index-windows-1252.txt); the five it leaves unassigned
 * keep their code point, as the standard says.
 */
import { InputError } from '../../core/errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** 0x80–0x9F in Windows-1252, in order. */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** Which encoding a text source is in, and its text. */
export function decodeText(
  bytes: Uint8Array,
  file: string,
): { text: string; encoding: TextEncodingName; notes: string[] } {
  const notes: string[] = [];
  let text: string;
  let encoding: TextEncodingName;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) [text, encoding] = [utf16(bytes.subarray(2), 'le', file), 'utf-16le'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    [text, encoding] = [utf16(bytes.subarray(2), 'be', file), 'utf-16be'];
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
      notes.push('not valid UTF-8: decoded as Windows-1252');
    }
  }
  if (encoding.startsWith('utf-16')) notes.push(`decoded as ${encoding.toUpperCase()} (byte-order mark)`);
  refuseNul(text, file, encoding);
  return { text, encoding, notes };
}

function utf16(bytes: Uint8Array, order: 'le' | 'be', file: string): string {
  if (bytes.length % 2 !== 0)
    throw new InputError(
      file,
      `starts with a UTF-16 byte-order mark but has an odd number of bytes (${bytes.length + 2})`,
      'the file is cut short: save or download it again (UTF-8 is best)',
    );
  // Node decodes UTF-16 little-endian only; big-endian bytes are swapped pairwise first.
  const little =
    order === 'le' ? bytes : Uint8Array.from(bytes, (_, index) => bytes[index % 2 === 0 ? index + 1 : index - 1]!);
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(little);
  } catch {
    throw new InputError(
      file,
      `starts with a UTF-16 byte-order mark but is not valid UTF-16`,
      'save the file again as UTF-8 text',
    );
  }
}

/** A NUL is never part of a policy text: a damaged file, or two files glued together. */
function refuseNul(text: string, file: string, encoding: TextEncodingName): void {
  const at = text.indexOf('\u0000');
  if (at < 0) return;
  const before = text.slice(0, at);
  const line = (before.match(/\r\n|\n|\r/gu)?.length ?? 0) + 1;
  const column = at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const count = text.split('\u0000').length - 1;
  throw new InputError(
    file,
    `contains ${count === 1 ? 'a NUL character' : `${count} NUL characters`} ` +
      `(the first at line ${line}, column ${column}; read as ${encoding}), which no text has`,
    'the file is damaged or is not plain text: save the published text again as UTF-8, or remove the NUL characters',
    { line },
  );
}
