/**
 * A person's calendar: the rounds and sessions they may see, as events ready to be written in any
 * calendar format (the server writes RFC 5545). Only what the reader may see goes in: sessions
 * only of rounds they have acknowledged and in compartments they may read, the venue only where
 * they are invited.
 */
import type { AgendaIssue } from '../record/model.js';
import type { Round, RoundSession, SessionFormat } from './model.js';

/** When an event happens: whole days (the end exclusive), or instants. */
export type EventTime = { date: string } | { at: string };

/** One calendar event. */
export interface CalendarEvent {
  /** Globally unique and stable across exports, so calendars update the event in place. */
  uid: string;
  /** One line. */
  summary: string;
  /** Free text. */
  description: string;
  /** The venue, or null where it is withheld. */
  location: string | null;
  /** Start. */
  start: EventTime;
  /** End (for whole days, the day after the last). */
  end: EventTime;
  /** Last change (ISO 8601). */
  updatedAt: string;
}

const formatLabels: Record<SessionFormat, string> = {
  plenary: 'Plenary',
  caucus: 'Caucus',
  bilateral: 'Bilateral',
  shuttle: 'Shuttle talks',
  proximity: 'Proximity talks',
};

/** The day after a date (YYYY-MM-DD), for the exclusive end of an all-day event. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A round as an all-day event; `venue` is null when it is withheld from this reader. */
export function roundEvent(
  round: Round,
  codename: string,
  venue: string | null,
  acknowledged: boolean,
): CalendarEvent {
  const notes = [
    venue === null ? 'Venue withheld.' : '',
    acknowledged
      ? ''
      : "Acknowledge this round's confidentiality rules in Parley to see its sessions.",
  ].filter(Boolean);
  return {
    uid: `round-${round.id}@parley`,
    summary: `${codename}: round ${round.number} — ${round.title}`,
    description: notes.join('\n'),
    location: venue,
    start: { date: round.startsOn },
    end: { date: dayAfter(round.endsOn) },
    updatedAt: round.updatedAt,
  };
}

/** A session as an event, its agenda in the description; `venue` is null when withheld. */
export function sessionEvent(
  session: RoundSession,
  round: Round,
  codename: string,
  venue: string | null,
  issues: readonly AgendaIssue[],
): CalendarEvent {
  const agenda = session.agenda
    .map((id) => issues.find((i) => i.id === id)?.title)
    .filter((t): t is string => !!t);
  return {
    uid: `session-${session.id}@parley`,
    summary: `${codename}: ${formatLabels[session.format]} — ${session.title}`,
    description: [
      `Round ${round.number}: ${round.title}.`,
      agenda.length ? `Agenda: ${agenda.join('; ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    location: venue,
    start: { at: session.startsAt },
    end: { at: session.endsAt },
    updatedAt: session.createdAt,
  };
}
