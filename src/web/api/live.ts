/**
 * Live updates: one WebSocket to /api/live while a process is open. The server sends only what
 * changed (kind, process, compartment), filtered by what this person may see, as
 * `{type: 'events', events: [...]}` (the changes of one look at the audit log in one message);
 * the screens then re-read through the API. Reconnects with a growing delay; gives up quietly
 * when the server serves no live updates, and stops for good when the session ended (close code
 * 4401).
 */
import { useEffect, useRef } from 'react';

/** One change the server announced. */
export interface LiveChange {
  kind: string;
  processId: string;
  compartmentId: string | null;
  seq: number;
}

/** Calls `onChange` (at most every 300 ms, with the changes since) for changes in one process. */
export function useLiveChanges(processId: string, onChange: (changes: LiveChange[]) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    let socket: WebSocket | null = null;
    let stopped = false;
    let delay = 1000;
    let pending: LiveChange[] = [];
    let flush: ReturnType<typeof setTimeout> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const open = () => {
      if (stopped) return;
      socket = new WebSocket(
        `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`,
      );
      socket.onopen = () => (delay = 1000);
      socket.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as { type?: string; events?: LiveChange[] };
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
        if (stopped || event.code === 4401) return;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, 60_000);
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
}
