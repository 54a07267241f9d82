/** Bounded waiting: every loop of the harness has a deadline and a maximum number of rounds. */

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `check` every `intervalMs` until it returns a value other than undefined, for at most
 * `timeoutMs` (and at most timeoutMs / intervalMs + 1 rounds). Errors thrown by `check`
 * count as "not yet" (a node may still be starting); the last one is named on timeout.
 */
export async function until<T>(what: string, timeoutMs: number, intervalMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const rounds = Math.ceil(timeoutMs / intervalMs) + 1;
  let last = '';
  for (let round = 0; round < rounds; round++) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = '';
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last === '' ? '' : ` (last error: ${last})`}`);
}
