/**
 * Setting up a round (title, dates, a venue for invitees only, rules, invitations) and changing
 * one. The dates are checked with the domain's own rule before sending; the API decides.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultConfidentialityRules, roundDateProblems } from '../../../core/rounds/model.js';
import { api } from '../../api/client.js';
import type { Round, UpdateRoundRequest } from '../../api/types.js';
import { Button, ErrorAlert, Notice, TextAreaField, TextField } from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { useProcess } from '../processes/ProcessContext.js';
import { MemberPicker } from './labels.js';

/** The new round's form; calls onCreated with the round the API made. */
export function CreateRoundForm({ onCreated }: { onCreated: (round: Round) => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [venue, setVenue] = useState('');
  const [rules, setRules] = useState(defaultConfidentialityRules);
  const [invitees, setInvitees] = useState<string[]>([view.me.userId]);
  const action = useAction();
  const datesWrong =
    startsOn !== '' && endsOn !== '' && roundDateProblems(startsOn, endsOn).length > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (datesWrong) return;
    void action.run(async () => {
      const round = await api.rounds.create(view.process.id, {
        title,
        startsOn,
        endsOn,
        venue,
        rules: rules.trim() === '' ? null : rules,
        invitees,
      });
      onCreated(round);
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('rounds.form.title')}
        hint={t('rounds.form.titleHint')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <DateFields
        startsOn={startsOn}
        endsOn={endsOn}
        onStartsOn={setStartsOn}
        onEndsOn={setEndsOn}
        wrong={datesWrong}
      />
      <TextField
        label={t('rounds.form.venue')}
        hint={t('rounds.form.venueHint')}
        value={venue}
        maxLength={500}
        onChange={(e) => setVenue(e.target.value)}
      />
      <TextAreaField
        label={t('rounds.form.rules')}
        hint={t('rounds.form.rulesHint')}
        optional
        rows={4}
        maxLength={10_000}
        value={rules}
        onChange={(e) => setRules(e.target.value)}
      />
      <MemberPicker legend={t('rounds.form.invitees')} selected={invitees} onChange={setInvitees} />
      <p className="hint">{t('rounds.form.inviteesHint')}</p>
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.creating')}
          disabled={datesWrong}
        >
          {t('rounds.form.create')}
        </Button>
      </div>
    </form>
  );
}

/** Changing a round's title, dates, venue or rules, from the revision it was opened at. */
export function EditRoundForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [base] = useState(round);
  const [title, setTitle] = useState(round.title);
  const [startsOn, setStartsOn] = useState(round.startsOn);
  const [endsOn, setEndsOn] = useState(round.endsOn);
  const [venue, setVenue] = useState(round.venue.withheld ? '' : round.venue.name);
  const [rules, setRules] = useState(round.rules);
  const action = useAction();
  const datesWrong = roundDateProblems(startsOn, endsOn).length > 0;
  const changes: Omit<UpdateRoundRequest, 'baseRevision'> = {
    ...(title !== base.title ? { title } : {}),
    ...(startsOn !== base.startsOn ? { startsOn } : {}),
    ...(endsOn !== base.endsOn ? { endsOn } : {}),
    ...(venue !== '' && (base.venue.withheld || venue !== base.venue.name) ? { venue } : {}),
    ...(rules !== base.rules ? { rules } : {}),
  };
  const nothing = Object.keys(changes).length === 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (datesWrong || nothing) return;
    void action.run(async () => {
      await api.rounds.update(view.process.id, round.id, {
        baseRevision: base.revision,
        ...changes,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('rounds.form.title')}
        value={title}
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
      />
      <DateFields
        startsOn={startsOn}
        endsOn={endsOn}
        onStartsOn={setStartsOn}
        onEndsOn={setEndsOn}
        wrong={datesWrong}
      />
      <TextField
        label={t('rounds.form.venue')}
        hint={t('rounds.form.venueHint')}
        optional={base.venue.withheld}
        value={venue}
        maxLength={500}
        onChange={(e) => setVenue(e.target.value)}
      />
      <TextAreaField
        label={t('rounds.form.rules')}
        rows={4}
        maxLength={10_000}
        value={rules}
        onChange={(e) => setRules(e.target.value)}
      />
      {rules !== base.rules && (
        <Notice tone="warning">{t('rounds.form.rulesChangeWarning')}</Notice>
      )}
      <div className="form-actions">
        <Button
          type="submit"
          pending={action.pending}
          pendingLabel={t('common.saving')}
          disabled={datesWrong || nothing}
        >
          {t('rounds.form.save')}
        </Button>
        {nothing && <span className="hint">{t('rounds.form.nothingChanged')}</span>}
      </div>
    </form>
  );
}

function DateFields({
  startsOn,
  endsOn,
  onStartsOn,
  onEndsOn,
  wrong,
}: {
  startsOn: string;
  endsOn: string;
  onStartsOn: (v: string) => void;
  onEndsOn: (v: string) => void;
  wrong: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <TextField
          label={t('rounds.form.startsOn')}
          type="date"
          wrapperClassName="field-narrow"
          value={startsOn}
          onChange={(e) => {
            onStartsOn(e.target.value);
            if (endsOn === '') onEndsOn(e.target.value);
          }}
        />
        <TextField
          label={t('rounds.form.endsOn')}
          type="date"
          wrapperClassName="field-narrow"
          min={startsOn || undefined}
          value={endsOn}
          onChange={(e) => onEndsOn(e.target.value)}
        />
      </div>
      {wrong && (
        <p className="field-error" role="alert">
          {t('rounds.form.datesInvalid')}
        </p>
      )}
    </>
  );
}
