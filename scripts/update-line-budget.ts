/**
 * tsx scripts/update-line-budget.ts
 *
 * Writes tests/architecture/long-lines.json anew from the files as they are: per file, the lines
 * over 120 columns that the formatter cannot break. Run it after shortening lines (the test asks
 * for a lower budget); a budget that grows is a change to review, not to wave through.
 */
import { writeFileSync } from 'node:fs';
import { countLongLines, LONG_LINE_BUDGET } from '../tests/architecture/long-lines.ts';

const counts = countLongLines();
writeFileSync(LONG_LINE_BUDGET, `${JSON.stringify(Object.fromEntries(counts), null, 2)}\n`);
console.log(`${[...counts.values()].reduce((sum, count) => sum + count, 0)} long lines in ${counts.size} files.`);
