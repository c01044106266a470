import type { CompartmentId, PartyId, ProcessId } from '../shared/ids.js';

/** The kinds of compartment. Every item lives in exactly one compartment of one process. */
export const compartmentKinds = ['public', 'plenary', 'caucus', 'mediators', 'bilateral'] as const;
export type CompartmentKind = (typeof compartmentKinds)[number];

/** A compartment: who sees it follows from its kind (and, for caucus and bilateral, its party). */
export type Compartment =
  | {
      id: CompartmentId;
      processId: ProcessId;
      kind: 'public' | 'plenary' | 'mediators';
      partyId: null;
    }
  | { id: CompartmentId; processId: ProcessId; kind: 'caucus' | 'bilateral'; partyId: PartyId };

/**
 * Whether `to` is strictly wider than `from`: everyone who may read `from` by role may read `to`.
 * caucus(p) < bilateral(p) < plenary < public, and mediators < plenary.
 */
export function isWider(from: Compartment, to: Compartment): boolean {
  if (from.processId !== to.processId || from.id === to.id) return false;
  const rank: Record<CompartmentKind, number> = {
    caucus: 0,
    mediators: 1,
    bilateral: 1,
    plenary: 2,
    public: 3,
  };
  switch (from.kind) {
    case 'caucus':
      return to.kind === 'bilateral' ? to.partyId === from.partyId : rank[to.kind] >= 2;
    case 'bilateral':
    case 'mediators':
    case 'plenary':
      return rank[to.kind] > rank[from.kind];
    case 'public':
      return false;
  }
}

/** A human label for a compartment, given party codes. */
export function compartmentLabel(c: Compartment, partyCode: (p: PartyId) => string): string {
  switch (c.kind) {
    case 'public':
      return 'Public';
    case 'plenary':
      return 'Plenary';
    case 'mediators':
      return 'Mediator team';
    case 'caucus':
      return `${partyCode(c.partyId)} caucus`;
    case 'bilateral':
      return `${partyCode(c.partyId)} – mediators bilateral`;
  }
}
