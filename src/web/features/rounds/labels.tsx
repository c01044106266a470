/**
 * Names and badges of the rounds screens: a round's status, a session's format, the venue (or why
 * it is withheld), and a picker of members (invitation lists, attendance).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isDelegationRole, isMediatorRole } from '../../../core/process/model.js';
import type { Member, RoundStatus, SessionFormat, Venue } from '../../api/types.js';
import { useFormats } from '../../i18n/index.js';
import { DemoAwareText } from '../../ui/components.js';
import { useRoleName } from '../processes/labels.js';
import { useProcess } from '../processes/ProcessContext.js';

/** A round's status as a badge; the colour repeats what the text says. */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status round-status-${status}`}>
      {t(`rounds.status.${status}`)}
    </span>
  );
}

/** A session's format as a badge. */
export function FormatBadge({ format }: { format: SessionFormat }) {
  const { t } = useTranslation();
  return (
    <span className={`badge format-badge format-${format}`}>{t(`rounds.format.${format}`)}</span>
  );
}

/** The venue, or "Venue withheld" with the reason in words. */
export function VenueText({ venue }: { venue: Venue }) {
  const { t } = useTranslation();
  if (!venue.withheld) return <DemoAwareText text={venue.name} />;
  return (
    <span className="venue-withheld">
      <span className="strong">{t('rounds.venueWithheld')}</span>
      <span className="muted small block">
        {venue.reason === 'not_invited'
          ? t('rounds.venueNotInvited')
          : t('rounds.venueNotAcknowledged')}
      </span>
    </span>
  );
}

/** A round's first and last day, as the language writes dates. */
export function useRoundDates(): (r: { startsOn: string; endsOn: string }) => string {
  const { t } = useTranslation();
  const formats = useFormats();
  return (r) =>
    r.startsOn === r.endsOn
      ? formats.day(r.startsOn)
      : t('rounds.dateRange', { from: formats.day(r.startsOn), to: formats.day(r.endsOn) });
}

/** A session's start and end in local time: "25 May 2019, 09:00–11:30". */
export function useSessionTimes(): (s: { startsAt: string; endsAt: string }) => string {
  const { t } = useTranslation();
  const formats = useFormats();
  return (s) => {
    const sameDay = new Date(s.startsAt).toDateString() === new Date(s.endsAt).toDateString();
    return sameDay
      ? t('rounds.timeRange', { from: formats.dateTime(s.startsAt), to: formats.time(s.endsAt) })
      : t('rounds.timeRange', {
          from: formats.dateTime(s.startsAt),
          to: formats.dateTime(s.endsAt),
        });
  };
}

/** Orders members as the process is organised: mediators, then each party's delegation, then others. */
function groupMembers(
  members: readonly Member[],
  parties: readonly { id: string; code: string }[],
): Array<{ key: string; members: Member[] }> {
  const mediators = members.filter((m) => isMediatorRole(m.role));
  const byParty = parties.map((p) => ({
    key: p.code,
    members: members.filter((m) => isDelegationRole(m.role) && m.partyId === p.id),
  }));
  const others = members.filter((m) => !isMediatorRole(m.role) && !isDelegationRole(m.role));
  return [
    { key: 'mediators', members: mediators },
    ...byParty,
    { key: 'others', members: others },
  ].filter((g) => g.members.length > 0);
}

/** Checkboxes over the process's members, grouped by team and delegation. */
export function MemberPicker({
  legend,
  selected,
  onChange,
}: {
  legend: string;
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  const { view, partyCode } = useProcess();
  const roleName = useRoleName();
  const id = useId();
  const groups = groupMembers(view.members, view.parties);
  const toggle = (userId: string, on: boolean) =>
    onChange(on ? [...selected, userId] : selected.filter((u) => u !== userId));
  return (
    <fieldset className="member-picker">
      <legend>{legend}</legend>
      {groups.map((g) => (
        <div key={g.key} className="member-group">
          <p className="member-group-title">
            {g.key === 'mediators'
              ? t('rounds.groupMediators')
              : g.key === 'others'
                ? t('rounds.groupOthers')
                : t('rounds.groupParty', { party: g.key })}
          </p>
          <ul className="checkbox-grid">
            {g.members.map((m) => (
              <li key={m.userId}>
                <input
                  id={`${id}-${m.userId}`}
                  type="checkbox"
                  checked={selected.includes(m.userId)}
                  onChange={(e) => toggle(m.userId, e.target.checked)}
                />
                <label htmlFor={`${id}-${m.userId}`}>
                  {m.displayName}{' '}
                  <span className="muted small block">
                    {roleName(m.role, m.partyId ? partyCode(m.partyId) : null)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
