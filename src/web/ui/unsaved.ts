/**
 * Nothing typed is lost: a guard on leaving with unsaved changes (in-app navigation asks, closing
 * or reloading the tab makes the browser ask), and long edits kept in localStorage until saved,
 * under `parley.draft.…` keys that signing out clears.
 */
import { useCallback, useEffect, useState } from 'react';
import { addLeaveGuard } from '../router.js';

const prefix = 'parley.draft.';

/** While `dirty`, asks before leaving the page, in the app or in the browser. */
export function useUnsavedGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Chromium still needs returnValue set to show its own question.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    const remove = addLeaveGuard(() => question);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      remove();
    };
  }, [dirty, question]);
}

interface Stored {
  /** The text typed. */
  text: string;
  /** The text it started from: a kept edit is offered back only on the same starting text. */
  base: string;
  /** When it was last typed (ISO). */
  at: string;
}

function read(key: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(prefix + key);
    if (raw === null) return null;
    const v = JSON.parse(raw) as Partial<Stored>;
    return typeof v.text === 'string' && typeof v.base === 'string' && typeof v.at === 'string'
      ? { text: v.text, base: v.base, at: v.at }
      : null;
  } catch {
    return null;
  }
}

/**
 * A text field's value kept in localStorage while it differs from `base`: the kept edit comes
 * back when the same field opens on the same starting text, and is dropped once equal to it
 * (saved or undone). Answers the value, its setter, when a kept edit was restored (or null), and
 * a kept edit made on another starting text (shown so that nothing is lost, not applied).
 */
export function useKeptDraft(
  key: string,
  base: string,
): {
  value: string;
  setValue: (v: string) => void;
  restoredAt: string | null;
  stale: Stored | null;
  discard: () => void;
} {
  const [initial] = useState(() => read(key));
  const restored = initial !== null && initial.base === base && initial.text !== base;
  const [value, setValueState] = useState(restored ? initial.text : base);
  const [stale] = useState(initial !== null && initial.base !== base ? initial : null);
  useEffect(() => {
    try {
      if (value === base) window.localStorage.removeItem(prefix + key);
      else
        window.localStorage.setItem(
          prefix + key,
          JSON.stringify({ text: value, base, at: new Date().toISOString() }),
        );
    } catch {
      // Storage may be full or disabled: the guard on leaving still protects the edit.
    }
  }, [key, base, value]);
  const discard = useCallback(() => {
    setValueState(base);
    try {
      window.localStorage.removeItem(prefix + key);
    } catch {
      // Nothing kept.
    }
  }, [key, base]);
  return {
    value,
    setValue: setValueState,
    restoredAt: restored ? initial.at : null,
    stale,
    discard,
  };
}

/** Forgets every kept edit (on signing out: they hold confidential wording). */
export function forgetKeptDrafts(): void {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const k = window.localStorage.key(i);
      if (k?.startsWith(prefix)) window.localStorage.removeItem(k);
    }
  } catch {
    // Storage disabled: nothing was kept.
  }
}
