/** Work written as steps (a generator that yields between them), which a caller may also run straight through. */

/** Runs steps to their end and returns what they return. */
export function finish<T, S>(steps: Generator<S, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
