/**
 * The people of a process (members with their roles), the seats awaiting consent that I may know
 * of (confirmed or declined here by the party's head, a delegation admin or the lead mediator),
 * and, for those who may invite, invitations.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDelegationRole } from '../../../core/process/model.js';
import { api } from '../../api/client.js';
import {
  roles,
  type AccessChange,
  type CreatedInvitation,
  type Invitation,
  type Member,
  type PendingSeat,
  type Role,
} from '../../api/types.js';
import { CompartmentBadge } from '../compartments/labels.js';
import { useFormats } from '../../i18n/index.js';
import {
  Button,
  CopyField,
  ErrorAlert,
  Loading,
  Notice,
  PageTitle,
  Section,
  SelectField,
  TextField,
} from '../../ui/components.js';
import { useAction, useQuery } from '../../ui/hooks.js';
import { useRoleName } from '../processes/labels.js';
import { useProcess } from '../processes/ProcessContext.js';

/** Members and invitations. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { view } = useProcess();
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{view.process.codename}</p>
        <PageTitle documentTitle={`${t('people.title')} · ${view.process.codename}`}>
          {t('people.title')}
        </PageTitle>
      </header>
      <PendingSeatsSection />
      <MembersSection />
      <AccessChangesSection />
      {view.can.invite && <InvitationsSection />}
    </div>
  );
}

/** Orders roles as the process is organised: facilitator, mediators, parties, accompanying. */
const roleOrder = (r: Role) => roles.indexOf(r);

/**
 * Seats awaiting consent: nobody enters a party's rooms or the mediators' room until those who
 * hold it confirm (core/access/consent.ts). Each names whoever asked for it; it refreshes live,
 * since the seat's events reach the room's readers.
 */
