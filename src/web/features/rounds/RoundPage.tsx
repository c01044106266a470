/**
 * One round. Before first access each member acknowledges its confidentiality rules (the API
 * answers ACKNOWLEDGEMENT_REQUIRED until then); after that: its status and, for the organisers,
 * moving it on, its details and invitation list; consultations with principals and each party's
 * answer; its sessions with agenda, attendance and minutes.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canOrganiseRounds } from '../../../core/access/policy.js';
import { api, isApiError } from '../../api/client.js';
import type { Round, RoundDetail } from '../../api/types.js';
import { Link, useLocation } from '../../router.js';
import {
  Button,
  DemoAwareText,
  Disclosure,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { membershipOf } from '../processes/membership.js';
import { useProcess } from '../processes/ProcessContext.js';
import { ConsultationsPanel } from './ConsultationsPanel.js';
import { MemberPicker, RoundStatusBadge, useRoundDates, VenueText } from './labels.js';
import { OrganisePanel } from './OrganisePanel.js';
import { CalendarLink } from './RoundsPage.js';
import { SessionsPanel } from './SessionsPanel.js';

/** The round screen. */
export function RoundPage({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const { search } = useLocation();
  const id = view.process.id;
  const list = useQuery(() => api.rounds.list(id), [id, liveTick]);
  const round = list.data?.rounds.find((r) => r.id === roundId);
  const open = round?.acknowledged === true;
  const detail = useQuery<RoundDetail | null>(
    () => (open ? api.rounds.get(id, roundId) : Promise.resolve(null)),
    [id, roundId, open, round?.rulesHash, round?.revision, liveTick],
  );
  const reload = () => {
    list.reload();
    detail.reload();
  };
  if (list.loading && !list.data) return <Loading />;
  if (!round)
    return (
      <div className="page page-narrow">
        <PageTitle documentTitle={t('rounds.notFound')}>{t('rounds.notFound')}</PageTitle>
        <ErrorAlert error={list.error} />
        <p>{t('rounds.notFoundHelp')}</p>
        <p>
          <Link to={`/processes/${id}/rounds`}>{t('rounds.backToRounds')}</Link>
        </p>
      </div>
    );
  const gated = !open || isApiError(detail.error, 'ACKNOWLEDGEMENT_REQUIRED');
  return (
    <div className="page">
      <RoundHeader round={round} />
      {gated && search.get('created') === '1' && <Notice>{t('rounds.created')}</Notice>}
      {gated ? (
        <AcknowledgementGate round={round} onDone={reload} />
      ) : (
        <>
          <ErrorAlert error={detail.error} />
          {detail.loading && !detail.data ? (
            <Loading />
          ) : detail.data ? (
            <RoundView round={detail.data} reload={reload} />
          ) : null}
        </>
      )}
    </div>
  );
}

function RoundHeader({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const dates = useRoundDates();
  const title = t('rounds.roundTitle', { number: round.number });
  return (
    <header className="page-header">
      <p className="breadcrumbs">
        <Link to={`/processes/${view.process.id}/rounds`}>{t('rounds.title')}</Link> › {title}
      </p>
      <p className="eyebrow">
        {view.process.codename} · {title}
      </p>
      <PageTitle documentTitle={`${title} · ${view.process.codename}`}>
        <DemoAwareText text={round.title} />
      </PageTitle>
      <dl className="meta-row">
        <div>
          <dt>{t('rounds.col.status')}</dt>
          <dd>
            <RoundStatusBadge status={round.status} />
          </dd>
        </div>
        <div>
          <dt>{t('rounds.col.dates')}</dt>
          <dd>{dates(round)}</dd>
        </div>
        <div>
          <dt>{t('rounds.col.venue')}</dt>
          <dd>
            <VenueText venue={round.venue} />
          </dd>
        </div>
        <div>
          <dt>{t('rounds.yourInvitation')}</dt>
          <dd>{round.invited ? t('rounds.invited') : t('rounds.notInvited')}</dd>
        </div>
      </dl>
    </header>
  );
}

/** The rules, and "I acknowledge" (bound to the rules' hash, so changed rules ask again). */
function AcknowledgementGate({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const action = useAction();
  const acknowledge = () =>
    void action.run(async () => {
      await api.rounds.acknowledge(view.process.id, round.id, round.rulesHash);
      onDone();
    });
  return (
    <Section title={t('rounds.gate.title', { number: round.number })} className="gate-panel">
      <p className="section-intro">{t('rounds.gate.intro', { number: round.number })}</p>
      <RulesList rules={round.rules} />
      {!round.invited && <Notice tone="info">{t('rounds.gate.notInvited')}</Notice>}
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <Button onClick={acknowledge} pending={action.pending} pendingLabel={t('common.saving')}>
          {t('rounds.gate.acknowledge')}
        </Button>
        <span className="hint">{t('rounds.gate.recorded')}</span>
      </div>
    </Section>
  );
}

function RulesList({ rules }: { rules: string }) {
  const lines = rules
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <ol className="rules-list">
      {lines.map((l, i) => (
        <li key={i}>
          <DemoAwareText text={l} />
        </li>
      ))}
    </ol>
  );
}

function RoundView({ round, reload }: { round: RoundDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const organiser = canOrganiseRounds(membershipOf(view));
  return (
    <>
      {organiser && <OrganisePanel round={round} reload={reload} />}
      <div className="grid-2">
        <InviteesPanel round={round} organiser={organiser} reload={reload} />
        <Section title={t('rounds.rulesTitle')}>
          <p className="section-intro">{t('rounds.rulesAcknowledged')}</p>
          <RulesList rules={round.rules} />
          <CalendarLink />
        </Section>
      </div>
      {(round.consultations.length > 0 || round.status === 'in_consultations') && (
        <ConsultationsPanel round={round} reload={reload} />
      )}
      <SessionsPanel round={round} reload={reload} />
    </>
  );
}

/** Who is invited (as far as I may know), and changing the list (organisers). */
function InviteesPanel({
  round,
  organiser,
  reload,
}: {
  round: RoundDetail;
  organiser: boolean;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <Section title={t('rounds.invitees.title')}>
      <p className="section-intro">
        {organiser ? t('rounds.invitees.introOrganiser') : t('rounds.invitees.introMember')}
      </p>
      {saved && <Notice>{t('rounds.invitees.saved')}</Notice>}
      {round.invitees.length === 0 ? (
        <p className="empty">{t('rounds.invitees.none')}</p>
      ) : (
        <ul className="name-chips">
          {round.invitees.map((i) => (
            <li key={i.userId}>{i.displayName}</li>
          ))}
        </ul>
      )}
      {organiser && round.status !== 'closed' && (
        <Disclosure label={t('rounds.invitees.change')} variant="quiet">
          {(close) => (
            <InviteesForm
              round={round}
              onDone={() => {
                close();
                setSaved(true);
                reload();
              }}
            />
          )}
        </Disclosure>
      )}
    </Section>
  );
}

function InviteesForm({ round, onDone }: { round: Round; onDone: () => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [base] = useState(round.revision);
  const [selected, setSelected] = useState(round.invitees.map((i) => i.userId));
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await api.rounds.setInvitees(view.process.id, round.id, {
        baseRevision: base,
        invitees: selected,
      });
      onDone();
    });
  };
  return (
    <form className="form form-inset form-wide" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <MemberPicker legend={t('rounds.form.invitees')} selected={selected} onChange={setSelected} />
      <p className="hint">{t('rounds.form.inviteesHint')}</p>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.saving')}>
          {t('rounds.invitees.save')}
        </Button>
      </div>
    </form>
  );
}
