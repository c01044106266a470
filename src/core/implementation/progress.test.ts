import { describe, expect, it } from 'vitest';
import { dayNumber, historyLevelsAt, historyOf, levelAsOf, type LevelFact } from './history.js';
import { pamProvisionTypes } from './pam.js';
import {
  isOverdue,
  isSilent,
  monthEnd,
  monthlyRollup,
  monthsBetween,
  typeYearMatrix,
} from './progress.js';

const fact = (
  commitmentId: string,
  level: 0 | 1 | 2 | 3,
  effectiveOn: string,
  setAt: string,
  id = `${commitmentId}-${effectiveOn}-${setAt}`,
): LevelFact => ({ commitmentId, level, effectiveOn, setAt, id });

describe('the coding scheme', () => {
  it('has PAM’s 51 provision types, each with a unique key, a name and a definition', () => {
    expect(pamProvisionTypes).toHaveLength(51);
    expect(new Set(pamProvisionTypes.map((p) => p.key)).size).toBe(51);
    for (const p of pamProvisionTypes) expect(p.definition.length).toBeGreaterThan(10);
  });
});

describe('the level as of a date', () => {
  const history = [
    fact('c', 1, '2020-01-10', '2020-01-11T00:00:00Z'),
    fact('c', 2, '2020-06-01', '2020-06-02T00:00:00Z'),
    // A later correction, back-dated: from March the level was already 2.
    fact('c', 2, '2020-03-01', '2021-01-05T00:00:00Z'),
    fact('c', 1, '2020-06-01', '2020-07-01T00:00:00Z'),
  ];
  it.each([
    ['before anything', '2020-01-09', undefined, 0],
    ['on the first entry’s date', '2020-01-10', undefined, 1],
    ['after the back-dated correction, as known now', '2020-04-01', undefined, 2],
    [
      'after the back-dated correction, as known before it',
      '2020-04-01',
      '2020-12-31T00:00:00Z',
      1,
    ],
    ['where two entries share a date, the later recorded wins', '2020-06-15', undefined, 1],
    ['where the later one was not yet recorded', '2020-06-15', '2020-06-20T00:00:00Z', 2],
  ] as const)('%s', (_, date, knownAt, expected) => {
    expect(levelAsOf(history, date, knownAt)).toBe(expected);
  });
});

describe('the monthly roll-up', () => {
  it('lists months across a year end and knows each month’s last day', () => {
    expect(monthsBetween('2019-11', '2020-02')).toEqual([
      '2019-11',
      '2019-12',
      '2020-01',
      '2020-02',
    ]);
    expect(monthsBetween('2020-02', '2020-01')).toEqual([]);
    expect(monthEnd('2020-02')).toBe('2020-02-29');
    expect(monthEnd('2021-02')).toBe('2021-02-28');
  });

  const commitments = [
    { id: 'a', weight: 1, groups: ['theme:ELEC', 'party:gov'] },
    { id: 'b', weight: 3, groups: ['theme:ELEC', 'party:opp'] },
    { id: 'c', weight: 2, groups: ['party:gov', 'party:opp'] },
  ];
  const facts = [
    fact('a', 3, '2020-01-15', '2020-01-16T00:00:00Z'),
    fact('b', 1, '2020-02-01', '2020-02-02T00:00:00Z'),
    fact('b', 2, '2020-02-20', '2020-02-21T00:00:00Z'),
    fact('c', 1, '2020-03-31', '2020-04-01T00:00:00Z'),
    fact('x', 3, '2020-01-01', '2020-01-01T00:00:00Z'), // not a listed commitment
  ];
  const rollup = monthlyRollup({ commitments, facts, months: monthsBetween('2019-12', '2020-03') });

  it.each([
    // month, counts at 0..3, weighted percent = Σ w·l / (3 Σ w)
    ['2019-12', [3, 0, 0, 0], 0],
    ['2020-01', [2, 0, 0, 1], 16.7], // 1·3 / 18
    ['2020-02', [1, 0, 1, 1], 50], // (3 + 3·2) / 18
    ['2020-03', [0, 1, 1, 1], 61.1], // (3 + 6 + 2) / 18
  ] as const)('counts the whole agreement in %s', (month, counts, percent) => {
    const m = rollup.overall.find((x) => x.month === month);
    expect(m?.counts).toEqual(counts);
    expect(m?.percent).toBe(percent);
    expect(m?.shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1);
  });

  it.each([
    ['theme:ELEC', '2020-02', [0, 0, 1, 1], 75], // (3 + 6) / 12
    ['party:gov', '2020-03', [0, 1, 0, 1], 55.6], // (3 + 2) / 9
    ['party:opp', '2020-03', [0, 1, 1, 0], 53.3], // (6 + 2) / 15
  ] as const)(
    'counts group %s in %s, a commitment in every group it names',
    (group, month, counts, percent) => {
      const m = rollup.groups.get(group)?.find((x) => x.month === month);
      expect(m?.counts).toEqual(counts);
      expect(m?.percent).toBe(percent);
    },
  );

  it('reproduces an earlier picture when told what was known then', () => {
    const then = monthlyRollup({
      commitments,
      facts,
      months: ['2020-03'],
      knownAt: '2020-02-10T00:00:00Z',
    });
    expect(then.overall[0]?.counts).toEqual([1, 1, 0, 1]);
  });
});

