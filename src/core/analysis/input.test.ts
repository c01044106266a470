import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { analyze } from './analyze.js';
import { parseAnalysisInput } from './input.js';

/** The example of the input format's documentation. */
const example = {
  issues: [
    { id: 'border', label: 'Border regime', options: ['closed', 'monitored', 'open'] },
    {
      id: 'water',
      options: [{ id: 'quota', label: 'Fixed quota' }, { id: 'shared' }],
      ordered: false,
    },
  ],
  parties: [
    {
      id: 'north',
      reservation: 40,
      weights: { border: 70, water: 30 },
      scores: {
        border: { closed: 100, monitored: 60, open: 0 },
        water: { quota: 20, shared: 100 },
      },
    },
    {
      id: 'south',
      reservation: 35,
      issueOrder: ['water', 'border'],
      optionRankings: { border: ['open', 'monitored', 'closed'], water: [['quota', 'shared']] },
    },
  ],
  proposal: { border: 'monitored' },
  epsilon: 0.01,
};

function problemsOf(json: unknown): string[] {
  try {
    parseAnalysisInput(json);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'RULE_VIOLATION')
      return (e.details?.problems as string[] | undefined) ?? [];
    throw e;
  }
  throw new Error('expected a RULE_VIOLATION');
}

describe('the analysis input format', () => {
  it('parses the documented example, converting rankings and reporting what they became', () => {
    const input = parseAnalysisInput(JSON.parse(JSON.stringify(example)));
    expect(input.domain.issues.map((i) => i.options.map((o) => o.id))).toEqual([
      ['closed', 'monitored', 'open'],
      ['quota', 'shared'],
    ]);
    expect(input.domain.issues[1]).toMatchObject({
      ordered: false,
      options: [{ label: 'Fixed quota' }, {}],
    });
    expect(input.proposal).toEqual({ border: 'monitored' });
    expect(input.epsilon).toBe(0.01);
    expect(Object.keys(input.derived)).toEqual(['south']);
    expect(input.derived.south?.scores).toEqual({
      border: { open: 100, monitored: 50, closed: 0 },
      water: { quota: 50, shared: 50 },
    });
    const result = analyze(input.domain, {
      ...(input.proposal ? { proposal: input.proposal } : {}),
    });
    expect(result.proposal?.complete).toBe(false);
  });

  it('lists every problem of a broken file at once', () => {
    const problems = problemsOf({
      issues: [{ id: 'border', options: ['closed', 7] }, { options: [] }],
      parties: [
        {
          id: 'north',
          reservation: '40',
          weights: { border: 'a lot' },
          scores: { border: { closed: 120 } },
        },
        { id: 'south', reservation: 10, weights: {}, scores: {}, issueOrder: ['border'] },
      ],
      proposal: { border: 'ajar', sky: 'blue' },
      epsilon: 2,
      colour: 'red',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'unknown field "colour"',
        'issues[0].options[1] must be an id or an object with an id',
        'issues[1].id must be a string',
        'parties[0].reservation must be a number',
        'parties[0].weights.border must be a number',
        'parties[1] must give either weights and scores or issueOrder and optionRankings, not both',
        'the proposal names an unknown option "ajar" of issue "border"',
        'the proposal names an unknown issue "sky"',
        '"epsilon" must be a number from 0 to 0.5',
        'party 1 ("north"): the score of option "closed" of issue "border" must be a number from 0 to 100',
      ]),
    );
  });

  it('refuses what is not an object', () => {
    expect(problemsOf([])).toEqual(['the input must be a JSON object']);
    expect(problemsOf({ issues: 'none', parties: null })).toEqual([
      '"issues" must be an array',
      '"parties" must be an array',
    ]);
  });
});
