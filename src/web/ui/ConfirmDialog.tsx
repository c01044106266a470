/**
 * The confirmation of an outward action: a modal dialog (the native `<dialog>` opened with
 * `showModal()`, so the rest of the page is inert and focus stays inside), labelled by its title
 * and described by its body, that Escape or "Cancel" closes without acting. Focus starts on
 * "Cancel", so a stray Enter does not send anything.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './components.js';

/** What a confirmation asks. */
export interface Confirmation {
  /** The question, e.g. "Publish version 4?". */
  title: string;
  /** Who will receive what, and whether it can be undone. */
  body: ReactNode;
  /** The button that acts, e.g. "Publish to the parties". */
  confirmLabel: string;
  /** Runs once the person confirmed. */
  onConfirm: () => void;
  /** The acting button is styled as dangerous (irreversible). */
  danger?: boolean;
}

/** A modal confirmation dialog; `open` decides whether it is shown. */
export function ConfirmDialog({
  confirmation,
  onClose,
}: {
  confirmation: Confirmation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (confirmation && !d.open) {
      d.showModal();
      d.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    }
    if (!confirmation && d.open) d.close();
  }, [confirmation]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        // Escape: close through React state so that the dialog and the state agree.
        e.preventDefault();
        onClose();
      }}
    >
      {confirmation && (
        <>
          <h2 id={titleId}>{confirmation.title}</h2>
          <div id={bodyId} className="confirm-body">
            {confirmation.body}
          </div>
          <div className="form-actions">
            <Button
              variant={confirmation.danger ? 'danger' : 'primary'}
              onClick={() => {
                onClose();
                confirmation.onConfirm();
              }}
            >
              {confirmation.confirmLabel}
            </Button>
            <Button variant="secondary" data-cancel onClick={onClose}>
              {t('outward.cancel')}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** A confirmation to ask from an event handler: `ask(…)`, and render `dialog` once in the page. */
export function useConfirmation(): { ask: (c: Confirmation) => void; dialog: ReactNode } {
  const [current, setCurrent] = useState<Confirmation | null>(null);
  const close = useCallback(() => setCurrent(null), []);
  return {
    ask: setCurrent,
    dialog: <ConfirmDialog confirmation={current} onClose={close} />,
  };
}
