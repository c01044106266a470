/**
 * The mediators' editor for one provision: its wording in the bracket syntax (with the syntax at
 * hand), its status, and buttons that settle a bracket or choose an alternative. Every change is
 * one edit of the working draft from its current revision.
 */
import { useState, type FormEvent } from 'react';
import { useConfirmation } from '../../ui/ConfirmDialog.js';
import { useKeptDraft, useUnsavedGuard } from '../../ui/unsaved.js';
import { useFormats } from '../../i18n/index.js';
import { useProcess } from '../processes/ProcessContext.js';
import { useTranslation } from 'react-i18next';
import { printBody } from '../../../core/text/plain-text.js';
import { checkTransition } from '../../../core/text/rules.js';
import type {
  Provision as CoreProvision,
  Segment as CoreSegment,
} from '../../../core/text/model.js';
import type { PartyDirectory } from '../../../core/text/plain-text.js';
import type { ProvisionStatus, TextProvision } from '../../api/types.js';
import { Button, ErrorAlert, Notice, SelectField, TextAreaField } from '../../ui/components.js';
import { useParties } from './holders.js';
import type { DraftEditing } from './TextPage.js';

const statuses = ['open', 'agreed_ad_referendum', 'agreed'] as const;

/** The wire's provision as the domain's (ids are plain strings on the wire). */
const asCore = (p: TextProvision) => p as unknown as CoreProvision;

