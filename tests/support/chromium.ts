/** How the tests start Chromium: Debian's where it is installed, else Playwright's own; no background traffic. */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright';
import { config } from '../../src/io/config.ts';

/** Debian's Chromium where it is installed (CI, machines without Playwright's downloads); CHROMIUM_PATH overrides. */
export function chromiumExecutable(): string | undefined {
  return [config().chromiumPath ?? undefined, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path) => path && existsSync(path),
  );
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumExecutable();
  return {
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
  };
}
