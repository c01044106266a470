/**
 * The rules of a provision's status and of settling brackets.
 *
 * Statuses. `open` (no bracket) and `bracketed` (at least one open bracket or alternatives group)
 * are not chosen: they follow from the wording, and every change of wording re-derives them. The
 * mediators decide the other two:
 *
 *   from \ to              agreed ad referendum   agreed        open (reopen)
 *   open                   yes (1)                yes (1)       —
 *   bracketed              yes (1)                yes (1)       —
 *   agreed ad referendum   —                      yes           yes
 *   agreed                 no                     —             yes
 *
 *   (1) only when no bracket and no alternatives group of the provision is open.
 *
 * "Agreed ad referendum" (accepted by the delegations subject to their principals' approval) also
 * requires that nothing be open: a delegation can only refer to its principals a wording it has
 * accepted, and open brackets or alternatives are by definition wording nobody has accepted.
 * Principals confirming it makes it agreed; principals rejecting it reopens it. An agreed provision
 * can be reopened (nothing is agreed until everything is agreed), but not demoted to ad
 * referendum: once the principals have approved, taking that back is a reopening. A request for
 * `bracketed`, or for the status a provision already has, is an INVALID_TRANSITION.
 */
import { DomainError, notFound } from '../shared/errors.js';
import type { ProvisionId } from '../shared/ids.js';
import { assertWordingEditable, updateProvision } from './edit.js';
import {
  countOpen,
  derivedStatus,
  normalizeBody,
  type NegotiatingText,
  type Provision,
  type ProvisionStatus,
  type Segment,
} from './model.js';
import { removeSegment } from './wording.js';

/** Why a status change is or is not possible. */
export type TransitionCheck =
  | {
      /** The change may be made. */
      readonly ok: true;
      /** The status the provision will have (a reopened provision takes its derived status). */
      readonly status: ProvisionStatus;
    }
  | {
      /** The change may not be made. */
      readonly ok: false;
      /** INVALID_TRANSITION (never allowed) or RULE_VIOLATION (not while brackets are open). */
      readonly code: 'INVALID_TRANSITION' | 'RULE_VIOLATION';
      /** Why, in words. */
      readonly reason: string;
    };

/** The statuses the mediators may move a provision to from each status (see the table above). */
export const statusTransitions: Readonly<Record<ProvisionStatus, readonly ProvisionStatus[]>> = {
  open: ['agreed_ad_referendum', 'agreed'],
  bracketed: ['agreed_ad_referendum', 'agreed'],
  agreed_ad_referendum: ['agreed', 'open'],
  agreed: ['open'],
};

/** Says whether a provision may be moved to a status, and what its status would then be. */
export function checkTransition(provision: Provision, to: ProvisionStatus): TransitionCheck {
  const from = provision.status;
  if (!statusTransitions[from].includes(to)) {
    const reason =
      to === 'open' || to === 'bracketed'
        ? `"${to}" follows from the wording: add or resolve brackets instead`
        : `a provision cannot go from ${from} to ${to}`;
    return { ok: false, code: 'INVALID_TRANSITION', reason };
  }
  if (to === 'open') return { ok: true, status: derivedStatus(provision.body) };
  const open = countOpen(provision.body);
  if (open.brackets + open.alternativeGroups > 0) {
    return {
      ok: false,
      code: 'RULE_VIOLATION',
      reason: `${open.brackets} bracket(s) and ${open.alternativeGroups} alternatives group(s) are still open`,
    };
  }
  return { ok: true, status: to };
}

/** Moves a provision to a status, or raises INVALID_TRANSITION / RULE_VIOLATION. */
export function setProvisionStatus(
  text: NegotiatingText,
  key: ProvisionId,
  to: ProvisionStatus,
): NegotiatingText {
  return updateProvision(text, key, (provision, where) => {
    const check = checkTransition(provision, to);
    if (!check.ok) {
      throw new DomainError(check.code, `provision ${where.number}: ${check.reason}`, {
        provision: provision.key,
        from: provision.status,
        to,
        ...countOpen(provision.body),
      });
    }
    return { ...provision, status: check.status };
  });
}

/** How a bracket is settled: its wording kept as plain text, or dropped. */
export type BracketResolution = 'accept' | 'delete';

/** A segment of a provision, addressed by index (safe because edits name their base revision). */
export interface SegmentRef {
  /** The provision. */
  readonly provision: ProvisionId;
  /** 0-based index of the segment in the provision's body. */
  readonly segment: number;
}

function segmentAt(provision: Provision, index: number, number: string): Segment {
  const segment = provision.body[index];
  if (segment === undefined) throw notFound(`segment ${index} of provision ${number}`);
  return segment;
}

/**
 * Settles the bracket at `ref` (a provision's segment): `accept` keeps its wording as plain text,
 * `delete` drops it (without leaving a double space). The provision's status is re-derived, so
 * resolving the last bracket makes it open. Segments are addressed by index, which is safe because
 * every edit states the revision it started from (see `assertCurrentRevision`).
 */
export function resolveBracket(
  text: NegotiatingText,
  ref: SegmentRef,
  resolution: BracketResolution,
): NegotiatingText {
  const segmentIndex = ref.segment;
  return updateProvision(text, ref.provision, (provision, where) => {
    assertWordingEditable(where);
    const segment = segmentAt(provision, segmentIndex, where.number);
    if (segment.kind !== 'bracket') {
      throw new DomainError('RULE_VIOLATION', `segment ${segmentIndex} is not a bracket`, {
        kind: segment.kind,
      });
    }
    const body =
      resolution === 'accept'
        ? normalizeBody(
            provision.body.map((s, i) =>
              i === segmentIndex ? { kind: 'plain', text: segment.text } : s,
            ),
          )
        : removeSegment(provision.body, segmentIndex);
    return { key: provision.key, status: derivedStatus(body), body };
  });
}

/**
 * Settles the alternatives group at `ref` by choosing one alternative (0-based); its
 * wording becomes plain text (an empty alternative removes the passage). Status is re-derived.
 */
export function chooseAlternative(
  text: NegotiatingText,
  ref: SegmentRef,
  optionIndex: number,
): NegotiatingText {
  const segmentIndex = ref.segment;
  return updateProvision(text, ref.provision, (provision, where) => {
    assertWordingEditable(where);
    const segment = segmentAt(provision, segmentIndex, where.number);
    if (segment.kind !== 'alternatives') {
      throw new DomainError(
        'RULE_VIOLATION',
        `segment ${segmentIndex} is not a group of alternatives`,
        {
          kind: segment.kind,
        },
      );
    }
    const option = segment.options[optionIndex];
    if (option === undefined) throw notFound(`alternative ${optionIndex + 1}`);
    const body =
      option.text === ''
        ? removeSegment(provision.body, segmentIndex)
        : normalizeBody(
            provision.body.map((s, i) =>
              i === segmentIndex ? { kind: 'plain', text: option.text } : s,
            ),
          );
    return { key: provision.key, status: derivedStatus(body), body };
  });
}
