/**
 * Live updates: one WebSocket to /api/live while a process is open. The server sends only what
 * changed (kind, process, compartment), filtered by what this person may see, as
 * `{type: 'events', events: [...]}` (the changes of one look at the audit log in one message);
 * the screens then re-read through the API. Every greeting (`hello`) has the screens re-read once,
 * since what changed before it — between the page's first read and the first greeting, or while
 * the connection was down — was not announced. Reconnects with a growing delay; stops for good
 * when the session ended (close code 4401, or a refused handshake while signed out).
 */
import { useEffect, useRef, useState } from 'react';
import { api, isApiError, reportSessionLost } from './client.js';

/** One change the server announced. */
export interface LiveChange {
  kind: string;
  processId: string;
  compartmentId: string | null;
  /** When it happened. (No sequence number: the server sends none, see the live hub.) */
  at: string;
}

/**
 * Where the connection stands: `connecting` until the server first greets it, `live` while it is
 * open, `reconnecting` after it dropped (changes may be missed until it is back), `ended` when the
 * session ended.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'ended';

/**
 * Calls `onChange` (at most every 300 ms, with the changes since) for changes in one process, and
 * with no changes on every greeting of the server (re-read everything); answers the connection's
 * status.
 */
export function useLiveChanges(
  processId: string,
  onChange: (changes: LiveChange[]) => void,
): LiveStatus {
  const callback = useRef(onChange);
  callback.current = onChange;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let delay = 1000;
    // Whether the current socket was greeted; a close before that may be a refused handshake.
    let greeted = false;
    let pending: LiveChange[] = [];
    let flush: ReturnType<typeof setTimeout> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    setStatus('connecting');
    const open = () => {
      if (stopped) return;
      greeted = false;
      socket = new WebSocket(
        `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`,
      );
      socket.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as { type?: string; events?: LiveChange[] };
        if (data.type === 'hello') {
          greeted = true;
          delay = 1000;
          setStatus('live');
          // What changed before this greeting was not announced: re-read once, which also covers
          // any changes still waiting for their batch.
          if (flush) clearTimeout(flush);
          flush = null;
          pending = [];
          callback.current([]);
          return;
        }
        if (data.type !== 'events' || !Array.isArray(data.events)) return;
        const here = data.events.filter((e) => e.processId === processId);
        if (here.length === 0) return;
        pending.push(...here);
        flush ??= setTimeout(() => {
          const changes = pending;
          pending = [];
          flush = null;
          callback.current(changes);
        }, 300);
      };
      socket.onclose = (event) => {
        if (stopped) return;
        if (event.code === 4401) {
          // Signed out elsewhere, expired or revoked: the app leaves the confidential screens.
          setStatus('ended');
          reportSessionLost();
          return;
        }
        setStatus('reconnecting');
        const wait = delay;
        delay = Math.min(delay * 2, 60_000);
        const again = () => {
          if (!stopped) retry = setTimeout(open, wait);
        };
        if (greeted) {
          again();
          return;
        }
        // The browser reports a handshake the server refused (signed out) as a plain drop (1006):
        // ask whether the session still stands before trying again.
        void api.session.get().then(again, (e: unknown) => {
          if (stopped) return;
          if (isApiError(e, 'UNAUTHENTICATED')) {
            setStatus('ended');
            reportSessionLost();
          } else again();
        });
      };
    };
    open();
    return () => {
      stopped = true;
      if (flush) clearTimeout(flush);
      if (retry) clearTimeout(retry);
      socket?.close();
    };
  }, [processId]);
  return status;
}
