import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import type { ActorStatement, Stance } from './model.js';
import { filterStatements, statementsOverTime } from './timeline.js';

const statement = (
  statedOn: string,
  stance: Stance,
  language = 'es',
  issues: string[] = [],
): ActorStatement => ({
  id: asId(`s-${statedOn}-${stance}`),
  processId: asId('p'),
  compartmentId: asId('c'),
  actorId: asId(stance === 'critic' ? 'lopez' : 'maduro'),
  quote: 'q',
  language,
  url: null,
  outlet: null,
  statedOn,
  stance,
  articleId: null,
  confirmedBy: asId('u'),
  confirmedAt: '2019-09-01T00:00:00Z',
  issueIds: issues.map((i) => asId<'Issue'>(i)),
  revision: 1,
});

describe('the media chart', () => {
  const all = [
    statement('2019-05-30', 'critic'),
    statement('2019-05-31', 'supporter', 'nb'),
    statement('2019-08-02', 'critic', 'es', ['election', 'detainees']),
  ];

  it('counts every month from the first statement to the last, empty months as zero', () => {
    const chart = statementsOverTime(all);
    expect(chart.map((p) => [p.period, p.total, p.counts.critic, p.counts.supporter])).toEqual([
      ['2019-05', 2, 1, 1],
      ['2019-06', 0, 0, 0],
      ['2019-07', 0, 0, 0],
      ['2019-08', 1, 1, 0],
    ]);
  });

  it('names the rounds held in each month, a round spanning two months in both', () => {
    const chart = statementsOverTime(all, [
      { number: 1, startsOn: '2019-05-15', endsOn: '2019-05-16' },
      { number: 2, startsOn: '2019-07-31', endsOn: '2019-08-01' },
    ]);
    expect(chart.map((p) => p.rounds)).toEqual([[1], [], [2], [2]]);
  });

  it('filters by actor, stance, agenda issue, language and period', () => {
    expect(filterStatements(all, { stance: 'critic' })).toHaveLength(2);
    expect(filterStatements(all, { language: 'nb' })).toHaveLength(1);
    expect(filterStatements(all, { actorId: asId('maduro') })).toHaveLength(1);
    expect(filterStatements(all, { from: '2019-05-31', to: '2019-07-31' })).toHaveLength(1);
    expect(filterStatements(all, { issueId: asId('detainees') }).map((s) => s.statedOn)).toEqual([
      '2019-08-02',
    ]);
    expect(filterStatements(all, { issueId: asId('sanctions') })).toEqual([]);
    expect(statementsOverTime([])).toEqual([]);
  });
});
