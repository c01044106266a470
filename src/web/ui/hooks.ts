/** Small data hooks: a loader that keeps showing old data while it reloads, and an action runner. */
import { useCallback, useEffect, useState, type DependencyList } from 'react';

/** The state of a loaded resource. */
export interface Query<T> {
  /** The last data loaded (kept while reloading). */
  data: T | undefined;
  /** The error of the last attempt. */
  error: unknown;
  /** Whether a load is in flight. */
  loading: boolean;
  /** Loads again. */
  reload(): void;
  /** Replaces the data locally (after a write that returned the new state). */
  setData(data: T): void;
}

/** Loads data when the dependencies change. */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList): Query<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(null);
    load().then(
      (d) => {
        if (!alive) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      alive = false;
    };
    // The caller names the dependencies of `load`; `tick` forces a reload.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}

/** Runs a write, with its pending state and error. */
export interface Action {
  pending: boolean;
  error: unknown;
  /** Runs fn; resolves to its result, or undefined when it failed (the error is kept). */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  /** Clears the error. */
  reset(): void;
}

/** A runner for one kind of write. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { pending, error, run, reset };
}
