/**
 * A party says no to a circulated text — a communiqué, a press line or the plenary minutes: its
 * head of delegation rejects the wording or asks for a change, with a comment the mediators read
 * (and the other party does not).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Communique } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { Button, Disclosure, ErrorAlert, TextAreaField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';

type Kind = 'rejected' | 'change_requested';

/** What the form sends: the answer and the comment (the caller adds the hash of the text read). */
export type ObjectionAnswer = { kind: Kind; comment: string };

/** One side's objection in the approval list: what it asked, and its comment when shown. */
export function ObjectionLine({
  objection,
}: {
  objection: Pick<Communique['objections'][number], 'kind' | 'comment' | 'at'>;
}) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <span className="objection">
      <strong>
        {objection.kind === 'rejected'
          ? t('objection.rejectedOn', { date: formats.dateTime(objection.at) })
          : t('objection.changeOn', { date: formats.dateTime(objection.at) })}
      </strong>
      {objection.comment !== null && <q className="objection-comment">{objection.comment}</q>}
    </span>
  );
}

/**
 * The form behind "Reject or ask for a change…". `name` keeps the radio group of each text apart;
 * `send` records the answer; `rejectLabel` names what is rejected when not a wording.
 */
export function ObjectionForm({
  name,
  send,
  rejectLabel,
  onDone,
}: {
  name: string;
  send: (answer: ObjectionAnswer) => Promise<unknown>;
  rejectLabel?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Disclosure label={t('objection.open')} variant="secondary">
      {(close) => (
        <Form
          name={name}
          send={send}
          rejectLabel={rejectLabel}
          onDone={() => {
            close();
            onDone();
          }}
        />
      )}
    </Disclosure>
  );
}

function Form({
  name,
  send,
  rejectLabel,
  onDone,
}: {
  name: string;
  send: (answer: ObjectionAnswer) => Promise<unknown>;
  rejectLabel: string | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('change_requested');
  const [comment, setComment] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await send({ kind, comment });
      onDone();
    });
  };
  return (
    <form className="form form-inset objection-form" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <fieldset className="field">
        <legend>{t('objection.kind')}</legend>
        {(['change_requested', 'rejected'] as const).map((k) => (
          <label key={k} className="radio-line">
            <input
              type="radio"
              name={`objection-${name}`}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{' '}
            {k === 'rejected' ? (rejectLabel ?? t('objection.reject')) : t('objection.askChange')}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t('objection.comment')}
        hint={t('objection.commentHint')}
        rows={3}
        maxLength={4000}
        required
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {kind === 'rejected' ? t('objection.sendReject') : t('objection.sendChange')}
        </Button>
      </div>
    </form>
  );
}
