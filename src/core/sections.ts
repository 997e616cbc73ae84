/** The section tree: a section's parent is named by id, so a walk up the tree needs the sections by id. */

/** A section and its ancestors, nearest first. */
export function* selfAndAncestors<T extends { parent: string | null }>(
  section: T | undefined,
  byId: ReadonlyMap<string, T>,
): Generator<T> {
  for (let current = section; current; current = current.parent ? byId.get(current.parent) : undefined) yield current;
}
