/**
 * Which pages this build renders. A full build renders all. After only some policies' text
 * changed, src/build/site-plan.ts names them in ATLAS_RENDER_DOCUMENTS and their insurers in
 * ATLAS_RENDER_INSURERS: a route about one policy (its page, source view, JSON) renders only for
 * those policies; a route about one insurer (its history, change log) only for those insurers;
 * a diff or a comparison of one care type and year only when it reads one of the policies; a
 * route that reads no text at all (the calendar) not at all; other routes about all insurers
 * always. The pages left out are the previous build's, taken over as they were.
 *
 * That a page reads no text but what its entry names is what makes this safe; the build test
 * holds it to that: an incremental build writes what a full one does.
 */
import { config } from '../io/config.ts';

/**
 * The entries of a route that reads no section text, only what a policy's skeleton holds
 * (dates, deadlines, names: src/build/site-plan.ts skeletonOf): a change of text alone leaves
 * every one of its pages as it was, so then the entries are not even made.
 */
export async function renderedOnSkeletonChange<T>(
  entries: () => readonly T[] | Promise<readonly T[]>,
): Promise<readonly T[]> {
  return config().renderInsurers ? [] : entries();
}

/** The entries of a route about one insurer each that this build renders. */
export function renderedOnly<T>(entries: readonly T[], insurerOf: (entry: T) => string): readonly T[] {
  const only = config().renderInsurers;
  return only ? entries.filter((entry) => only.includes(insurerOf(entry))) : entries;
}

/**
 * The entries of a route whose page reads some policies' text (a policy's own pages, a diff, a
 * comparison of one care type and year) that this build renders: those that read a policy whose
 * text changed. What such a page reads must be all in `documentsOf`, or it would be left stale.
 */
export function renderedWhereRead<T>(
  entries: readonly T[],
  documentsOf: (entry: T) => ReadonlyArray<{ id: string }>,
): readonly T[] {
  const { renderInsurers, renderDocuments } = config();
  if (!renderInsurers) return entries;
  const changed = new Set(renderDocuments ?? []);
  return entries.filter((entry) => documentsOf(entry).some((document) => changed.has(document.id)));
}
