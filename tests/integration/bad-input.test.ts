/** Bad input: each case gets a clear message naming the file (and line), and the run writes nothing. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { decodeWindows1252 } from '../../src/ingest/load/decode-text.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { InputError } from '../../src/core/errors.ts';
import { parseSourceList } from '../../src/core/schemas/sources.ts';
import { fixtureEntry, ingestText, loadTaxonomy, ROOT, SOURCES } from '../support/helpers.ts';

const run = promisify(execFile);

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.match(error.format(), pattern);
    return error;
  }
  assert.fail('expected the input to be refused');
}

describe('bad source files', () => {
  it('refuses an empty file', async () => {
    const error = await rejectsWith(ingestText('', 'leeg.txt'), /^leeg\.txt: is empty/);
    assert.match(error.hint, /copy the published text/);
  });

  it('refuses a file of only white space', async () => {
    await rejectsWith(ingestText(' \n\n\t\n', 'wit.txt'), /is empty/);
  });

  it('refuses a binary file', async () => {
    await rejectsWith(
      ingestText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]), 'beleid.txt'),
      /^beleid\.txt: looks like a binary file/,
    );
  });

  it('reads a Windows-1252 file and says so', async () => {
    const text = '1 Inleiding\n\nDe patiënt en de cliënt krijgen passende zorg; dit is een zin met genoeg woorden.\n';
    const bytes = Uint8Array.from([...text].map((char) => ({ ë: 0xeb })[char] ?? char.charCodeAt(0)));
    const document = await ingestText(bytes, 'cp1252.txt', fixtureEntry('cp1252.txt'));
    assert.match(document.sections[0]!.text, /patiënt en de cliënt/);
    assert.ok(document.ingest.warnings.includes('not valid UTF-8: decoded as Windows-1252'));
  });

  it('decodes every character Windows-1252 puts at 0x80–0x9F, so bullets are list items', async () => {
    // The 27 assigned characters of 0x80–0x9F, by the WHATWG table.
    const assigned = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
    const bytes = [
      0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
      0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
    ];
    assert.equal(bytes.length, 27);
    assert.equal(decodeWindows1252(Uint8Array.from(bytes)), assigned);
    // The five unassigned bytes keep their code point (as the standard says); Latin-1 above 0x9F is itself.
    assert.equal(
      decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe9, 0x41])),
      '\u0081\u008d\u008f\u0090\u009déA',
    );
    const text =
      '1 Inleiding\n\nDe zorgaanbieder levert het volgende aan de verzekeraar:\n\n\u2022 een offerte van de patiënt’s ' +
      'zorg;\n\u2022 een kwaliteitsverslag.\n';
    const table = new Map([...assigned].map((character, index) => [character, bytes[index]!]));
    const encoded = Uint8Array.from(
      [...text].map((character) => table.get(character) ?? { ë: 0xeb }[character] ?? character.charCodeAt(0)),
    );
    const document = await ingestText(encoded, 'cp1252.txt', fixtureEntry('cp1252.txt'));
    assert.match(document.sections[0]!.text, /^- een offerte van de patiënt’s zorg;$/mu);
    assert.match(document.sections[0]!.text, /^- een kwaliteitsverslag\.$/mu);
  });

  it('reads UTF-16 with a byte-order mark, little- and big-endian, as text', async () => {
    const text = '1 Inleiding\n\nDe patiënt krijgt passende zorg — dichtbij — en dit is een zin met genoeg woorden.\n';
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little.subarray(2)).swap16();
    for (const bytes of [little, Buffer.concat([Buffer.from([0xfe, 0xff]), big])]) {
      const document = await ingestText(new Uint8Array(bytes), 'utf16.txt', fixtureEntry('utf16.txt'));
      assert.match(document.sections[0]!.text, /patiënt krijgt passende zorg — dichtbij —/u);
    }
    await rejectsWith(
      ingestText(new Uint8Array(Buffer.from(text, 'utf16le')), 'zonder-bom.txt'),
      /^zonder-bom\.txt: looks like UTF-16 text without a byte-order mark[\s\S]*save the file again as UTF-8/,
    );
  });

  it('refuses a NUL byte anywhere, with its line', async () => {
    const body = Array.from(
      { length: 3000 },
      (_, index) => `Regel ${index + 1} van een lange tekst over passende zorg.`,
    ).join('\n');
    const text = `1 Inleiding\n\n${body}\nhier\u0000staat een NUL.\n`;
    assert.ok(Buffer.byteLength(text) > 64 * 1024, 'past the first 64 KB');
    const error = await rejectsWith(
      ingestText(text, 'nul.txt'),
      /^nul\.txt:3003: contains a NUL character \(the first at line 3003, column 5; read as utf-8\)[\s\S]*remove the NUL characters/,
    );
    assert.equal(error.line, 3003);
  });

  it('refuses a text with no headings at all, unless sources.yaml allows it', async () => {
    const text = 'dit is een briefje zonder kopjes, gewoon een zin.\nnog een regel tekst die verder gaat.\n';
    await rejectsWith(
      ingestText(text, 'brief.txt', fixtureEntry('brief.txt')),
      /^brief\.txt: has no headings at all[\s\S]*allowFlat: true/,
    );
    const flat = await ingestText(text, 'brief.txt', fixtureEntry('brief.txt', { allowFlat: true }));
    assert.equal(flat.sections.length, 1);
    assert.equal(flat.sections[0]!.level, 0);
  });

  it('refuses a 20 MB file with the limit and the way out', async () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    await rejectsWith(
      ingestText(big, 'groot.txt'),
      /^groot\.txt: is 20\.0 MB, more than the 8 MB limit[\s\S]*--max-size-mb/,
    );
  });

  it('refuses a broken PDF', async () => {
    await rejectsWith(
      ingestText(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'kapot.pdf'),
      /^kapot\.pdf: could not be read as a PDF[\s\S]*truncated or damaged/,
    );
  });

  it('says a password-protected PDF is protected, not damaged', async () => {
    const { PDFDocument, PDFName, PDFHexString, StandardFonts } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('1 Inleiding', { font: await pdf.embedFont(StandardFonts.Helvetica) });
    // The standard security handler with a user password: the empty one does not open it.
    const encrypt = pdf.context.obj({
      Filter: PDFName.of('Standard'),
      V: 1,
      R: 2,
      Length: 40,
      P: -4,
      O: PDFHexString.of('11'.repeat(32)),
      U: PDFHexString.of('22'.repeat(32)),
    });
    pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
    pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of('00'.repeat(16)), PDFHexString.of('00'.repeat(16))]);
    const error = await rejectsWith(
      ingestText(await pdf.save({ useObjectStreams: false }), 'beveiligd.pdf'),
      /^beveiligd\.pdf: is protected with a password, so its text cannot be read\n {2}fix: ask the publisher for an unprotected copy/u,
    );
    assert.doesNotMatch(error.format(), /truncated|damaged/u);
  });

  it('refuses a .pdf file that is not a PDF', async () => {
    await rejectsWith(ingestText('1 Titel\n\nTekst.', 'nep.pdf'), /^nep\.pdf: has a \.pdf name but is not a PDF/);
  });
});

describe('bad sources.yaml', () => {
  const parse = (text: string) => parseSourceList('content/sources/sources.yaml', text, loadTaxonomy());
  const entry = (extra = '') =>
    `  - file: a.txt\n    insurer: cz\n    year: 2025\n    careType: msz\n    title: A\n${extra}`;

  it('names the line of an unknown insurer slug and lists the known ones', () => {
    assert.throws(
      () =>
        parse(
          `sources:\n${entry()}  - file: b.txt\n    insurer: vgzz\n    year: 2025\n    careType: ggz\n    title: B\n`,
        ),
      (error: unknown) =>
        error instanceof InputError &&
        error.line === 8 &&
        /insurer "vgzz" is not in content\/taxonomy\/insurers\.yaml \(known: caresq, cz/.test(error.message),
    );
  });

  it('names the line of malformed YAML', () => {
    assert.throws(
      () => parse('sources:\n  - file: a.txt\n    insurer: [cz\n    year: 2025\n'),
      (error: unknown) =>
        error instanceof InputError && /is not valid YAML/.test(error.message) && error.line !== undefined,
    );
  });

  it('refuses two entries that resolve to the same id', () => {
    assert.throws(
      () => parse(`sources:\n${entry()}${entry().replace('a.txt', 'b.txt')}`),
      (error: unknown) =>
        error instanceof InputError &&
        /two sources resolve to the same id "cz-2025-msz": "a\.txt" and "b\.txt"/.test(error.message) &&
        error.line === 7,
    );
  });

  it('publishes only http(s) addresses as links', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
    ]) {
      assert.throws(
        () => parse(`sources:\n${entry(`    url: "${url}"\n`)}`),
        (error: unknown) =>
          error instanceof InputError &&
          /is not a web address/u.test(error.message) &&
          error.line === 7 &&
          /starting with https:\/\//u.test(error.hint),
        url,
      );
    }
    assert.equal(
      parse(`sources:\n${entry('    url: https://www.cz.nl/zorgaanbieders\n')}`)[0]!.url,
      'https://www.cz.nl/zorgaanbieders',
    );
  });

  it('gives each kind of problem its own fix', () => {
    const hintOf = (text: string) => {
      try {
        parse(text);
      } catch (error) {
        return (error as InputError).hint;
      }
      assert.fail('expected a refusal');
    };
    const hints = [
      hintOf(`sources:\n${entry().replace('insurer: cz', 'insurer: czz')}`),
      hintOf(`sources:\n${entry().replace('careType: msz', 'careType: mszz')}`),
      hintOf(`sources:\n${entry().replace('year: 2025', 'year: twintig')}`),
      hintOf(`sources:\n${entry('    kleur: blauw\n')}`),
      hintOf(`sources:\n${entry()}${entry().replace('a.txt', 'b.txt')}`),
      hintOf(`sources:\n${entry().replace('a.txt', '../a.txt')}`),
    ];
    assert.equal(new Set(hints).size, hints.length, hints.join('\n'));
    assert.match(hints[0]!, /insurers\.yaml/u);
    assert.match(hints[3]!, /remove kleur/u);
  });

  it('refuses a missing field with its entry line', () => {
    assert.throws(
      () => parse('sources:\n  - file: a.txt\n    insurer: cz\n    year: 2025\n    title: A\n'),
      (error: unknown) => error instanceof InputError && /careType/.test(error.message) && error.line === 2,
    );
  });
});

describe('the ingest CLI', () => {
  const cli = join(ROOT, 'scripts', 'ingest.ts');
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

  function workspace(): { dir: string; sources: string; out: string } {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-ingest-'));
    const sources = join(dir, 'sources');
    mkdirSync(sources);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'earlier.json'), '{"earlier":true}\n');
    return { dir, sources, out };
  }

  async function ingest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  it('writes the documents and a report for good input', async () => {
    const { sources, out } = workspace();
    cpSync(join(SOURCES, 'cz-2025-msz.txt'), join(sources, 'cz-2025-msz.txt'));
    const result = await ingest(['--out', out, '--sources', sources, join(sources, 'cz-2025-msz.txt')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\[1\/1\] cz-2025-msz {2}\d+ sections/);
    assert.match(result.stdout, /warning: metadata detected from the text/);
    assert.deepEqual(readdirSync(out).sort(), ['.ingest-index.json', 'cz-2025-msz.json', 'earlier.json']);
  });

  it('exits non-zero on a missing file listed in sources.yaml and an unknown slug, and leaves earlier output untouched', async () => {
    const { sources, out } = workspace();
    cpSync(join(SOURCES, 'cz-2025-msz.txt'), join(sources, 'cz-2025-msz.txt'));
    writeFileSync(
      join(sources, 'sources.yaml'),
      'sources:\n  - file: cz-2025-msz.txt\n    insurer: cz\n    year: 2025\n    careType: msz\n    title: CZ\n  - ' +
        'file: ontbreekt.txt\n    insurer: cz\n    year: 2026\n    careType: msz\n    title: Weg\n',
    );
    const missing = await ingest(['--out', out, '--sources', sources]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /sources\.yaml: lists "ontbreekt\.txt", which does not exist/);
    assert.match(missing.stderr, /nothing was written/);
    assert.deepEqual(readdirSync(out), ['earlier.json']);

    writeFileSync(
      join(sources, 'sources.yaml'),
      'sources:\n  - file: cz-2025-msz.txt\n    insurer: czz\n    year: 2025\n    careType: msz\n    title: CZ\n',
    );
    const unknown = await ingest(['--out', out, '--sources', sources]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /sources\.yaml:3: at sources\.0\.insurer: insurer "czz" is not in/);
    assert.equal(readFileSync(join(out, 'earlier.json'), 'utf8'), '{"earlier":true}\n');
  });

  it('refuses two sources that resolve to the same id', async () => {
    const { sources, out } = workspace();
    cpSync(join(SOURCES, 'cz-2025-msz.txt'), join(sources, 'a.txt'));
    cpSync(join(SOURCES, 'cz-2025-msz.txt'), join(sources, 'b.txt'));
    const result = await ingest(['--out', out, '--sources', sources]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /b\.txt: resolves to id "cz-2025-msz", the same as ".*a\.txt"/);
    assert.deepEqual(readdirSync(out), ['earlier.json']);
  });

  it('refuses a source that links outside its folder, and reads one that links inside', async () => {
    const { dir, sources, out } = workspace();
    writeFileSync(join(dir, 'elders.txt'), readFileSync(join(SOURCES, 'cz-2025-msz.txt')));
    symlinkSync('/etc/passwd', join(sources, 'cz-2025-msz.txt'));
    symlinkSync(join(dir, 'elders.txt'), join(sources, 'caresq-2025-ziekenvervoer.txt'));
    writeFileSync(
      join(sources, 'sources.yaml'),
      'sources:\n  - file: cz-2025-msz.txt\n    insurer: cz\n    year: 2025\n    careType: msz\n    title: CZ\n',
    );
    const result = await ingest(['--out', out, '--sources', sources]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /cz-2025-msz\.txt: is a symbolic link that leads outside .*sources\/ \(to \/etc\/passwd\)\n {2}fix: copy the policy text into/u,
    );
    assert.match(result.stderr, /caresq-2025-ziekenvervoer\.txt: is a symbolic link that leads outside/u);
    assert.deepEqual(readdirSync(out), ['earlier.json']);

    rmSync(join(sources, 'cz-2025-msz.txt'));
    rmSync(join(sources, 'caresq-2025-ziekenvervoer.txt'));
    mkdirSync(join(sources, 'archief'));
    cpSync(join(SOURCES, 'cz-2025-msz.txt'), join(sources, 'archief', 'cz.txt'));
    symlinkSync(join('archief', 'cz.txt'), join(sources, 'cz-2025-msz.txt'));
    const inside = await ingest(['--out', out, '--sources', sources]);
    assert.equal(inside.code, 0, inside.stderr);
    assert.ok(readdirSync(out).includes('cz-2025-msz.json'));
  });

  it('takes the size limit its message names from npm run build too', async () => {
    const { dir, sources } = workspace();
    cpSync(join(SOURCES, 'cz-2025-msz.txt'), join(sources, 'cz-2025-msz.txt'));
    const build = (extra: string[]) =>
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'scripts', 'build.ts'),
          '--sources',
          sources,
          '--corpus',
          join(dir, 'corpus'),
          '--out',
          join(dir, 'site'),
          '--quiet',
          ...extra,
        ],
        { cwd: ROOT },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const refused = await build(['--max-size-mb', '0.01']);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /cz-2025-msz\.txt: is 0\.\d MB, more than the 0 MB limit[\s\S]*npm run build -- --max-size-mb 1 \(or npm run ingest -- --max-size-mb 1\)/u,
    );
    assert.match(refused.stderr, /Ingest failed \(see above\): .*site\/ was left as it was\./u);
    assert.ok(!existsSync(join(dir, 'site')));
    const wrong = await build(['--max-size-mb', 'veel']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /--max-size-mb must be a positive number, not "veel"/u);
  });

  it('reports every bad file, not only the first', async () => {
    const { sources, out } = workspace();
    writeFileSync(join(sources, 'leeg.txt'), '');
    writeFileSync(join(sources, 'binair.txt'), Buffer.from([0, 1, 2, 3, 0]));
    const result = await ingest(['--out', out, '--sources', sources]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /2 problems; nothing was written/);
    assert.match(result.stderr, /binair\.txt: looks like a binary file/);
    assert.match(result.stderr, /leeg\.txt: is empty/);
  });
});
