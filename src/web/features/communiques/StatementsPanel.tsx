/**
 * The parties' public statements, logged in the plenary beside the released line they are
 * compared with; a party's delegation (or the mediators) logs them, the mediators raise how one
 * departs from the agreed line.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canLogStatement, canRaiseDivergence } from '../../../core/access/policy.js';
import { asId } from '../../../core/shared/ids.js';
import { api } from '../../api/client.js';
import type { Communique, Round, Statement } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Notice,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components.js';
import { useAction } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { PartyChip } from '../text/holders.js';
import { useCommuniqueName } from './labels.js';

/** Public statements beside the agreed line. */
export function StatementsPanel({
  statements,
  communiques,
  rounds,
  reload,
}: {
  statements: Statement[];
  communiques: Communique[];
  rounds: Round[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const me = membershipOf(view);
  const [logged, setLogged] = useState(false);
  const loggable = view.parties.filter((p) => canLogStatement(me, asId(p.id)));
  const sorted = [...statements].sort((a, b) => b.statedOn.localeCompare(a.statedOn));
  return (
    <Section title={t('communiques.statements.title')}>
      <p className="section-intro">{t('communiques.statements.intro')}</p>
      {logged && <Notice>{t('communiques.statements.logged')}</Notice>}
      {loggable.length > 0 && (
        <Disclosure label={t('communiques.statements.log')}>
          {(close) => (
            <LogStatementForm
              parties={loggable.map((p) => p.id)}
              communiques={communiques}
              rounds={rounds}
              onDone={() => {
                close();
                setLogged(true);
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
      {sorted.length === 0 ? (
        <p className="empty">{t('communiques.statements.none')}</p>
      ) : (
        <ul className="statement-list">
          {sorted.map((s) => (
            <StatementCard key={s.id} statement={s} communiques={communiques} reload={reload} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function StatementCard({
  statement: s,
  communiques,
  reload,
}: {
  statement: Statement;
  communiques: Communique[];
  reload: () => void;
}) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const formats = useFormats();
  const name = useCommuniqueName();
  const line = communiques.find((c) => c.id === s.agreedLineId);
  return (
    <li className={`statement-card${s.divergence ? ' has-divergence' : ''}`}>
      <div className="item-card-head">
        <span className="chip-row">
          <PartyChip partyId={s.partyId} />
          <span className="strong">
            <DemoAwareText text={s.source} />
          </span>
        </span>
        <span className="muted small">{formats.day(s.statedOn)}</span>
      </div>
      <blockquote className="statement-text">
        <DemoAwareText text={s.text} />
      </blockquote>
      {line && (
        <p className="small">
          {t('communiques.statements.comparedWith')}{' '}
          <a href={`#communique-${line.id}`}>
            {name(line)}: <DemoAwareText text={line.title} />
          </a>
        </p>
      )}
      {s.divergence ? (
        <div className="divergence" role="note">
          <p className="strong">{t('communiques.statements.divergence')}</p>
          <p>
            <DemoAwareText text={s.divergence} />
          </p>
        </div>
      ) : (
        canRaiseDivergence(membershipOf(view)) && (
          <Disclosure label={t('communiques.statements.raise')} variant="quiet">
            {(close) => (
              <DivergenceForm
                statement={s}
                onDone={() => {
                  close();
                  reload();
                }}
              />
            )}
          </Disclosure>
        )
      )}
    </li>
  );
}

function DivergenceForm({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.communiques.raiseDivergence(view.process.id, statement.id, note);
      onDone();
    });
  };
  return (
    <form className="form form-inset" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <TextAreaField
        label={t('communiques.statements.divergenceNote')}
        hint={t('communiques.statements.divergenceHint')}
        rows={3}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('communiques.statements.raiseSubmit')}
        </Button>
      </div>
    </form>
  );
}

function LogStatementForm({
  parties,
  communiques,
  rounds,
  onDone,
}: {
  parties: string[];
  communiques: Communique[];
  rounds: Round[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const name = useCommuniqueName();
  const released = communiques.filter((c) => c.state === 'released');
  const [partyId, setPartyId] = useState(parties[0] ?? '');
  const [agreedLineId, setAgreedLineId] = useState(released[0]?.id ?? '');
  const [roundId, setRoundId] = useState('');
  const [source, setSource] = useState('');
  const [statedOn, setStatedOn] = useState(new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.communiques.logStatement(view.process.id, {
        partyId,
        agreedLineId: agreedLineId || null,
        roundId: roundId || null,
        source,
        statedOn,
        text,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <div className="form-row">
        <SelectField
          label={t('communiques.statements.party')}
          wrapperClassName="field-narrow"
          value={partyId}
          onChange={(e) => setPartyId(e.target.value)}
        >
          {parties.map((p) => (
            <option key={p} value={p}>
              {partyCode(p)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('communiques.statements.statedOn')}
          type="date"
          wrapperClassName="field-narrow"
          value={statedOn}
          onChange={(e) => setStatedOn(e.target.value)}
        />
      </div>
      <TextField
        label={t('communiques.statements.source')}
        hint={t('communiques.statements.sourceHint')}
        value={source}
        maxLength={500}
        onChange={(e) => setSource(e.target.value)}
      />
      <TextAreaField
        label={t('communiques.statements.text')}
        rows={3}
        maxLength={20_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-row">
        <SelectField
          label={t('communiques.statements.agreedLine')}
          optional
          wrapperClassName="field-grow"
          value={agreedLineId}
          onChange={(e) => setAgreedLineId(e.target.value)}
        >
          <option value="">{t('communiques.statements.noLine')}</option>
          {released.map((c) => (
            <option key={c.id} value={c.id}>
              {name(c)}: {c.title}
            </option>
          ))}
        </SelectField>
        {rounds.length > 0 && (
          <SelectField
            label={t('communiques.round')}
            optional
            wrapperClassName="field-grow"
            value={roundId}
            onChange={(e) => setRoundId(e.target.value)}
          >
            <option value="">{t('communiques.noRound')}</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {t('rounds.roundTitle', { number: r.number })} — {r.title}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('communiques.statements.logSubmit')}
        </Button>
      </div>
    </form>
  );
}
