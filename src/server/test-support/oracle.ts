/**
 * Who may read what in the demo, written from docs/who-sees-what.md's roles (not from the policy
 * code), so the authorization matrix and the canary test check the policy against an independent
 * statement of it.
 */
import type { Compartment } from '../../core/access/compartments.js';
import type { DemoData, DemoRoleKey } from '../demo/seed.js';

/** The mediator team among the demo roles. */
export const team: readonly DemoRoleKey[] = ['leadMediator', 'mediator'];

/** Each party's delegation among the demo roles. */
export const delegation = {
  gov: ['govHead', 'govDelegate'],
  opp: ['oppHead', 'oppDelegate'],
} as const;

/** Which demo party a caucus or bilateral compartment belongs to. */
export const partyKey = (demo: DemoData, c: Compartment): 'gov' | 'opp' =>
  c.partyId === demo.parties.gov ? 'gov' : 'opp';

/** Whether a demo role may read a compartment of the demo process. */
export function demoRoleReads(demo: DemoData, r: DemoRoleKey, c: Compartment): boolean {
  switch (c.kind) {
    case 'public':
      return true;
    case 'plenary': // given to the demo's guarantor and observer; the facilitator sees set-up only
      return r !== 'admin';
    case 'mediators':
      return team.includes(r);
    case 'bilateral':
      return team.includes(r) || (delegation[partyKey(demo, c)] as readonly string[]).includes(r);
    case 'caucus':
      return (delegation[partyKey(demo, c)] as readonly string[]).includes(r);
  }
}

/**
 * Who organises rounds (sets them up, invites, moves their status): the facilitator, who runs the
 * process's logistics, and the mediator team, who run the talks.
 */
export const organisers: readonly DemoRoleKey[] = ['admin', 'leadMediator', 'mediator'];

/** Each party's head of delegation: answers, approves and signs for the party. */
export const heads: readonly DemoRoleKey[] = ['govHead', 'oppHead'];

/** Whether a demo role may see the venue of the demo's round: only those invited to it. */
export function demoRoleSeesVenue(demo: DemoData, r: DemoRoleKey): boolean {
  return demo.roundInvitees.includes(r);
}

/**
 * Who may know of a seat in a party's delegation awaiting its consent, offered by the facilitator:
 * the party's delegation, the person concerned, whoever asked for it and those who manage the
 * process's people (the facilitator and the lead mediator) — nobody else.
 */
export function demoRoleKnowsSeat(r: DemoRoleKey, party: 'gov' | 'opp'): boolean {
  return (
    (delegation[party] as readonly string[]).includes(r) || r === 'admin' || r === 'leadMediator'
  );
}

/** Who confirms a seat in a party's delegation: its head (the demo makes no delegation admin). */
export const confirmsSeatOf = (r: DemoRoleKey, party: 'gov' | 'opp'): boolean =>
  r === `${party}Head`;

/** Who reads the process's audit log: the facilitator and the lead mediator. */
export const auditReaders: readonly DemoRoleKey[] = ['admin', 'leadMediator'];

/**
 * Whether a demo role may witness an audit scope of the demo process (its tree heads and proofs):
 * a compartment's log if it reads the compartment, the set-up's as a member, its own reads', and
 * another member's reads' if it reads the process's audit log.
 */
export function demoRoleWitnesses(
  demo: DemoData,
  r: DemoRoleKey,
  scope:
    | { kind: 'compartment'; compartment: Compartment }
    | { kind: 'process' }
    | { kind: 'member'; of: DemoRoleKey },
): boolean {
  switch (scope.kind) {
    case 'compartment':
      return demoRoleReads(demo, r, scope.compartment);
    case 'process':
      return true;
    case 'member':
      return scope.of === r || auditReaders.includes(r);
  }
}

/**
 * Decision support (docs/who-sees-what.md, "Decision support"): the mediator team and the
 * parties' delegations read the analysis and the published suggestion sets; nobody else does.
 */
export const decisionSupportReaders: readonly DemoRoleKey[] = [
  'leadMediator',
  'mediator',
  'govHead',
  'govDelegate',
  'oppHead',
  'oppDelegate',
];

/** Who submits a party's ratings: its head of delegation and its delegates. */
export const submitters: readonly DemoRoleKey[] = [
  'govHead',
  'govDelegate',
  'oppHead',
  'oppDelegate',
];

/** Who publishes a suggestion set: the lead mediator and the mediators. */
export const publishers: readonly DemoRoleKey[] = ['leadMediator', 'mediator'];

/** Who sets how many suggestion sets a round allows: the facilitator, never the publishers. */
export const boundSetters: readonly DemoRoleKey[] = ['admin'];

/**
 * Implementation (docs/who-sees-what.md, "Implementation"): the lead mediator and mediators plan
 * it (commitments, themes, levels, imports); guarantors and observers who read the plenary verify
 * or dispute levels; a responsible party's head and delegates, the mediator team and guarantors or
 * observers submit evidence.
 */
export const implementationPlanners: readonly DemoRoleKey[] = ['leadMediator', 'mediator'];

/** The demo's guarantor and observer: they read the plenary they were given, and write nothing. */
export const accompanying: readonly DemoRoleKey[] = ['guarantor', 'observer'];

/** Who verifies or disputes levels in the demo: its guarantor and observer, given the plenary. */
export const levelVerifiers: readonly DemoRoleKey[] = accompanying;

/** Who may submit evidence for a commitment for which only `party` is responsible. */
export function submitsEvidence(r: DemoRoleKey, party: 'gov' | 'opp'): boolean {
  return (
    r === `${party}Head` ||
    r === `${party}Delegate` ||
    team.includes(r) ||
    levelVerifiers.includes(r)
  );
}
