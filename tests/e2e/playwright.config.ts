import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** The project folder: the preview servers run there, whatever folder Playwright was started from. */
const ROOT = join(import.meta.dirname, '..', '..');

// Debian's Chromium where it is installed (CI, machines without Playwright's browser downloads);
// elsewhere Playwright's own browser (`npx playwright install chromium`). CHROMIUM_PATH overrides.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);

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
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // No background connections: the machines here have no network but the registries.
          args: [
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
          // Root on CI cannot use Chromium's sandbox.
          chromiumSandbox: false,
        },
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
