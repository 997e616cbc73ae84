/**
 * How a caller keeps a result from one build to the next: `compute()`, or what it returned before
 * for the same input. Analyses take one so that the site can keep their results on disk
 * (src/io/build-cache.ts) while a test or the browser computes them every time.
 */
export type Keep<Input, Value> = (input: Input, compute: () => Value) => Value;

/** Nothing kept: computed every time. */
export function computeNow<Input, Value>(_input: Input, compute: () => Value): Value {
  return compute();
}
