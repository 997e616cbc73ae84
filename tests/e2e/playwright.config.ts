import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.ts';

/** The project folder: the preview servers run there, whatever folder Playwright was started from. */
const ROOT = join(import.meta.dirname, '..', '..');

// Chromium: Debian's where installed, else Playwright's own (`npx playwright install chromium`).
export const SITE_PORT = 4330;
export const HOSTILE_PORT = 4331;

export default defineConfig({
  testDir: '.',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${SITE_PORT}`,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: [
    {
      command: `node --import tsx scripts/preview.ts --port ${SITE_PORT}`,
      cwd: ROOT,
      url: `http://localhost:${SITE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node --import tsx scripts/preview.ts --dir .cache/hostile/dist --port ${HOSTILE_PORT}`,
      cwd: ROOT,
      url: `http://localhost:${HOSTILE_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
