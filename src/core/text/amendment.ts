/**
 * Amendments a party proposes to a provision, in its bilateral channel, and what the mediators do
 * with them: accept one as a bracketed alternative attributed to the party, merge it into the
 * text, or decline it (the text does not change). The party then sees the outcome.
 *
 * Anchoring. An amendment points at wording by quoting it, with an occurrence number when the
 * same words appear more than once in the provision: `{ quote: "six months", occurrence: 1 }`.
 * A quote survives edits elsewhere in the provision and in the text, which a segment index and
 * word offsets would not (every accepted amendment or resolved bracket shifts them), and it says
 * in the amendment itself what the party wanted changed. If the quoted words are no longer there
 * when the mediators act, the amendment is refused as RULE_VIOLATION (`anchor_not_found`) rather
 * than applied in the wrong place. A quote must lie within one piece of wording: plain wording, one
 * bracket, or one alternative; it is matched exactly (case and spaces included).
 *
 * Accepting as an alternative never removes anyone's wording:
 *   - in plain wording, an insertion becomes a bracket held by the party; a deletion brackets the
 *     quoted words, held by the party, with the note "deletion proposed"; a replacement becomes
 *     alternatives: the mediators' wording (Alt 1) and the party's (Alt 2);
 *   - inside a bracket, the bracket becomes alternatives: the bracket as it was (Alt 1, same holder)
 *     and the bracket as amended (Alt 2, held by the party);
 *   - inside an alternative, the amended wording is added as a further alternative held by the party.
 * Merging changes the wording in place (a bracket or alternative keeps its holder; a bracket whose
 * wording is deleted entirely disappears). Either way an agreed (or ad referendum) provision must be
 * reopened first, and the provision's status is re-derived.
 */
import { DomainError, notFound } from '../shared/errors.js';
import type { AmendmentId, PartyId, ProvisionId } from '../shared/ids.js';
import { assertWordingEditable, updateProvision } from './edit.js';
import {
  derivedStatus,
  findProvision,
  mediators,
  normalizeBody,
  normalizeWording,
  sameBody,
  type Alternative,
  type Holder,
  type NegotiatingText,
  type Provision,
  type Segment,
} from './model.js';
import { removeSegment, spaceAfter, spaceBefore, tidyJoin, trimWording } from './wording.js';

/** Quoted words of the provision, and which occurrence (from 1) when they appear more than once. */
export interface QuoteAnchor {
  /** The exact words, within one piece of wording. */
  readonly quote: string;
  /** Which occurrence of the quote, counted from 1 in reading order. */
  readonly occurrence: number;
}

/** An insertion at the very start or end of the provision. */
export interface EdgeInsertion {
  /** Which edge. */
  readonly position: 'start' | 'end';
}

/** An insertion next to quoted words. */
export interface QuotedInsertion extends QuoteAnchor {
  /** Just before or just after the quoted words. */
  readonly position: 'before' | 'after';
}

/** Where an insertion goes. */
export type InsertionPoint = EdgeInsertion | QuotedInsertion;

/** What the party proposes to change. */
export type AmendmentChange =
  | {
      /** Insert new wording. */
      readonly kind: 'insert';
      /** Where. */
      readonly at: InsertionPoint;
      /** The wording to insert (spaces are added where it would run into a word). */
      readonly wording: string;
    }
  | {
      /** Delete the quoted words. */
      readonly kind: 'delete';
      /** Which words. */
      readonly target: QuoteAnchor;
    }
  | {
      /** Replace the quoted words. */
      readonly kind: 'replace';
      /** Which words. */
      readonly target: QuoteAnchor;
      /** The replacement wording. */
      readonly wording: string;
    };

/** An amendment to one provision, proposed by a party. */
export interface Amendment {
  /** The amendment's id. */
  readonly id: AmendmentId;
  /** The provision it amends. */
  readonly provision: ProvisionId;
  /** The party that proposed it (it holds the resulting brackets). */
  readonly proposedBy: PartyId;
  /** What it changes. */
  readonly change: AmendmentChange;
}

/** What the mediators decide. */
export type AmendmentDecision = 'accept_as_alternative' | 'merge' | 'decline';

/** What the party sees of its amendment. */
export type AmendmentOutcome = 'pending' | 'accepted_as_alternative' | 'merged' | 'declined';

/** The outcome each decision gives. */
export const outcomeOf: Readonly<Record<AmendmentDecision, AmendmentOutcome>> = {
  accept_as_alternative: 'accepted_as_alternative',
  merge: 'merged',
  decline: 'declined',
};

