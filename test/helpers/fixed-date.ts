/**
 * Fixes the date the code under test sees (new Date(), Date.now()) for the tests of a file, and
 * nothing else: timers, ticks and animation frames run as ever. Target dates pass as the days go by,
 * so tests that count "date passed" findings judge them as at a day of their own.
 */
export function fixDate(date: Date): void {
  beforeAll(() =>
    jest.useFakeTimers({
      now: date,
      doNotFake: [
        "hrtime",
        "nextTick",
        "performance",
        "queueMicrotask",
        "requestAnimationFrame",
        "cancelAnimationFrame",
        "requestIdleCallback",
        "cancelIdleCallback",
        "setImmediate",
        "clearImmediate",
        "setInterval",
        "clearInterval",
        "setTimeout",
        "clearTimeout",
      ],
    })
  );
  afterAll(() => jest.useRealTimers());
}
