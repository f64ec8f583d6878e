const here = new URL('.', import.meta.url);

/**
 * `NODE_OPTIONS` for a child process (e.g. `runActionBundle({ env })`) whose retrying clients should sleep a
 * hundredth of their 1–120 s back-off delays (see fast-retry-clock.mjs).
 */
export function fastRetryClockEnv(): Record<string, string> {
  return { NODE_OPTIONS: `--import=${new URL('fast-retry-clock-preload.mjs', here).href}` };
}

interface ClockModule {
  installFastRetryClock(options?: { factor?: number; min?: number; max?: number }): void;
  uninstallFastRetryClock(): void;
}

/** Runs `body` with this process's 1–120 s timer delays divided by 100, restoring the real clock afterwards. */
export async function withFastRetryClock<T>(body: () => Promise<T>): Promise<T> {
  const clock = (await import(new URL('fast-retry-clock.mjs', here).href)) as ClockModule;
  clock.installFastRetryClock();
  try {
    return await body();
  } finally {
    clock.uninstallFastRetryClock();
  }
}