/** The editor under a provision. */
export function ProvisionEditor({
  provision,
  number,
  directory,
  editor,
  onClose,
}: {
  provision: TextProvision;
  number: string;
  directory: Array<{ id: string; code: string }>;
  editor: DraftEditing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { holder } = useParties();
  const parties = directory as unknown as PartyDirectory;
  const original = printBody(provision.body as unknown as CoreSegment[], parties);
  const { view } = useProcess();
  const kept = useKeptDraft(`${view.process.id}.${provision.key}`, original);
  const body = kept.value;
  const setBody = kept.setValue;
  const dirty = body !== original;
  useUnsavedGuard(dirty, t('unsaved.leave'));
  const confirmation = useConfirmation();
  const close = () => {
    if (!dirty) return onClose();
    confirmation.ask({
      title: t('unsaved.closeTitle', { number }),
      body: <p>{t('unsaved.closeBody')}</p>,
      confirmLabel: t('unsaved.discard'),
      danger: true,
      onConfirm: () => {
        kept.discard();
        onClose();
      },
    });
  };
  // Only the moves the rules allow at all; those blocked by open brackets are shown, disabled.
  const choices = statuses
    .map((s) => ({ status: s, check: checkTransition(asCore(provision), s) }))
    .filter((c) => c.check.ok || c.check.code === 'RULE_VIOLATION');
  const firstAllowed = choices.find((c) => c.check.ok)?.status;
  const [status, setStatus] = useState<ProvisionStatus | ''>(firstAllowed ?? '');
  const save = (e: FormEvent) => {
    e.preventDefault();
    void editor.apply({ kind: 'replace_body', provision: provision.key, body });
  };
  const codes = directory.map((d) => d.code);
  const example = {
    a: codes[0] ?? 'GOV',
    b: codes[1] ?? codes[0] ?? 'OPP',
  };
  return (
    <div className="provision-editor" role="group" aria-label={t('text.editorFor', { number })}>
      {confirmation.dialog}
      {kept.restoredAt && (
        <Notice tone="info">
          {t('unsaved.restored', { date: formats.dateTime(kept.restoredAt) })}
        </Notice>
      )}
      {kept.stale && (
        <Notice tone="warning">
          {t('unsaved.stale')}
          <pre className="kept-text">{kept.stale.text}</pre>
        </Notice>
      )}
      <form className="form" onSubmit={save}>
        <TextAreaField
          label={t('text.wordingLabel', { number })}
          hint={t('text.wordingHint')}
          className="mono textarea-code"
          rows={Math.min(10, Math.max(3, Math.ceil(body.length / 70)))}
          value={body}
          spellCheck={false}
          onChange={(e) => setBody(e.target.value)}
        />
        <details className="syntax-help">
          <summary>{t('text.syntaxTitle')}</summary>
          <dl>
            <div>
              <dt>
                <code>
                  [{t('text.syntaxWords')}]{`{${example.a}}`}
                </code>
              </dt>
              <dd>{t('text.syntaxBracket', { party: example.a })}</dd>
            </div>
            <div>
              <dt>
                <code>
                  [{t('text.syntaxWords')}]{`{${example.a}: ${t('text.syntaxNoteExample')}}`}
                </code>
              </dt>
              <dd>{t('text.syntaxNote')}</dd>
            </div>
            <div>
              <dt>
                <code>
                  [Alt 1: …]{`{${example.a}}`} / [Alt 2: …]{`{${example.b}}`}
                </code>
              </dt>
              <dd>{t('text.syntaxAlternatives')}</dd>
            </div>
            <div>
              <dt>
                <code>[…]{'{Mediators}'}</code> · <code>[…]</code>
              </dt>
              <dd>{t('text.syntaxMediators')}</dd>
            </div>
            <div>
              <dt>
                <code>
                  \[ \] \{'{'} \{'}'}
                </code>
              </dt>
              <dd>{t('text.syntaxEscape')}</dd>
            </div>
          </dl>
          <p className="small">{t('text.syntaxCodes', { codes: codes.join(', ') })}</p>
        </details>
        <div className="form-actions">
          <Button
            type="submit"
            pending={editor.pending}
            pendingLabel={t('common.saving')}
            disabled={body === original}
          >
            {t('text.saveWording')}
          </Button>
          <Button variant="quiet" onClick={close}>
            {t('text.closeEditor')}
          </Button>
        </div>
      </form>

      {provision.body.some((s) => s.kind !== 'plain') && (
        <div className="settle">
          <h4 className="editor-heading">{t('text.settleTitle')}</h4>
          <ul className="settle-list">
            {provision.body.map((s, i) => {
              if (s.kind === 'bracket') {
                const look = holder(s.holder);
                return (
                  <li key={i}>
                    <span className={`seg-bracket ${look.className}`}>
                      [{s.text}]<span className="holder-tag">{look.tag}</span>
                    </span>
                    <span className="settle-actions">
                      <Button
                        variant="secondary"
                        className="button-small"
                        disabled={editor.pending}
                        onClick={() =>
                          void editor.apply({
                            kind: 'resolve_bracket',
                            provision: provision.key,
                            segment: i,
                            resolution: 'accept',
                          })
                        }
                      >
                        {t('text.keepWording')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="button-small"
                        disabled={editor.pending}
                        onClick={() =>
                          void editor.apply({
                            kind: 'resolve_bracket',
                            provision: provision.key,
                            segment: i,
                            resolution: 'delete',
                          })
                        }
                      >
                        {t('text.dropWording')}
                      </Button>
                    </span>
                  </li>
                );
              }
              if (s.kind === 'alternatives')
                return (
                  <li key={i} className="settle-alternatives">
                    {s.options.map((o, j) => {
                      const look = holder(o.holder);
                      return (
                        <span key={j} className="settle-option">
                          <span className={`seg-alt ${look.className}`}>
                            <span className="alt-label">{t('text.altLabel', { n: j + 1 })}</span>{' '}
                            {o.text || t('text.emptyAlternative')}
                            <span className="holder-tag">{look.tag}</span>
                          </span>
                          <Button
                            variant="secondary"
                            className="button-small"
                            disabled={editor.pending}
                            onClick={() =>
                              void editor.apply({
                                kind: 'choose_alternative',
                                provision: provision.key,
                                segment: i,
                                option: j,
                              })
                            }
                          >
                            {t('text.chooseAlt', { n: j + 1 })}
                          </Button>
                        </span>
                      );
                    })}
                  </li>
                );
              return null;
            })}
          </ul>
        </div>
      )}

      {choices.length > 0 && !choices.some((c) => c.check.ok) && (
        <p className="status-form hint">
          <span className="strong">{t('text.statusLabel', { number })}:</span>{' '}
          {t('text.statusBlocked')}
        </p>
      )}
      {choices.some((c) => c.check.ok) && (
        <form
          className="form form-row form-row-end status-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (status) void editor.apply({ kind: 'set_status', provision: provision.key, status });
          }}
        >
          <SelectField
            label={t('text.statusLabel', { number })}
            value={status}
            onChange={(e) => setStatus(e.target.value as ProvisionStatus)}
            hint={t('text.statusHint')}
          >
            {choices.map((c) => (
              <option key={c.status} value={c.status} disabled={!c.check.ok}>
                {t(`text.statusAction.${c.status}`)}
                {!c.check.ok ? ` — ${t('text.bracketsOpen')}` : ''}
              </option>
            ))}
          </SelectField>
          <div className="form-actions">
            <Button type="submit" variant="secondary" disabled={!status || editor.pending}>
              {t('text.setStatus')}
            </Button>
          </div>
        </form>
      )}
      <RemoveProvision provision={provision} number={number} editor={editor} />
      <ErrorAlert error={editor.error} />
    </div>
  );
}

/** Removing a provision, after a confirmation (its later siblings are renumbered). */
function RemoveProvision({
  provision,
  number,
  editor,
}: {
  provision: TextProvision;
  number: string;
  editor: DraftEditing;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <div className="form-actions remove-provision">
        <Button variant="quiet" className="button-small" onClick={() => setConfirming(true)}>
          {t('text.removeProvision', { number })}
        </Button>
      </div>
    );
  return (
    <div className="confirm-box remove-provision">
      <p>{t('text.removeConfirm', { number })}</p>
      <div className="form-actions">
        <Button
          variant="danger"
          pending={editor.pending}
          onClick={() => void editor.apply({ kind: 'remove_provision', provision: provision.key })}
        >
          {t('text.removeNow', { number })}
        </Button>
        <Button variant="quiet" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
