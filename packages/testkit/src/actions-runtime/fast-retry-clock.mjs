// A test clock for retrying clients. The @actions/* Twirp clients sleep 3 s, then 4.5-15 s between five attempts,
// and the Azure SDK sleeps 4 s and more between blob retries, with no setting to shorten either. This divides every
// timer delay inside [min, max] by `factor` so a fault test still goes through every retry, in milliseconds.
// Delays outside the band (zero-delay scheduling, upload stall timers of minutes) are left alone.
const realSetTimeout = globalThis.setTimeout;

export function installFastRetryClock({ factor = 100, min = 1000, max = 120000 } = {}) {
  globalThis.setTimeout = function fastSetTimeout(callback, delay, ...args) {
    const shortened = typeof delay === 'number' && delay >= min && delay <= max ? delay / factor : delay;
    return realSetTimeout(callback, shortened, ...args);
  };
}

export function uninstallFastRetryClock() {
  globalThis.setTimeout = realSetTimeout;
}
