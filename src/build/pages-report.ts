/**
 * An Astro integration that, when ATLAS_PAGES_REPORT names a file, writes there every file the
 * build wrote for a route (relative to the output folder): what the build checks the site it is
 * about to publish against (src/build/verify-site.ts).
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { config } from '../io/config.ts';

export function pagesReport(): AstroIntegration {
  return {
    name: 'zorginkoop-atlas:pages-report',
    hooks: {
      'astro:build:done': ({ dir, assets }) => {
        const report = config().pagesReport;
        if (!report) return;
        const root = fileURLToPath(dir);
        const files = [...assets.values()]
          .flat()
          .map((url) => relative(root, fileURLToPath(url)).split('\\').join('/'));
        writeFileSync(report, `${JSON.stringify([...new Set(files)].sort())}\n`);
      },
    },
  };
}
