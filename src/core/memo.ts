/**
 * A function of objects made once per object (or pair of objects) and kept as long as the object
 * is (WeakMaps): the corpus, the taxonomy and their parts are the same objects for the whole
 * build, and thousands of pages ask the same question of them.
 */

/** `compute`, kept per key: asked again for the same key, the first result. */
export function oncePer<Key extends object, Value>(compute: (key: Key) => Value): (key: Key) => Value {
  const made = new WeakMap<Key, Value>();
  return (key) => {
    if (made.has(key)) return made.get(key)!;
    const value = compute(key);
    made.set(key, value);
    return value;
  };
}

/** `compute`, kept per pair of keys (oncePer for two). */
export function oncePerPair<First extends object, Second extends object, Value>(
  compute: (first: First, second: Second) => Value,
): (first: First, second: Second) => Value {
  const byFirst = oncePer((first: First) => oncePer((second: Second) => compute(first, second)));
  return (first, second) => byFirst(first)(second);
}
