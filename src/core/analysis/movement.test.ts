import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { compileDomain, type Issue, type PartyPreferences } from './domain.js';
import { movement, negotiationDance, type RoundProposals } from './movement.js';

const scale = ['o0', 'o1', 'o2', 'o3', 'o4'];
const issues: Issue[] = [
  { id: 'x', options: scale.map((id) => ({ id })) },
  { id: 'y', options: scale.map((id) => ({ id })) },
];

// A walks towards B; B never moves.
const rounds: RoundProposals[] = [
  { A: { x: 'o0', y: 'o0' }, B: { x: 'o4', y: 'o4' } },
  { A: { x: 'o1', y: 'o0' } },
  { A: { x: 'o2', y: 'o1' }, B: { x: 'o4', y: 'o4' } },
  { A: { x: 'o2', y: 'o2' } },
];

const ratingsA: PartyPreferences = {
  id: 'A',
  weights: { x: 50, y: 50 },
  scores: {
    x: { o0: 100, o1: 75, o2: 50, o3: 25, o4: 0 },
    y: { o0: 100, o1: 75, o2: 50, o3: 25, o4: 0 },
  },
  reservation: 0,
};

describe('movement and stalling', () => {
  it('measures concessions by distance moved towards the other side when ratings are unknown', () => {
    const report = movement({ issues, parties: ['A', 'B'], rounds });
    const a = report.parties[0];
    expect(a?.measure).toBe('distance');
    // Round 1: x moved a quarter of the scale towards B's o4, y did not move: mean 0.125.
    expect(a?.concessions).toEqual([null, 0.125, 0.25, 0.125]);
    expect(a?.total).toBeCloseTo(0.5);
    expect(report.parties[1]?.concessions).toEqual([null, 0, 0, 0]);
  });

  it('measures concessions in the party’s own utility when the viewer knows its ratings', () => {
    const report = movement({ issues, parties: ['A', 'B'], rounds, ratings: [ratingsA] });
    expect(report.parties[0]?.measure).toBe('utility');
    // Round 1: 100 → 0.5·75 + 0.5·100 = 87.5.
    expect(report.parties[0]?.concessions).toEqual([null, 12.5, 25, 12.5]);
    expect(report.parties[1]?.measure).toBe('distance');
  });

  it('signals a stall when one side has not moved for N rounds while the other conceded', () => {
    const report = movement({ issues, parties: ['A', 'B'], rounds, stallRounds: 2 });
    expect(report.stalls).toEqual([{ party: 'B', fromRound: 2, toRound: 3, conceders: ['A'] }]);
    expect(report.stalledNow).toEqual(['B']);
    const patient = movement({ issues, parties: ['A', 'B'], rounds, stallRounds: 4 });
    expect(patient.stalls).toEqual([]);
  });

  it('does not call it a stall when nobody moved', () => {
    const still: RoundProposals[] = [
      { A: { x: 'o0' }, B: { x: 'o4' } },
      { A: { x: 'o0' }, B: { x: 'o4' } },
      { A: { x: 'o0' }, B: { x: 'o4' } },
    ];
    expect(movement({ issues, parties: ['A', 'B'], rounds: still }).stalls).toEqual([]);
  });

  it('counts an unordered issue as same or different option', () => {
    const nominal: Issue[] = [{ id: 'x', options: scale.map((id) => ({ id })), ordered: false }];
    const report = movement({
      issues: nominal,
      parties: ['A', 'B'],
      rounds: [{ A: { x: 'o0' }, B: { x: 'o4' } }, { A: { x: 'o1' } }, { A: { x: 'o4' } }],
    });
    expect(report.parties[0]?.concessions).toEqual([null, 0, 1]);
  });

  it('refuses a stall length below one round', () => {
    expect(() => movement({ issues, parties: ['A'], rounds, stallRounds: 0 })).toThrow(DomainError);
  });

  it('plots each side’s positions in the parties’ utility space for the negotiation dance', () => {
    const compiled = compileDomain({
      issues,
      parties: [
        ratingsA,
        {
          id: 'B',
          weights: { x: 1, y: 1 },
          scores: {
            x: { o0: 0, o1: 25, o2: 50, o3: 75, o4: 100 },
            y: { o0: 0, o1: 25, o2: 50, o3: 75, o4: 100 },
          },
          reservation: 0,
        },
      ],
    });
    const dance = negotiationDance(compiled, rounds, ['A', 'B']);
    expect(dance.filter((p) => p.party === 'A').map((p) => p.utilities)).toEqual([
      [100, 0],
      [87.5, 12.5],
      [62.5, 37.5],
      [50, 50],
    ]);
    expect(dance.filter((p) => p.party === 'B').map((p) => [p.round, p.utilities])).toEqual([
      [0, [0, 100]],
      [1, [0, 100]],
      [2, [0, 100]],
      [3, [0, 100]],
    ]);
    expect(dance.every((p) => p.complete)).toBe(true);
  });
});