/** One place where a quote occurs in a provision. */
export interface QuoteMatch {
  /** Index of the segment holding it. */
  readonly segment: number;
  /** Index of the alternative holding it, or null in plain wording or a bracket. */
  readonly option: number | null;
  /** Start offset within that piece of wording. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
}

/** Every occurrence of a quote in a provision, in reading order (to choose `occurrence` in a UI). */
export function locateQuote(provision: Provision, quote: string): QuoteMatch[] {
  const matches: QuoteMatch[] = [];
  if (quote === '') return matches;
  const scan = (text: string, segment: number, option: number | null): void => {
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length)) {
      matches.push({ segment, option, start: at, end: at + quote.length });
    }
  };
  provision.body.forEach((s, i) => {
    if (s.kind === 'alternatives') s.options.forEach((o, j) => scan(o.text, i, j));
    else scan(s.text, i, null);
  });
  return matches;
}

function anchor(provision: Provision, target: QuoteAnchor): QuoteMatch {
  const matches = locateQuote(provision, normalizeWording(target.quote));
  const match = matches[target.occurrence - 1];
  if (match === undefined) {
    throw new DomainError(
      'RULE_VIOLATION',
      `the quoted words are no longer in the provision (occurrence ${target.occurrence} of ${matches.length})`,
      {
        reason: 'anchor_not_found',
        quote: target.quote,
        occurrence: target.occurrence,
        found: matches.length,
      },
    );
  }
  return match;
}

/** The amendment as an edit of one piece of wording: offsets and the new words. */
interface Splice {
  readonly match: QuoteMatch | 'start' | 'end';
  readonly start: number;
  readonly end: number;
  readonly wording: string;
  readonly kind: AmendmentChange['kind'];
}

function spliceOf(provision: Provision, change: AmendmentChange): Splice {
  switch (change.kind) {
    case 'insert': {
      const wording = trimWording(normalizeWording(change.wording));
      if (wording === '') throw new DomainError('RULE_VIOLATION', 'an insertion needs wording');
      const point = change.at;
      if (point.position === 'before' || point.position === 'after') {
        const match = anchor(provision, point);
        const at = point.position === 'before' ? match.start : match.end;
        return { match, start: at, end: at, wording, kind: 'insert' };
      }
      return { match: point.position, start: 0, end: 0, wording, kind: 'insert' };
    }
    case 'delete': {
      const match = anchor(provision, change.target);
      return { match, start: match.start, end: match.end, wording: '', kind: 'delete' };
    }
    case 'replace': {
      const match = anchor(provision, change.target);
      const wording = trimWording(normalizeWording(change.wording));
      if (wording === pieceText(provision, match).slice(match.start, match.end)) {
        throw new DomainError('RULE_VIOLATION', 'the replacement is the same as the quoted words');
      }
      return { match, start: match.start, end: match.end, wording, kind: 'replace' };
    }
  }
}

/** The piece of wording a match points into. */
function pieceText(provision: Provision, match: QuoteMatch): string {
  const segment = provision.body[match.segment];
  if (segment === undefined) throw notFound('segment');
  if (segment.kind !== 'alternatives') return segment.text;
  return segment.options[match.option ?? -1]?.text ?? '';
}

/** Splices wording into a string the way a drafter would (spaces kept tidy). */
function splicedText(text: string, start: number, end: number, wording: string): string {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (wording === '') return tidyJoin(before, after);
  return before + spaceBefore(before, wording) + wording + spaceAfter(wording, after) + after;
}

function replaceSegment(
  body: readonly Segment[],
  index: number,
  by: readonly Segment[],
): Segment[] {
  return normalizeBody([...body.slice(0, index), ...by, ...body.slice(index + 1)]);
}

