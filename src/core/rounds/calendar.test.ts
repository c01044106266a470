import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import { dayAfter, roundEvent, sessionEvent } from './calendar.js';
import type { Round, RoundSession } from './model.js';

const round = {
  id: asId<'Round'>('r1'),
  number: 2,
  title: 'Second round',
  startsOn: '2019-05-25',
  endsOn: '2019-05-29',
  venue: 'Oslo',
  updatedAt: '2026-11-01T00:00:00.000Z',
} as Round;

describe('calendar events', () => {
  it.each([
    ['2019-05-29', '2019-05-30'],
    ['2019-05-31', '2019-06-01'],
    ['2019-12-31', '2020-01-01'],
    ['2020-02-28', '2020-02-29'],
  ])('ends a whole-day event on the day after %s: %s', (day, next) => {
    expect(dayAfter(day)).toBe(next);
  });

  it('puts a round on its days, with the venue only when given and a note when withheld', () => {
    const shown = roundEvent(round, 'NORDLYS', 'Oslo', true);
    expect(shown).toMatchObject({
      uid: 'round-r1@parley',
      summary: 'NORDLYS: round 2 — Second round',
      location: 'Oslo',
      start: { date: '2019-05-25' },
      end: { date: '2019-05-30' },
      description: '',
    });
    const withheld = roundEvent(round, 'NORDLYS', null, false);
    expect(withheld.location).toBeNull();
    expect(withheld.description).toContain('Venue withheld.');
    expect(withheld.description).toContain('to see its sessions');
  });

  it('describes a session by format, round and agenda', () => {
    const session = {
      id: asId<'RoundSession'>('s1'),
      format: 'proximity',
      title: 'Calendar',
      startsAt: '2019-05-27T07:00:00.000Z',
      endsAt: '2019-05-27T15:00:00.000Z',
      agenda: [asId<'Issue'>('i1'), asId<'Issue'>('gone')],
      createdAt: '2026-11-01T00:00:00.000Z',
    } as RoundSession;
    const e = sessionEvent(session, round, 'NORDLYS', null, [
      {
        id: asId('i1'),
        processId: asId('p'),
        title: 'Election date',
        description: '',
        options: [],
      },
    ]);
    expect(e).toMatchObject({
      uid: 'session-s1@parley',
      summary: 'NORDLYS: Proximity talks — Calendar',
      description: 'Round 2: Second round.\nAgenda: Election date.',
      location: null,
      start: { at: '2019-05-27T07:00:00.000Z' },
    });
  });
});
