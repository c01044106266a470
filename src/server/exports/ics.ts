/**
 * iCalendar (RFC 5545) for a person's calendar export. No calendar library is installed, and the
 * subset needed here is small: VCALENDAR with VEVENTs, TEXT escaping (§3.3.11), UTC and DATE
 * values (§3.3.4, §3.3.5), CRLF line ends and folding at 75 octets without splitting a UTF-8
 * character (§3.1).
 */
import type { CalendarEvent, EventTime } from '../../core/rounds/calendar.js';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .split('')
    .filter((c) => c === '\t' || (c >= ' ' && c !== '\u007f'))
    .join('');
}

/** Folds a content line into lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An instant as a UTC DATE-TIME, e.g. 20190525T070000Z. */
export function utcStamp(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function timeProperty(name: 'DTSTART' | 'DTEND', t: EventTime): string {
  return 'date' in t
    ? `${name};VALUE=DATE:${t.date.replace(/-/g, '')}`
    : `${name}:${utcStamp(t.at)}`;
}

/** Writes events as an iCalendar stream (CRLF line ends, folded), stamped with the export time. */
export function renderCalendar(
  events: readonly CalendarEvent[],
  options: { now: Date; name: string },
): string {
  const stamp = utcStamp(options.now.toISOString());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Parley//Parley calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      timeProperty('DTSTART', e.start),
      timeProperty('DTEND', e.end),
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location !== null) lines.push(`LOCATION:${escapeText(e.location)}`);
    // Calendar servers hide the details of confidential events from anyone the owner shares with.
    lines.push('CLASS:CONFIDENTIAL', `LAST-MODIFIED:${utcStamp(e.updatedAt)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Unfolds an iCalendar stream into content lines (for tests and anyone reading an export back). */
export function unfoldLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}
