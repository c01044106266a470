import { describe, expect, it } from 'vitest';
import type { Party } from '../process/model.js';
import { asId } from '../shared/ids.js';
import {
  canTransitionRound,
  consultationAnswerProblems,
  hasAcknowledged,
  minutesAllowed,
  partiesAwaited,
  roundDateProblems,
  roundStatuses,
  sessionCompartmentKind,
  sessionThreadAllowedIn,
  sessionTimeProblems,
  type Round,
  type RoundStatus,
  type SessionFormat,
} from './model.js';

describe('the round status machine', () => {
  const allowed: Array<[RoundStatus, RoundStatus]> = [
    ['planned', 'in_progress'],
    ['planned', 'closed'],
    ['in_progress', 'in_consultations'],
    ['in_progress', 'closed'],
    ['in_consultations', 'in_progress'],
    ['in_consultations', 'closed'],
  ];
  it.each(roundStatuses.flatMap((from) => roundStatuses.map((to) => [from, to] as const)))(
    'from %s to %s is allowed only where the machine says',
    (from, to) => {
      expect(canTransitionRound(from, to)).toBe(allowed.some(([a, b]) => a === from && b === to));
    },
  );
});

describe('round dates', () => {
  it.each([
    ['2019-05-25', '2019-05-29', []],
    ['2019-05-25', '2019-05-25', []],
    ['2019-05-29', '2019-05-25', ['the round cannot end before it starts']],
    ['2019-02-30', '2019-03-01', ['startsOn is not a date (YYYY-MM-DD)']],
    ['25/05/2019', '2019-05-29', ['startsOn is not a date (YYYY-MM-DD)']],
  ])('from %s to %s has problems %j', (from, to, problems) => {
    expect(roundDateProblems(from, to)).toEqual(problems);
  });
});

describe('sessions', () => {
  const round = { startsOn: '2019-05-25', endsOn: '2019-05-29' };
  it.each([
    ['a morning in the round', '2019-05-25T07:00:00Z', '2019-05-25T09:00:00Z', 0],
    [
      'an evening in Oslo that is already the next day in UTC+14',
      '2019-05-29T23:00:00Z',
      '2019-05-30T01:00:00Z',
      0,
    ],
    ['the week after', '2019-06-03T07:00:00Z', '2019-06-03T09:00:00Z', 1],
    ['a session ending before it starts', '2019-05-26T09:00:00Z', '2019-05-26T08:00:00Z', 1],
    ['nonsense times', 'soon', 'later', 1],
  ])('%s has %i problem(s)', (_name, start, end, n) => {
    expect(sessionTimeProblems(round, start, end)).toHaveLength(n);
  });

  it.each<[SessionFormat, string, boolean, boolean]>([
    ['plenary', 'plenary', true, true],
    ['caucus', 'caucus', false, false],
    ['bilateral', 'bilateral', false, true],
    ['shuttle', 'plenary', false, true],
    ['proximity', 'plenary', false, true],
  ])(
    'a %s session lives in the %s compartment; plenary minutes %s, mediators’ minutes %s',
    (format, kind, plenaryMinutes, mediatorMinutes) => {
      expect(sessionCompartmentKind(format)).toBe(kind);
      expect(minutesAllowed('plenary', format)).toBe(plenaryMinutes);
      expect(minutesAllowed('mediators', format)).toBe(mediatorMinutes);
    },
  );

  it('keeps the threads of shuttle and proximity sessions out of the plenary and the public', () => {
    for (const format of ['shuttle', 'proximity'] as const) {
      expect(sessionThreadAllowedIn(format, 'plenary')).toBe(false);
      expect(sessionThreadAllowedIn(format, 'bilateral')).toBe(true);
      expect(sessionThreadAllowedIn(format, 'mediators')).toBe(true);
    }
    expect(sessionThreadAllowedIn('plenary', 'plenary')).toBe(true);
    expect(sessionThreadAllowedIn('plenary', 'public')).toBe(false);
  });
});

describe('acknowledgements and approvals', () => {
  const round = { id: asId<'Round'>('r'), rulesHash: 'h2' } as Round;
  it('counts an acknowledgement only of the current rules', () => {
    const ack = (rulesHash: string) => ({
      roundId: round.id,
      userId: asId<'User'>('u'),
      rulesHash,
      acknowledgedAt: '',
    });
    expect(hasAcknowledged(round, [ack('h1')])).toBe(false);
    expect(hasAcknowledged(round, [ack('h1'), ack('h2')])).toBe(true);
    expect(hasAcknowledged(round, [])).toBe(false);
  });

  it('awaits every party that has not withdrawn, and counts approvals of the current text only', () => {
    const party = (id: string, status: Party['status']): Party => ({
      id: asId(id),
      processId: asId('p'),
      name: id,
      code: id,
      status,
    });
    const parties = [party('a', 'participating'), party('b', 'suspended'), party('c', 'withdrawn')];
    const approval = (partyId: string, hash: string) => ({
      minutesId: asId<'Minutes'>('m'),
      partyId: asId<'Party'>(partyId),
      hash,
      approvedBy: asId<'User'>('u'),
      approvedAt: '',
    });
    expect(partiesAwaited(parties, [], 'h')).toEqual(['a', 'b']);
    expect(partiesAwaited(parties, [approval('a', 'old')], 'h')).toEqual(['a', 'b']);
    expect(partiesAwaited(parties, [approval('a', 'h'), approval('b', 'h')], 'h')).toEqual([]);
  });

  it.each([
    ['accept', '', 0],
    ['accept_with_reservations', '', 1],
    ['accept_with_reservations', 'Subject to …', 0],
    ['counter_text', '  ', 1],
    ['counter_text', 'Twelve months', 0],
  ] as const)('an answer %s with text %j has %i problem(s)', (kind, text, n) => {
    expect(consultationAnswerProblems(kind, text)).toHaveLength(n);
  });
});
