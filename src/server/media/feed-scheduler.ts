/**
 * The server's schedule of feeds: every `everyMs` it runs one round of `pollFeeds`, which fetches
 * the feeds that are due by the injected clock. Rounds never overlap (a slow round makes the next
 * tick wait for it). The timer is injectable so tests drive the schedule themselves, and a
 * round's failure (the database away, say) is logged and the next tick tries again.
 */
import type { Deps } from '../../core/ports.js';
import { pollFeeds, type PollResult } from '../../core/usecases/media/poll-feeds.js';

/** Something that calls back every so often; returns how to stop it. */
export type Timer = (everyMs: number, tick: () => void) => () => void;

/** The real timer, not keeping the process alive on its own. */
export const intervalTimer: Timer = (everyMs, tick) => {
  const handle = setInterval(tick, everyMs);
  handle.unref();
  return () => clearInterval(handle);
};

/** A running schedule. */
export interface FeedScheduler {
  /** Runs one round now (or waits for the one under way and answers its result). */
  tick(): Promise<PollResult>;
  /** Stops ticking and waits for a round under way. */
  stop(): Promise<void>;
}

/** How often the server looks for due feeds. */
export const defaultScheduleMs = 60_000;

/** Starts the schedule. */
export function startFeedScheduler(
  deps: Deps<'db' | 'clock' | 'ids' | 'feeds'>,
  options: { everyMs?: number; timer?: Timer; onError?: (e: unknown) => void } = {},
): FeedScheduler {
  let running: Promise<PollResult> | null = null;
  const tick = () => {
    running ??= pollFeeds(deps, {}).finally(() => {
      running = null;
    });
    return running;
  };
  const onError = options.onError ?? ((e: unknown) => console.error('Feed schedule:', e));
  const stopTimer = (options.timer ?? intervalTimer)(options.everyMs ?? defaultScheduleMs, () => {
    tick().catch(onError);
  });
  return {
    tick,
    async stop() {
      stopTimer();
      await running?.catch(() => undefined);
    },
  };
}
