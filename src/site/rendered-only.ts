/**
 * Which pages this build renders. A full build renders all. After only some policies' text
 * changed, src/build/site-plan.ts names their insurers in ATLAS_RENDER_INSURERS, and a route
 * about one insurer (its policies, their sources and diffs, its history, change log and
 * comparison columns) renders only for those; routes about all insurers always render. The
 * pages left out are the previous build's, taken over as they were.
 *
 * That an insurer's pages read no other insurer's text is what makes this safe; the build test
 * holds it to that: an incremental build writes what a full one does.
 */
import { config } from '../io/config.ts';

/** The entries of a route about one insurer each that this build renders. */
export function renderedOnly<T>(entries: readonly T[], insurerOf: (entry: T) => string): readonly T[] {
  const only = config().renderInsurers;
  return only ? entries.filter((entry) => only.includes(insurerOf(entry))) : entries;
}