describe('the level history, column by column', () => {
  const facts = [
    fact('b', 2, '2020-02-20', '2020-02-21T00:00:00Z'),
    fact('a', 3, '2020-01-15', '2020-01-16T00:00:00Z'),
    fact('b', 1, '2020-02-01', '2020-02-02T00:00:00Z'),
    // Two entries on one date: the later recorded wins; a back-dated one recorded later.
    fact('b', 3, '2020-02-01', '2020-03-01T00:00:00Z'),
    fact('a', 1, '2020-01-01', '2020-05-01T00:00:00Z'),
  ];
  const dates = ['2019-12-31', '2020-01-01', '2020-01-31', '2020-02-01', '2020-02-29'];
  const days = dates.map(dayNumber);

  it.each([undefined, '2020-02-25T00:00:00Z'])(
    'gives every commitment the level as of each date that levelAsOf gives, known at %s',
    (knownAt) => {
      const history = historyOf(facts);
      // Read as known then (the entries recorded later left out), it needs no knownAt.
      const then = historyOf(facts.filter((f) => knownAt === undefined || f.setAt <= knownAt));
      const asRead = { ...then, setAt: null };
      for (const id of ['a', 'b', 'none']) {
        const mine = facts.filter((f) => f.commitmentId === id);
        const expected = dates.map((d) => levelAsOf(mine, d, knownAt));
        const out = new Uint8Array(days.length);
        expect([...historyLevelsAt(history, id, days, out, knownAt)]).toEqual(expected);
        expect([...historyLevelsAt(asRead, id, days, out, knownAt)]).toEqual(expected);
      }
    },
  );

  it('numbers days so that they compare as the dates do', () => {
    expect(dayNumber('2020-02-29')).toBe(20200229);
    expect(dayNumber('2019-12-31') < dayNumber('2020-01-01')).toBe(true);
  });
});

describe('flags', () => {
  it.each([
    ['past its deadline and not complete', '2020-01-31', 2, '2020-02-01', true],
    ['past its deadline but complete', '2020-01-31', 3, '2020-02-01', false],
    ['on its deadline', '2020-01-31', 0, '2020-01-31', false],
    ['without a deadline', null, 0, '2030-01-01', false],
  ] as const)('calls a commitment overdue only when %s', (_, deadline, level, today, expected) => {
    expect(isOverdue({ deadline }, level, today)).toBe(expected);
  });

  it.each([
    [['2020-01-05'], '2020-02-01', '2020-02-29', true],
    [['2020-01-05', '2020-02-29'], '2020-02-01', '2020-02-29', false],
    [[], '2020-02-01', '2020-02-29', true],
  ] as const)('calls evidence %j silent from %s to %s: %s', (dates, from, to, expected) => {
    expect(isSilent(dates, from, to)).toBe(expected);
  });
});

describe('the provision types × years matrix', () => {
  it('gives each type’s weighted mean level at each year’s end, rounded to a level', () => {
    const cells = typeYearMatrix({
      commitments: [
        { id: 'a', weight: 1, provisionType: 'ceasefire' },
        { id: 'b', weight: 1, provisionType: 'ceasefire' },
        { id: 'c', weight: 1, provisionType: 'amnesty' },
      ],
      facts: [
        fact('a', 3, '2020-05-01', '2020-05-01T00:00:00Z'),
        fact('b', 2, '2021-05-01', '2021-05-01T00:00:00Z'),
        fact('c', 1, '2021-12-31', '2022-01-01T00:00:00Z'),
      ],
      years: [2020, 2021],
    });
    expect(cells).toEqual([
      { provisionType: 'amnesty', year: 2020, commitments: 1, mean: 0, level: 0 },
      { provisionType: 'amnesty', year: 2021, commitments: 1, mean: 1, level: 1 },
      { provisionType: 'ceasefire', year: 2020, commitments: 2, mean: 1.5, level: 2 },
      { provisionType: 'ceasefire', year: 2021, commitments: 2, mean: 2.5, level: 3 },
    ]);
  });
});
