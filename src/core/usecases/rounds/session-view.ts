/** Sessions and minutes as one member sees them (shared by the round use cases). */
import { canSeeAttendee } from '../../access/policy.js';
import { isMediatorRole, type Membership, type Party } from '../../process/model.js';
import {
  partiesAwaited,
  partiesShareChannel,
  type Minutes,
  type MinutesApproval,
  type MinutesObjection,
  type RoundSession,
} from '../../rounds/model.js';
import { asId, type PartyId, type UserId } from '../../shared/ids.js';

/** Minutes with the approvals of their current text. */
export type MinutesView = Minutes & {
  /** Approvals of the current text (approvals of an earlier text were reset when it changed). */
  approvals: MinutesApproval[];
  /** Parties whose approval the plenary minutes still await; empty for the mediators' own. */
  awaiting: PartyId[];
  /** Plenary minutes every party has approved (always false for the mediators' own). */
  approved: boolean;
  /**
   * Parties that rejected the current text or asked for a change; the comment only for the
   * mediator team and the objecting party (null for any other reader).
   */
  objections: Array<Omit<MinutesObjection, 'comment'> & { comment: string | null }>;
};

/** A session as one member sees it. */
export interface SessionView {
  /** The session, without its raw attendance. */
  session: Omit<RoundSession, 'attendance'>;
  /** The attendees the reader may see (in shuttle and proximity sessions, not the other side's). */
  attendance: Array<{ userId: UserId; displayName: string }>;
  /** Its minutes the reader may read. */
  minutes: MinutesView[];
}

/** Minutes with their current approvals and who is still awaited. */
export function viewMinutes(
  m: Minutes,
  approvals: readonly MinutesApproval[],
  parties: readonly Party[],
  seen: { objections: readonly MinutesObjection[]; reader: Membership } | null = null,
): MinutesView {
  const current = approvals.filter((a) => a.minutesId === m.id && a.hash === m.hash);
  const awaiting = m.kind === 'plenary' ? partiesAwaited(parties, current, m.hash) : [];
  const objections = (seen?.objections ?? [])
    .filter((o) => o.minutesId === m.id && o.hash === m.hash)
    .map((o) => ({
      ...o,
      comment:
        seen && (isMediatorRole(seen.reader.role) || seen.reader.partyId === o.partyId)
          ? o.comment
          : null,
    }));
  return {
    ...m,
    approvals: current,
    awaiting,
    approved: m.kind === 'plenary' && awaiting.length === 0,
    objections,
  };
}

/** A session as the reader sees it; `minutes` must already be filtered to what the reader may read. */
export function viewSession(
  session: RoundSession,
  reader: Membership,
  members: ReadonlyArray<Membership & { displayName: string }>,
  minutes: readonly MinutesView[],
): SessionView {
  const { attendance, ...rest } = session;
  const shared = partiesShareChannel(session.format);
  return {
    session: rest,
    attendance: attendance.flatMap((userId) => {
      const m = members.find((x) => x.userId === userId);
      // Someone no longer a member belongs to no known party: shown only where channels are shared.
      const partyId = m ? m.partyId : asId<'Party'>(`former:${userId}`);
      return canSeeAttendee(reader, shared, { partyId })
        ? [{ userId, displayName: m?.displayName ?? '' }]
        : [];
    }),
    minutes: minutes.filter((x) => x.sessionId === session.id),
  };
}
