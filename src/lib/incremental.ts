/**
 * Which pages this build renders. A full build renders all. After only some policies' text
 * changed, scripts/build/site-plan.ts names their insurers in ATLAS_RENDER_INSURERS, and a route
 * about one insurer (its policies, their sources and diffs, its history, change log and
 * comparison columns) renders only for those; routes about all insurers always render. The
 * pages left out are the previous build's, taken over as they were.
 *
 * That an insurer's pages read no other insurer's text is what makes this safe; the build test
 * holds it to that: an incremental build writes what a full one does.
 */
const RENDER_INSURERS = 'ATLAS_RENDER_INSURERS';

let insurers: ReadonlySet<string> | null | undefined;

/** The insurers whose pages render, or null: all of them. */
function insurersToRender(): ReadonlySet<string> | null {
  if (insurers !== undefined) return insurers;
  const value = process.env[RENDER_INSURERS];
  if (value === undefined || value === '') return (insurers = null);
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed) || !parsed.every((slug) => typeof slug === 'string')) {
    throw new Error(`${RENDER_INSURERS} must be a JSON list of insurer slugs, not ${value}`);
  }
  return (insurers = new Set(parsed));
}

/** The entries of a route about one insurer each that this build renders. */
export function renderedOnly<T>(entries: readonly T[], insurerOf: (entry: T) => string): readonly T[] {
  const only = insurersToRender();
  return only ? entries.filter((entry) => only.has(insurerOf(entry))) : entries;
}
