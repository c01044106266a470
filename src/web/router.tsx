/**
 * A small router on the History API: the app has a handful of routes, so a dependency would buy
 * little. Links are real <a href> elements (open in a new tab works); plain clicks navigate
 * without a page load.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
let navigatedInApp = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

const leaveGuards = new Set<() => string | null>();

/**
 * Registers a check asked before every in-app navigation: it answers a question to confirm (e.g.
 * "Leave without saving?") or null to let go. Returns the function that removes it.
 */
export function addLeaveGuard(guard: () => string | null): () => void {
  leaveGuards.add(guard);
  return () => leaveGuards.delete(guard);
}

/** Goes to a path inside the app, unless a leave guard's question is declined. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  for (const guard of leaveGuards) {
    const question = guard();
    if (question !== null && !window.confirm(question)) return;
  }
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigatedInApp = true;
  window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/** Whether the user has moved inside the app since it loaded (then headings take focus). */
export function hasNavigatedInApp(): boolean {
  return navigatedInApp;
}

/** The current location, re-rendering on every change. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(current, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** Matches `/a/:b/c` against a path; returns the decoded parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  /** Path inside the app. */
  to: string;
  /** Mark as the current page when the path matches exactly (or starts with it, with `prefix`). */
  current?: 'exact' | 'prefix';
};

/** An in-app link. */
export function Link({ to, current, onClick, children, ...rest }: LinkProps) {
  const { pathname } = useLocation();
  const isCurrent =
    current === 'exact'
      ? pathname === to
      : current === 'prefix'
        ? pathname === to || pathname.startsWith(`${to}/`)
        : false;
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (
      e.defaultPrevented ||
      e.button !== 0 ||
      e.metaKey ||
      e.ctrlKey ||
      e.shiftKey ||
      e.altKey ||
      rest.target
    )
      return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} aria-current={isCurrent ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
