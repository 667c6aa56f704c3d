/**
 * Polls until `check` passes (returns without throwing), then returns its result; after `withinMs`
 * throws its last failure. Tests wait for the event they need this way instead of sleeping out a
 * cache's polling period: as long as needed, no longer, and a bound that still fails a test.
 */
export async function eventually<T>(check: () => Promise<T> | T, { withinMs = 5_000, stepMs = 20 } = {}): Promise<T> {
  const deadline = Date.now() + withinMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() >= deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, stepMs))
    }
  }
}
