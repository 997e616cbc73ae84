/** The load stage on its own: bytes in, lines and what they are out; bad bytes refused with a reason. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../../src/core/errors.ts';
import { sha256 } from '../../../src/core/hash.ts';
import { DEFAULT_LOAD_OPTIONS, loadSource } from '../../../src/ingest/load/load.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('load', () => {
  it('reads a text source into numbered lines, with its hash and format', async () => {
    const source = bytes('1 Inleiding\r\nDe tekst.\r\n\r\n2 Inkoop\n');
    const loaded = await loadSource(source, 'beleid.txt');
    assert.equal(loaded.format, 'txt');
    assert.equal(loaded.encoding, 'utf-8');
    assert.equal(loaded.markdown, false);
    assert.equal(loaded.sha256, sha256(source));
    assert.deepEqual(loaded.lines.slice(0, 4), ['1 Inleiding', 'De tekst.', '', '2 Inkoop']);
  });

  it('reads a .md file as Markdown', async () => {
    const loaded = await loadSource(bytes('# Titel\n\nTekst.\n'), 'pagina.md');
    assert.equal(loaded.format, 'md');
    assert.equal(loaded.markdown, true);
  });

  it('decodes Windows-1252 by its full table, and says so', async () => {
    // 0x80 is € and 0x93/0x94 are curly quotes in Windows-1252 (Latin-1 has control codes there).
    const loaded = await loadSource(new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94, 0x0a]), 'oud.txt');
    assert.equal(loaded.encoding, 'windows-1252');
    assert.equal(loaded.lines[0], '€ “a”');
  });

  const refused: Array<[string, Uint8Array, string, RegExp]> = [
    ['an empty file', new Uint8Array(), 'leeg.txt', /empty/iu],
    ['a NUL byte, with its line', bytes('regel een\nregel\u0000twee\n'), 'nul.txt', /line 2/u],
    ['a file over the size limit', bytes('x'.repeat(2048)), 'groot.txt', /MB|size|large/iu],
  ];
  for (const [what, input, file, says] of refused) {
    it(`refuses ${what}`, async () => {
      const options = { ...DEFAULT_LOAD_OPTIONS, maxTextBytes: 1024 };
      await assert.rejects(loadSource(input, file, options), (error: unknown) => {
        assert.ok(error instanceof InputError, String(error));
        assert.match(error.format(), says);
        return true;
      });
    });
  }
});