function PendingSeatsSection() {
  const { t } = useTranslation();
  const { view, liveTick, reload } = useProcess();
  const id = view.process.id;
  const list = useQuery(() => api.seats.list(id), [id, liveTick]);
  const act = useAction();
  const [acting, setActing] = useState<string | null>(null);
  const seats = list.data?.seats ?? [];
  if (seats.length === 0 && !list.error) return null;
  const run = (seat: PendingSeat, verb: 'confirm' | 'decline') => {
    setActing(`${verb} ${seat.id}`);
    void act
      .run(() => api.seats[verb](id, seat.id))
      .then(() => {
        list.reload();
        reload();
      });
  };
  return (
    <Section title={t('people.pendingTitle', { count: seats.length })}>
      <p className="muted">{t('people.pendingIntro')}</p>
      <ErrorAlert error={list.error ?? act.error} />
      <div className="table-wrap">
        <table className="table table-cards">
          <caption className="visually-hidden">{t('people.pendingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('people.seat')}</th>
              <th scope="col">{t('people.askedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {seats.map((seat) => (
              <tr key={seat.id}>
                <th scope="row" data-label={t('people.name')}>
                  {seat.name}
                  {seat.userId === view.me.userId && (
                    <span className="badge badge-neutral">{t('people.you')}</span>
                  )}
                </th>
                <td data-label={t('people.seat')}>
                  <SeatText seat={seat} />
                </td>
                <td data-label={t('people.askedBy')}>{seat.initiatedByName}</td>
                <td className="cell-actions">
                  {seat.canConfirm && (
                    <Button
                      className="button-small"
                      pending={act.pending && acting === `confirm ${seat.id}`}
                      onClick={() => run(seat, 'confirm')}
                      aria-label={t('people.confirmFor', { name: seat.name })}
                    >
                      {t('people.confirm')}
                    </Button>
                  )}
                  {seat.canDecline && (
                    <Button
                      variant="danger"
                      className="button-small"
                      pending={act.pending && acting === `decline ${seat.id}`}
                      onClick={() => run(seat, 'decline')}
                      aria-label={t('people.declineFor', { name: seat.name })}
                    >
                      {t('people.decline')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function SeatText({ seat }: { seat: PendingSeat }) {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  const roleName = useRoleName();
  if (seat.compartmentId)
    return (
      <>
        {t('people.seatGrant')} <CompartmentBadge compartmentId={seat.compartmentId} />
      </>
    );
  return <>{seat.role ? roleName(seat.role, seat.partyId ? partyCode(seat.partyId) : null) : ''}</>;
}

/** The head of delegation makes a delegate or adviser of the party a delegation admin, or not. */
function DelegationAdminButton({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { view, reload } = useProcess();
  const act = useAction();
  const me = view.me;
  if (
    me.role !== 'head_of_delegation' ||
    !me.partyId ||
    member.partyId !== me.partyId ||
    member.userId === me.userId ||
    !isDelegationRole(member.role) ||
    member.role === 'head_of_delegation'
  )
    return null;
  return (
    <>
      <ErrorAlert error={act.error} />
      <Button
        variant="quiet"
        className="button-small"
        pending={act.pending}
        onClick={() =>
          void act
            .run(() =>
              api.seats.setDelegationAdmin(view.process.id, member.userId, !member.delegationAdmin),
            )
            .then(reload)
        }
      >
        {member.delegationAdmin
          ? t('people.revokeAdmin', { name: member.displayName })
          : t('people.makeAdmin', { name: member.displayName })}
      </Button>
    </>
  );
}

function MembersSection() {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const roleName = useRoleName();
  const members = [...view.members].sort(
    (a, b) =>
      roleOrder(a.role) - roleOrder(b.role) ||
      partyCode(a.partyId).localeCompare(partyCode(b.partyId)) ||
      a.displayName.localeCompare(b.displayName),
  );
  return (
    <Section title={t('people.membersTitle', { count: members.length })}>
      <div className="table-wrap">
        <table className="table table-cards">
          <caption className="visually-hidden">{t('people.membersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.party')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const party = view.parties.find((p) => p.id === m.partyId);
              return (
                <tr key={m.userId}>
                  <th scope="row" data-label={t('people.name')}>
                    {m.displayName}
                    {m.userId === view.me.userId && (
                      <span className="badge badge-neutral">{t('people.you')}</span>
                    )}
                  </th>
                  <td data-label={t('people.role')}>
                    {roleName(m.role)}
                    {m.delegationAdmin && (
                      <span className="badge badge-neutral">{t('people.delegationAdmin')}</span>
                    )}
                    <DelegationAdminButton member={m} />
                  </td>
                  <td data-label={t('people.party')}>
                    {party ? `${party.name} (${party.code})` : t('common.none')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/**
 * Who joined, changed role, left or was given a room — shown to the members of the rooms it
 * affects, each seeing only its own rooms (the server decides; see core/access/access-changes.ts).
 */
function AccessChangesSection() {
  const { t } = useTranslation();
  const { view, liveTick } = useProcess();
  const formats = useFormats();
  const id = view.process.id;
  const list = useQuery(() => api.accessChanges.list(id), [id, liveTick]);
  const changes = list.data?.changes ?? [];
  return (
    <Section title={t('people.accessTitle')}>
      <p className="muted">{t('people.accessIntro')}</p>
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.data && changes.length === 0 ? (
        <p className="muted">{t('people.accessEmpty')}</p>
      ) : null}
      {changes.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">{t('people.accessCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.when')}</th>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.change')}</th>
                <th scope="col">{t('people.rooms')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.seq}>
                  <td data-label={t('people.when')}>{formats.dateTime(c.at)}</td>
                  <th scope="row" data-label={t('people.name')}>
                    {c.name}
                  </th>
                  <td data-label={t('people.change')}>
                    <AccessChangeText change={c} />
                  </td>
                  <td data-label={t('people.rooms')}>
                    <RoomList label={t('people.opened')} ids={c.opened} />
                    <RoomList label={t('people.closed')} ids={c.closed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

function AccessChangeText({ change: c }: { change: AccessChange }) {
  const { t } = useTranslation();
  const { partyCode } = useProcess();
  const roleName = useRoleName();
  const role = (r: Role | null) => (r ? roleName(r, c.partyId ? partyCode(c.partyId) : null) : '');
  const what =
    c.change === 'joined'
      ? t('people.joined', { role: role(c.toRole) })
      : c.change === 'left'
        ? t('people.left', { role: role(c.fromRole) })
        : c.change === 'granted'
          ? t('people.granted')
          : t('people.roleChanged', { from: role(c.fromRole), to: role(c.toRole) });
  return (
    <>
      {what}
      {c.byName && c.byUserId !== c.userId ? (
        <span className="muted"> {t('people.by', { name: c.byName })}</span>
      ) : null}
      {c.confirmedByName ? (
        <span className="muted"> {t('people.confirmedBy', { name: c.confirmedByName })}</span>
      ) : null}
    </>
  );
}

function RoomList({ label, ids }: { label: string; ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <p className="room-list">
      <span className="muted">{label}</span>{' '}
      {ids.map((id) => (
        <CompartmentBadge key={id} compartmentId={id} />
      ))}
    </p>
  );
}

function InvitationsSection() {
  const { t } = useTranslation();
  const { view } = useProcess();
  const list = useQuery(() => api.invitations.list(view.process.id), [view.process.id]);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  return (
    <Section title={t('people.invitationsTitle')}>
      <p className="section-intro">{t('people.invitationsIntro')}</p>
      {created && (
        <div className="secret-box">
          <p className="strong">
            {t('people.linkReady', { invitee: created.invitation.inviteeLabel })}
          </p>
          <Notice tone="warning">{t('people.linkOnce')}</Notice>
          <CopyField
            label={t('people.linkLabel')}
            value={`${window.location.origin}/invite/${created.secret}`}
          />
          <Button variant="quiet" onClick={() => setCreated(null)}>
            {t('people.linkDone')}
          </Button>
        </div>
      )}
      <h3 className="subheading">{t('people.issueTitle')}</h3>
      <InviteForm
        onCreated={(c) => {
          setCreated(c);
          list.reload();
        }}
      />
      <h3 className="subheading">{t('people.issuedTitle')}</h3>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <InvitationTable invitations={list.data?.invitations ?? []} onChange={list.reload} />
      )}
    </Section>
  );
}

const invitableRoles = roles.filter((r) => r !== 'facilitator');

function InviteForm({ onCreated }: { onCreated: (c: CreatedInvitation) => void }) {
  const { t } = useTranslation();
  const { view } = useProcess();
  const [inviteeLabel, setInviteeLabel] = useState('');
  const [role, setRole] = useState<Role>('head_of_delegation');
  const [partyId, setPartyId] = useState(view.parties[0]?.id ?? '');
  const [validDays, setValidDays] = useState(7);
  const action = useAction();
  const needsParty = isDelegationRole(role);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const c = await api.invitations.create(view.process.id, {
        role: role as Exclude<Role, 'facilitator'>,
        partyId: needsParty ? partyId || null : null,
        inviteeLabel,
        validDays,
      });
      setInviteeLabel('');
      onCreated(c);
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <ErrorAlert error={action.error} />
      <div className="form-row">
        <TextField
          label={t('people.invitee')}
          hint={t('people.inviteeHint')}
          value={inviteeLabel}
          maxLength={200}
          onChange={(e) => setInviteeLabel(e.target.value)}
          wrapperClassName="field-grow"
        />
        <SelectField
          label={t('people.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {invitableRoles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        {needsParty && (
          <SelectField
            label={t('people.party')}
            value={partyId}
            onChange={(e) => setPartyId(e.target.value)}
            hint={view.parties.length === 0 ? t('people.addPartyFirst') : undefined}
          >
            {view.parties.length === 0 && <option value="">{t('common.none')}</option>}
            {view.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('people.validDays')}
          type="number"
          min={1}
          max={30}
          value={validDays}
          onChange={(e) => setValidDays(Number(e.target.value))}
          className="input-number"
        />
      </div>
      <div className="form-actions">
        <Button type="submit" pending={action.pending} pendingLabel={t('common.creating')}>
          {t('people.issue')}
        </Button>
      </div>
    </form>
  );
}

function InvitationTable({
  invitations,
  onChange,
}: {
  invitations: Invitation[];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const formats = useFormats();
  const roleName = useRoleName();
  const revoke = useAction();
  const [revoking, setRevoking] = useState<string | null>(null);
  if (invitations.length === 0) return <p className="empty">{t('people.issuedEmpty')}</p>;
  const now = new Date().toISOString();
  const state = (i: Invitation) =>
    i.usedAt ? 'used' : i.revokedAt ? 'revoked' : i.expiresAt <= now ? 'expired' : 'pending';
  const sorted = [...invitations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <ErrorAlert error={revoke.error} />
      <div className="table-wrap">
        <table className="table table-cards">
          <caption className="visually-hidden">{t('people.issuedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.invitee')}</th>
              <th scope="col">{t('people.role')}</th>
              <th scope="col">{t('people.created')}</th>
              <th scope="col">{t('people.expires')}</th>
              <th scope="col">{t('people.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('people.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((i) => {
              const s = state(i);
              return (
                <tr key={i.id}>
                  <th scope="row" data-label={t('people.invitee')}>
                    {i.inviteeLabel}
                  </th>
                  <td data-label={t('people.role')}>
                    {roleName(i.role, i.partyId ? partyCode(i.partyId) : null)}
                  </td>
                  <td data-label={t('people.created')} className="nowrap">
                    {formats.date(i.createdAt)}
                  </td>
                  <td data-label={t('people.expires')} className="nowrap">
                    {formats.date(i.expiresAt)}
                  </td>
                  <td data-label={t('people.state')}>
                    <span className={`badge badge-invitation invitation-${s}`}>
                      {t(`invitationState.${s}`)}
                    </span>
                  </td>
                  <td className="cell-actions">
                    {s === 'pending' && (
                      <Button
                        variant="danger"
                        className="button-small"
                        pending={revoke.pending && revoking === i.id}
                        onClick={() => {
                          setRevoking(i.id);
                          void revoke
                            .run(() => api.invitations.revoke(view.process.id, i.id))
                            .then(onChange);
                        }}
                        aria-label={t('people.revokeFor', { invitee: i.inviteeLabel })}
                      >
                        {t('common.revoke')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
