/**
 * docs/who-sees-what.md as data, for tests of the items use cases: who reads and who adds to each
 * compartment of a process with two parties (GOV and OPP), by the people of `aNegotiation`.
 * Written from the page, not from `access/policy.ts`, so that a mistake in the policy fails a
 * test instead of being copied into its expectation.
 */

/** The people of `aNegotiation`: one per role, and an observer given the plenary. */
export const people = [
  'facilitator',
  'lead mediator',
  'mediator',
  'secretariat',
  'GOV head',
  'GOV delegate',
  'GOV adviser',
  'OPP head',
  'OPP delegate',
  'OPP adviser',
  'guarantor',
  'observer',
  'observer given the plenary',
] as const;
export type Person = (typeof people)[number];

/** The compartments of a process with the parties GOV and OPP. */
export const rooms = [
  'public',
  'plenary',
  'mediators',
  'GOV caucus',
  'GOV bilateral',
  'OPP caucus',
  'OPP bilateral',
] as const;
export type Room = (typeof rooms)[number];

const team: Person[] = ['lead mediator', 'mediator', 'secretariat'];
const delegation = (party: 'GOV' | 'OPP'): Person[] => [
  `${party} head`,
  `${party} delegate`,
  `${party} adviser`,
];

/** "read by", from the page's table of compartments (and its table of people for grants). */
export const readers: Record<Room, readonly Person[]> = {
  public: people,
  plenary: [...team, ...delegation('GOV'), ...delegation('OPP'), 'observer given the plenary'],
  mediators: team,
  'GOV caucus': delegation('GOV'),
  'GOV bilateral': [...delegation('GOV'), ...team],
  'OPP caucus': delegation('OPP'),
  'OPP bilateral': [...delegation('OPP'), ...team],
};

/** "added to by", from the same table: guarantors and observers only read. */
export const writers: Record<Room, readonly Person[]> = {
  public: team,
  plenary: [...team, ...delegation('GOV'), ...delegation('OPP')],
  mediators: team,
  'GOV caucus': delegation('GOV'),
  'GOV bilateral': [...delegation('GOV'), ...team],
  'OPP caucus': delegation('OPP'),
  'OPP bilateral': [...delegation('OPP'), ...team],
};