function merge(provision: Provision, splice: Splice): Segment[] {
  const { body } = provision;
  if (splice.match === 'start') {
    // Before a bracket the neighbour reads as "[", which a word must not run into.
    const first = body[0];
    const next = first === undefined ? '' : first.kind === 'plain' ? first.text : '[';
    return normalizeBody([
      { kind: 'plain', text: splice.wording + spaceAfter(splice.wording, next) },
      ...body,
    ]);
  }
  if (splice.match === 'end') {
    const last = body[body.length - 1];
    const previous = last === undefined ? '' : last.kind === 'plain' ? last.text : ']';
    return normalizeBody([
      ...body,
      { kind: 'plain', text: spaceBefore(previous, splice.wording) + splice.wording },
    ]);
  }
  const { match } = splice;
  const segment = body[match.segment];
  const amended = splicedText(
    pieceText(provision, match),
    splice.start,
    splice.end,
    splice.wording,
  );
  switch (segment?.kind) {
    case 'plain':
      return replaceSegment(body, match.segment, [{ kind: 'plain', text: amended }]);
    case 'bracket':
      return amended === ''
        ? removeSegment(body, match.segment)
        : replaceSegment(body, match.segment, [{ ...segment, text: amended }]);
    case 'alternatives':
      return replaceSegment(body, match.segment, [
        {
          kind: 'alternatives',
          options: segment.options.map((o, j) =>
            j === match.option ? { ...o, text: amended } : o,
          ),
        },
      ]);
    case undefined:
      throw notFound('segment');
  }
}

function asAlternative(provision: Provision, splice: Splice, proposer: Holder): Segment[] {
  const { body } = provision;
  const proposed = (text: string, note: string | null = null): Segment => ({
    kind: 'bracket',
    text,
    holder: proposer,
    note,
  });
  if (splice.match === 'start') {
    return normalizeBody([proposed(splice.wording), { kind: 'plain', text: ' ' }, ...body]);
  }
  if (splice.match === 'end') {
    return normalizeBody([...body, { kind: 'plain', text: ' ' }, proposed(splice.wording)]);
  }
  const { match } = splice;
  const segment = body[match.segment];
  const original = pieceText(provision, match);
  switch (segment?.kind) {
    case 'plain': {
      const before = original.slice(0, splice.start);
      const after = original.slice(splice.end);
      const quoted = original.slice(splice.start, splice.end);
      let middle: Segment[];
      if (splice.kind === 'insert') {
        middle = [
          { kind: 'plain', text: spaceBefore(before, splice.wording) },
          proposed(splice.wording),
          { kind: 'plain', text: spaceAfter(splice.wording, after) },
        ];
      } else if (splice.kind === 'delete') {
        middle = [proposed(quoted, 'deletion proposed')];
      } else {
        const options: Alternative[] = [
          { text: quoted, holder: mediators, note: null },
          { text: splice.wording, holder: proposer, note: null },
        ];
        middle = [{ kind: 'alternatives', options }];
      }
      return replaceSegment(body, match.segment, [
        { kind: 'plain', text: before },
        ...middle,
        { kind: 'plain', text: after },
      ]);
    }
    case 'bracket': {
      const amended = splicedText(original, splice.start, splice.end, splice.wording);
      return replaceSegment(body, match.segment, [
        {
          kind: 'alternatives',
          options: [
            { text: segment.text, holder: segment.holder, note: segment.note },
            { text: amended, holder: proposer, note: null },
          ],
        },
      ]);
    }
    case 'alternatives': {
      const amended = splicedText(original, splice.start, splice.end, splice.wording);
      return replaceSegment(body, match.segment, [
        {
          kind: 'alternatives',
          options: [...segment.options, { text: amended, holder: proposer, note: null }],
        },
      ]);
    }
    case undefined:
      throw notFound('segment');
  }
}

/** The text after the mediators' decision on an amendment, and the outcome the party sees. */
export interface AmendmentResult {
  /** The text (the same object when the amendment was declined). */
  readonly text: NegotiatingText;
  /** What the party is told. */
  readonly outcome: AmendmentOutcome;
}

/**
 * Applies the mediators' decision on an amendment. Raises NOT_FOUND when the provision is gone,
 * RULE_VIOLATION when it is agreed (reopen it first), when the quoted words are no longer there,
 * or when the amendment would change nothing.
 */
export function decideAmendment(
  text: NegotiatingText,
  amendment: Amendment,
  decision: AmendmentDecision,
): AmendmentResult {
  if (decision === 'decline') {
    if (findProvision(text, amendment.provision) === null) throw notFound('provision');
    return { text, outcome: 'declined' };
  }
  const updated = updateProvision(text, amendment.provision, (provision, where) => {
    assertWordingEditable(where);
    const splice = spliceOf(provision, amendment.change);
    const body =
      decision === 'merge'
        ? merge(provision, splice)
        : asAlternative(provision, splice, { kind: 'party', party: amendment.proposedBy });
    const result = { key: provision.key, status: derivedStatus(body), body };
    if (sameBody(body, provision.body)) {
      throw new DomainError('RULE_VIOLATION', 'the amendment would change nothing');
    }
    return result;
  });
  return { text: updated, outcome: outcomeOf[decision] };
}
