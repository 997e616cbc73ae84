/**
 * Fixture corpus: one folder per case in tests/ingest/fixtures/ with input.txt, entry.json (the
 * sources.yaml fields) and expected.json (what the pipeline must produce, in a readable
 * projection). Regenerate expected files only on purpose: UPDATE=1 npm run test:unit.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PolicyDocument } from '../../src/core/schemas/document.ts';
import { fixtureEntry, ingestText, ROOT } from '../support/helpers.ts';

const FIXTURES = join(ROOT, 'tests', 'ingest', 'fixtures');

function project(document: PolicyDocument) {
  return {
    sections: document.sections.map((section) => ({
      number: section.number,
      title: section.title,
      level: section.level,
      parent: section.parent,
      lines: section.lines,
      text: section.text,
    })),
    changes: document.changes,
    deadlines: document.deadlines.map(({ date, event, line, phrase }) => ({ date, event, line, phrase })),
    contacts: document.contacts,
    ocrFixes: document.ingest.ocrFixes,
    mergedHeadings: document.ingest.mergedHeadings,
    artefacts: document.ingest.artefacts,
  };
}

describe('fixture corpus', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const dir = join(FIXTURES, name);
      const meta = JSON.parse(readFileSync(join(dir, 'entry.json'), 'utf8')) as {
        insurer: string;
        year: number;
        careType: string;
      };
      const entry = fixtureEntry('input.txt', { ...meta, id: `${meta.insurer}-${meta.year}-${meta.careType}` });
      const actual = project(await ingestText(readFileSync(join(dir, 'input.txt')), 'input.txt', entry));
      const expectedPath = join(dir, 'expected.json');
      if (process.env.UPDATE === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      // A new fixture without its expected output fails: it is written only on purpose.
      assert.ok(
        existsSync(expectedPath),
        `${expectedPath} is missing: check the output, then write it with UPDATE=1 npm run test:unit`,
      );
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
