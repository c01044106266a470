/** The app's building blocks: loading and error states, buttons, labelled fields, panels. */
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { useDynamicT } from '../i18n/index.js';
import { hasNavigatedInApp } from '../router.js';

/** A spinning ring; decorative (the text next to it says what is happening). */
export function Spinner({ small = false }: { small?: boolean }) {
  return <span className={small ? 'spinner spinner-small' : 'spinner'} aria-hidden="true" />;
}

/** "Loading…" with a spinner, announced politely to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

/**
 * The message to show for an error. The API answers a stable code and an English message meant
 * for operators: an English interface shows that message (it names the detail), the others what
 * the code means in their language, never the English — a code the catalogue does not know yet
 * reads as a generic failure naming the code.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const dynamic = useDynamicT();
  return (error) => {
    if (isApiError(error)) {
      if (error.code === 'NETWORK') return t('error.network');
      if (i18n.language.startsWith('en')) return error.message;
      return dynamic(`error.codes.${error.code}`, t('error.unknown', { code: error.code }));
    }
    if (error instanceof Error) return error.message;
    return String(error);
  };
}

/** An error box; renders nothing without an error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title ?? t('error.title')}</p>
      <p>{message(error)}</p>
    </div>
  );
}

/** A status message (success or information). */
export function Notice({
  children,
  tone = 'success',
}: {
  children: ReactNode;
  tone?: 'success' | 'info' | 'warning';
}) {
  return (
    <div className={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** While true the button is disabled and shows a spinner (and pendingLabel, if given). */
  pending?: boolean;
  pendingLabel?: string;
};

/** A button with a pending state. Defaults to type="button" unless told otherwise. */
export function Button({
  variant = 'primary',
  pending = false,
  pendingLabel,
  children,
  className,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={`button button-${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending && <Spinner small />}
      <span>{pending && pendingLabel ? pendingLabel : children}</span>
    </button>
  );
}

interface FieldBase {
  /** The visible label. */
  label: string;
  /** Help shown under the label and linked to the control. */
  hint?: ReactNode;
  /** Marks the field "(optional)". */
  optional?: boolean;
  /** Extra class on the field wrapper. */
  wrapperClassName?: string;
}

function FieldFrame({
  id,
  hintId,
  label,
  hint,
  optional,
  wrapperClassName,
  children,
}: FieldBase & { id: string; hintId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field${wrapperClassName ? ` ${wrapperClassName}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> ({t('common.optional')})</span>}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}

/** A labelled text input. */
export function TextField({
  label,
  hint,
  optional,
  wrapperClassName,
  className,
  ...input
}: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <FieldFrame {...{ id, hintId, label, hint, optional, wrapperClassName }}>
      <input
        id={id}
        className={`input${className ? ` ${className}` : ''}`}
        aria-describedby={hint ? hintId : undefined}
        required={!optional}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line input. */
export function TextAreaField({
  label,
  hint,
  optional,
  wrapperClassName,
  className,
  ...input
}: FieldBase & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <FieldFrame {...{ id, hintId, label, hint, optional, wrapperClassName }}>
      <textarea
        id={id}
        className={`input textarea${className ? ` ${className}` : ''}`}
        aria-describedby={hint ? hintId : undefined}
        required={!optional}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  hint,
  optional,
  wrapperClassName,
  className,
  children,
  ...input
}: FieldBase & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <FieldFrame {...{ id, hintId, label, hint, optional, wrapperClassName }}>
      <select
        id={id}
        className={`input select${className ? ` ${className}` : ''}`}
        aria-describedby={hint ? hintId : undefined}
        required={!optional}
        {...input}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  label,
  hint,
  ...input
}: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A read-only value with a copy button (for secrets shown once, and invitation links). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard (e.g. plain HTTP): select the text so Ctrl+C works.
      input.current?.select();
      setState('failed');
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          ref={input}
          id={id}
          className="input mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
      </div>
      <p className="hint" aria-live="polite">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </div>
  );
}

/** A titled panel (a <section> labelled by its heading). */
export function Section({
  title,
  actions,
  children,
  className,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section className={`panel${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <div className="panel-header">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/**
 * The page's <h1>. Sets the document title, and after an in-app navigation takes focus so that
 * screen-reader and keyboard users start at the new page's heading.
 */
export function PageTitle({
  children,
  documentTitle,
}: {
  children: ReactNode;
  documentTitle: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle} · Parley`;
  }, [documentTitle]);
  useEffect(() => {
    if (hasNavigatedInApp()) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

/** Text for screen readers only. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

/** A button that reveals a block (a form, usually) below it. */
export function Disclosure({
  label,
  children,
  initiallyOpen = false,
  variant = 'secondary',
}: {
  label: string;
  children: (close: () => void) => ReactNode;
  initiallyOpen?: boolean;
  variant?: 'primary' | 'secondary' | 'quiet';
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <div className="disclosure">
      <Button
        variant={variant}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="disclosure-marker" aria-hidden="true">
          {open ? '−' : '+'}
        </span>{' '}
        {label}
      </Button>
      <div id={id} hidden={!open} className="disclosure-body">
        {open && children(() => setOpen(false))}
      </div>
    </div>
  );
}

/** The marker the demo puts in invented text. */
const inventedMark = '[Illustrative demo — invented]';

/** Text that may carry the demo's "invented" marker: the marker becomes a visible badge. */
export function DemoAwareText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text.includes(inventedMark)) return <>{text}</>;
  const parts = text.split(inventedMark);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part.trimEnd()}
          {i < parts.length - 1 && (
            <>
              {' '}
              <span className="badge badge-demo">{t('demo.marker')}</span>
            </>
          )}
        </span>
      ))}
    </>
  );
}
