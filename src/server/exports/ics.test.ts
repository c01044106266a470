import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../core/rounds/calendar.js';
import { escapeText, foldLine, renderCalendar, unfoldLines, utcStamp } from './ics.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'round-1@parley',
  summary: 'NORDLYS: round 1 — Second meeting',
  description: 'Venue withheld.',
  location: null,
  start: { date: '2019-05-25' },
  end: { date: '2019-05-30' },
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

describe('the iCalendar writer', () => {
  it.each([
    ['a comma and a semicolon', 'Oslo, Norway; east wing', 'Oslo\\, Norway\\; east wing'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['line breaks of any kind', 'one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['control characters', 'bell\u0007 and tab\tstay', 'bell and tab\tstay'],
  ])('escapes %s in text values', (_name, value, escaped) => {
    expect(escapeText(value)).toBe(escaped);
  });

  it('folds long lines at 75 octets with a leading space, never splitting a character', () => {
    const line = `SUMMARY:${'Forhandlingene i Oslo — ærlig og åpen dialog; '.repeat(6)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  it('leaves a line of exactly 75 octets whole', () => {
    const line = `X:${'a'.repeat(73)}`;
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}b`).split('\r\n')).toEqual([line, ' b']);
  });

  it('writes whole-day rounds as DATE values with an exclusive end, and sessions in UTC', () => {
    const ics = renderCalendar(
      [
        event(),
        event({
          uid: 'session-1@parley',
          summary: 'NORDLYS: Plenary — Opening',
          location: 'Oslo, a guesthouse',
          start: { at: '2019-05-25T07:00:00.000Z' },
          end: { at: '2019-05-25T09:30:00.000Z' },
        }),
      ],
      { now: new Date('2026-11-27T09:00:00Z'), name: 'Parley — Ana' },
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const lines = unfoldLines(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTART;VALUE=DATE:20190525');
    expect(lines).toContain('DTEND;VALUE=DATE:20190530');
    expect(lines).toContain('DTSTART:20190525T070000Z');
    expect(lines).toContain('DTEND:20190525T093000Z');
    expect(lines).toContain('DTSTAMP:20261127T090000Z');
    expect(lines).toContain('LOCATION:Oslo\\, a guesthouse');
    expect(lines.filter((l) => l.startsWith('LOCATION:'))).toHaveLength(1);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(lines[lines.length - 1]).toBe('END:VCALENDAR');
  });

  it('writes UTC stamps without separators or milliseconds', () => {
    expect(utcStamp('2019-05-29T18:00:00.000Z')).toBe('20190529T180000Z');
    expect(utcStamp('2019-05-29T20:00:00+02:00')).toBe('20190529T180000Z');
  });
});
