/**
 * The build's configuration: every environment variable the project reads, parsed (zod) once
 * and handed on as one typed object. The build passes configuration to its child processes
 * (Astro, the search indexer, the ingest) through these variables, so `toEnvironment` writes
 * them with the same names this module reads. The README's table lists them with their
 * defaults; a test keeps the two in step.
 */
import { z } from 'zod';

/** Environment variable → what it configures, with its default. The only list of the names. */
export const CONFIG_VARIABLES = {
  CORPUS_DIR: { key: 'corpusDir', default: '.cache/corpus' },
  ATLAS_TAXONOMY_DIR: { key: 'taxonomyDir', default: 'content/taxonomy' },
  ATLAS_SITE_URL: { key: 'siteUrl', default: 'http://localhost:4321' },
  ATLAS_OUT_DIR: { key: 'outDir', default: 'dist' },
  ATLAS_BUILD_CACHE: { key: 'buildCacheDir', default: '' },
  ATLAS_CODE_FINGERPRINT: { key: 'codeFingerprint', default: '' },
  ATLAS_RENDER_INSURERS: { key: 'renderInsurers', default: '' },
  ATLAS_RENDER_DOCUMENTS: { key: 'renderDocuments', default: '' },
  ATLAS_RENDER_PLAN: { key: 'renderPlanFile', default: '' },
  ATLAS_SEARCH_SHARD_SECTIONS: { key: 'searchShardSections', default: '3500' },
  ATLAS_BUILD_MEMORY_MB: { key: 'buildMemoryMb', default: '1536' },
  ATLAS_HELD_LOCKS: { key: 'heldLocks', default: '' },
  ATLAS_PAGES_REPORT: { key: 'pagesReport', default: '' },
  ATLAS_REAL_DOCUMENTS: { key: 'realDocumentsDir', default: '../shared/real' },
  CHROMIUM_PATH: { key: 'chromiumPath', default: '' },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

const optionalText = z.string().transform((value) => (value === '' ? null : value));

const jsonList = (example: string) =>
  z.string().transform((value, context) => {
    if (value === '') return null;
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed) && parsed.every((slug) => typeof slug === 'string')) return parsed as string[];
    } catch {
      // Reported below.
    }
    context.addIssue({ code: 'custom', message: `must be a JSON list of ${example}` });
    return z.NEVER;
  });

const ConfigSchema = z.object({
  /** The structured corpus the pages and the search index read. */
  corpusDir: z.string().min(1),
  /** The taxonomy the pages and the search index are made with (the ingest's --taxonomy). */
  taxonomyDir: z.string().min(1),
  /** The address the site is served from (absolute URLs in the feeds). */
  siteUrl: z.url({ protocol: /^https?$/u, error: 'must be an http(s) address, such as https://example.org' }),
  /** Where Astro writes the pages. */
  outDir: z.string().min(1),
  /** Folder of results kept between builds; null: nothing is kept. */
  buildCacheDir: optionalText,
  /** The fingerprint of the code that keyed results are made by; null: nothing is kept. */
  codeFingerprint: optionalText,
  /** Insurers whose pages this build renders; null: all of them. */
  renderInsurers: jsonList('insurer slugs, such as ["cz","vgz"]'),
  /** Policies (document ids) whose text changed, for the pages about several insurers that read them; null: all. */
  renderDocuments: jsonList('document ids, such as ["cz-2025-msz"]'),
  /** A file Astro waits for before it renders, naming the two above (src/build/render-plan-gate.ts); null: no wait. */
  renderPlanFile: optionalText,
  /** Search records (distinct section texts, src/search/records.ts) per shard, at most. */
  searchShardSections: z.coerce
    .number({ error: 'must be a whole number of sections, 1 or more' })
    .int({ error: 'must be a whole number of sections, 1 or more' })
    .min(1, { error: 'must be a whole number of sections, 1 or more' }),
  /** What a build may take, MB: past it the pages and the search index are made one after the other. */
  buildMemoryMb: z.coerce
    .number({ error: 'must be a whole number of megabytes, 256 or more' })
    .int({ error: 'must be a whole number of megabytes, 256 or more' })
    .min(256, { error: 'must be a whole number of megabytes, 256 or more' }),
  /** Lock files the parent process holds for this one (one path per line). */
  heldLocks: z.string().transform((value) => value.split('\n').filter(Boolean)),
  /** File Astro lists the files it wrote in; null: no list. */
  pagesReport: optionalText,
  /** Folder of real published PDFs the tests read (never copied into the repository). */
  realDocumentsDir: z.string().min(1),
  /** A Chromium to drive instead of Playwright's own. */
  chromiumPath: optionalText,
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** The configuration in `env`: every variable that is not set takes its default. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, string> = {};
  for (const [name, { key, default: fallback }] of Object.entries(CONFIG_VARIABLES)) raw[key] = env[name] ?? fallback;
  const result = ConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name =
    Object.entries(CONFIG_VARIABLES).find(([, { key }]) => key === issue.path[0])?.[0] ?? String(issue.path[0]);
  throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} ${issue.message}: set it right or unset it.`);
}

let current: Config | null = null;

/** This process's configuration, from its environment, parsed on first use. */
export function config(): Config {
  current ??= parseConfig(process.env);
  return current;
}

/** `env` with `settings` written over it (null: removed). */
function writeOver(
  env: NodeJS.ProcessEnv,
  settings: Partial<Record<ConfigVariable, string | null>>,
): NodeJS.ProcessEnv {
  for (const [name, value] of Object.entries(settings)) {
    if (value === null) delete env[name];
    else if (value !== undefined) env[name] = value;
  }
  return env;
}

/** This process's environment with `settings` written over it: what a child process is given. */
export function childEnvironment(settings: Partial<Record<ConfigVariable, string | null>> = {}): NodeJS.ProcessEnv {
  return writeOver({ ...process.env }, settings);
}

/**
 * Writes `settings` into this process's own environment, and reads it again on next use: how
 * Astro, started before its render plan was known, takes that plan (src/build/render-plan-gate.ts).
 */
export function adoptSettings(settings: Partial<Record<ConfigVariable, string | null>>): void {
  writeOver(process.env, settings);
  current = null;
}
