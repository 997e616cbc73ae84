/**
 * Astro started before it is known which pages to render. scripts/build.ts starts Astro before
 * the ingest, so that Astro's own start and its server bundle, seconds of a rebuild after one
 * typo, are made while the sources are read; which pages to render follows from what the ingest
 * wrote (src/build/site-plan.ts). With ATLAS_RENDER_PLAN naming a file, the build waits, once its
 * server bundle is written and before any page module runs, for that file, and its two values
 * become the environment the pages read (ATLAS_RENDER_INSURERS and ATLAS_RENDER_DOCUMENTS,
 * src/site/rendered-only.ts). The build writes the file whole, in one rename, or stops Astro.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';
import { adoptSettings, config } from '../io/config.ts';

/** What the file holds: the two variables' values, null for "all". */
const RenderPlanSchema = z.object({
  ATLAS_RENDER_INSURERS: z.string().nullable(),
  ATLAS_RENDER_DOCUMENTS: z.string().nullable(),
});
export type RenderPlanFile = z.infer<typeof RenderPlanSchema>;

/** How often Astro looks for the file while it waits. */
const POLL_MS = 20;

/** Lets an Astro started with ATLAS_RENDER_PLAN=`file` render: the insurers and documents it renders (null: all). */
export function releaseRenderPlan(file: string, plan: { insurers: string[] | null; documents: string[] | null }): void {
  const values: RenderPlanFile = {
    ATLAS_RENDER_INSURERS: plan.insurers ? JSON.stringify(plan.insurers) : null,
    ATLAS_RENDER_DOCUMENTS: plan.insurers ? JSON.stringify(plan.documents ?? []) : null,
  };
  writeFileSync(`${file}.tmp`, JSON.stringify(values));
  renameSync(`${file}.tmp`, file);
}

/** Waits for the plan file, then takes the variables it holds into this process's environment. */
async function awaitRenderPlan(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  const parsed = RenderPlanSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a render plan: ${parsed.error.issues[0]!.message}`);
  adoptSettings(parsed.data);
}

export function renderPlanGate(): AstroIntegration {
  return {
    name: 'zorginkoop-atlas:render-plan-gate',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const file = config().renderPlanFile;
        if (command !== 'build' || !file) return;
        let waited: Promise<void> | null = null;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'zorginkoop-atlas:await-render-plan',
                apply: 'build',
                // The server bundle is written; Astro renders the pages from it next.
                closeBundle: () => (waited ??= awaitRenderPlan(file)),
              },
            ],
          },
        });
      },
    },
  };
}
