/**
 * Before the end-to-end tests: make sure a Chromium is there. Debian's (/usr/bin/chromium) is
 * used where installed; otherwise Playwright's own, downloaded once with `playwright install`.
 * Where neither can be had, say what to do instead of failing deep inside a test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumExecutable } from '../tests/support/chromium.ts';

const system = chromiumExecutable();
if (system) {
  console.log(`Chromium: ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`Chromium: Playwright's ${chromium.executablePath()}`);
} else {
  console.log("No Chromium found: downloading Playwright's (npx playwright install chromium)…");
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  } catch {
    console.error(
      'Could not install a Chromium for the end-to-end tests.\n' +
        "  fix: install your system's Chromium (Debian/Ubuntu: sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.",
    );
    process.exit(1);
  }
}
