/**
 * Word-level differences between two versions of a text, and the provision-by-provision comparison
 * of two competing texts (a party signed version N while another tabled N′).
 *
 * Provisions are matched by their stable key, never by number, so a provision that was renumbered
 * because another was inserted before it is still "the same provision". Each provision's wording is
 * compared in its plain-text form (`printBody`: brackets, alternatives and attributions included),
 * word by word with jsdiff's `diffWordsWithSpace`, which keeps every space as a token so that the
 * operations reproduce both wordings exactly.
 */
import { diffWordsWithSpace } from 'diff';
import { DomainError } from '../shared/errors.js';
import type { ChapterId, ProvisionId } from '../shared/ids.js';
import {
  countOpen,
  listProvisions,
  type LocatedProvision,
  type NegotiatingText,
  type ProvisionStatus,
} from './model.js';
import { mergeOrder, movedKeys } from './order.js';
import { printBody, type PartyDirectory } from './plain-text.js';
import { canonicalJson } from './version.js';

/** One step of a word-level diff. */
export interface WordOp {
  /** Kept, inserted in the newer wording, or deleted from the older one. */
  readonly op: 'equal' | 'insert' | 'delete';
  /** The words (with their spaces) concerned. */
  readonly text: string;
}

/** The word-level operations that turn `from` into `to`; empty when both are empty. */
export function diffWording(from: string, to: string): WordOp[] {
  if (from === to) return from === '' ? [] : [{ op: 'equal', text: from }];
  return diffWordsWithSpace(from, to).map((c): WordOp => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
}

/** Applies word operations to `from`; raises INVALID_INPUT when they were not made from it. */
export function applyWordOps(from: string, ops: readonly WordOp[]): string {
  let cursor = 0;
  let out = '';
  for (const { op, text } of ops) {
    if (op === 'insert') {
      out += text;
      continue;
    }
    if (!from.startsWith(text, cursor)) {
      throw new DomainError('INVALID_INPUT', `the diff does not apply at character ${cursor}`);
    }
    cursor += text.length;
    if (op === 'equal') out += text;
  }
  if (cursor !== from.length) {
    throw new DomainError('INVALID_INPUT', 'the diff does not cover the whole wording');
  }
  return out;
}

/** A provision as it stands in one of the two texts compared. */
export interface ProvisionSnapshot {
  /** Its number in that text, e.g. "2.3". */
  readonly number: string;
  /** The chapter it is in. */
  readonly chapterKey: ChapterId;
  /** Its status in that text. */
  readonly status: ProvisionStatus;
  /** Its wording in the plain-text syntax. */
  readonly wording: string;
  /** Open brackets plus open alternatives groups. */
  readonly open: number;
}

function snapshot(located: LocatedProvision, parties: PartyDirectory): ProvisionSnapshot {
  const open = countOpen(located.provision.body);
  return {
    number: located.number,
    chapterKey: located.chapterKey,
    status: located.provision.status,
    wording: printBody(located.provision.body, parties),
    open: open.brackets + open.alternativeGroups,
  };
}

function byKey(text: NegotiatingText): Map<ProvisionId, LocatedProvision> {
  return new Map(listProvisions(text).map((p) => [p.provision.key, p]));
}

/** How a provision changed between two versions. */
export interface ProvisionDiff {
  /** The provision's stable key. */
  readonly key: ProvisionId;
  /** Added, removed, changed (wording, status or place) or unchanged (perhaps renumbered). */
  readonly change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** The provision in the older version; null when added. */
  readonly from: ProvisionSnapshot | null;
  /** The provision in the newer version; null when removed. */
  readonly to: ProvisionSnapshot | null;
  /** True when the wording (including brackets and attributions) differs. */
  readonly wordingChanged: boolean;
  /** True when the status differs. */
  readonly statusChanged: boolean;
  /** True when it moved to another chapter. */
  readonly chapterChanged: boolean;
  /** True when it changed place (another chapter, or reordered), beyond mere renumbering. */
  readonly moved: boolean;
  /** Word operations from the old wording to the new; empty when the wording did not change. */
  readonly ops: readonly WordOp[];
}

/** How a chapter changed between two versions. */
export interface ChapterDiff {
  /** The chapter's stable key. */
  readonly key: ChapterId;
  /** Added, removed, retitled, or unchanged (perhaps renumbered). */
  readonly change: 'added' | 'removed' | 'retitled' | 'unchanged';
  /** Number (from 1) and title in the older version; null when added. */
  readonly from: { readonly number: number; readonly title: string } | null;
  /** Number (from 1) and title in the newer version; null when removed. */
  readonly to: { readonly number: number; readonly title: string } | null;
}

/** The difference between two versions of a text. */
export interface TextDiff {
  /** True when the two texts are exactly the same (same canonical serialisation). */
  readonly identical: boolean;
  /** The title change, or null. */
  readonly title: { readonly from: string; readonly to: string } | null;
  /** Every chapter of either version, in the newer order (removed ones where they stood). */
  readonly chapters: readonly ChapterDiff[];
  /** Every provision of either version, in the newer order (removed ones where they stood). */
  readonly provisions: readonly ProvisionDiff[];
  /** How many provisions were added, removed, changed and left unchanged. */
  readonly summary: Readonly<Record<ProvisionDiff['change'], number>>;
}

/** The word-level difference between an older and a newer version of a text. */
export function diffTexts(
  from: NegotiatingText,
  to: NegotiatingText,
  parties: PartyDirectory,
): TextDiff {
  const old = byKey(from);
  const next = byKey(to);
  const order = mergeOrder([...next.keys()], [...old.keys()]);
  const moved = movedKeys([...old.keys()], [...next.keys()]);
  const provisions = order.map((key): ProvisionDiff => {
    const a = old.get(key);
    const b = next.get(key);
    const before = a === undefined ? null : snapshot(a, parties);
    const after = b === undefined ? null : snapshot(b, parties);
    if (before === null || after === null) {
      const only = before ?? after;
      return {
        key,
        change: before === null ? 'added' : 'removed',
        from: before,
        to: after,
        wordingChanged: true,
        statusChanged: true,
        chapterChanged: false,
        moved: false,
        ops:
          only === null || only.wording === ''
            ? []
            : [{ op: before === null ? 'insert' : 'delete', text: only.wording }],
      };
    }
    const wordingChanged = before.wording !== after.wording;
    const statusChanged = before.status !== after.status;
    const chapterChanged = before.chapterKey !== after.chapterKey;
    const wasMoved = chapterChanged || moved.has(key);
    return {
      key,
      change: wordingChanged || statusChanged || wasMoved ? 'changed' : 'unchanged',
      from: before,
      to: after,
      wordingChanged,
      statusChanged,
      chapterChanged,
      moved: wasMoved,
      ops: wordingChanged ? diffWording(before.wording, after.wording) : [],
    };
  });

  const oldChapters = new Map(
    from.chapters.map((c, i) => [c.key, { number: i + 1, title: c.title }]),
  );
  const newChapters = new Map(
    to.chapters.map((c, i) => [c.key, { number: i + 1, title: c.title }]),
  );
  const chapters = mergeOrder([...newChapters.keys()], [...oldChapters.keys()]).map(
    (key): ChapterDiff => {
      const a = oldChapters.get(key) ?? null;
      const b = newChapters.get(key) ?? null;
      const change =
        a === null
          ? 'added'
          : b === null
            ? 'removed'
            : a.title !== b.title
              ? 'retitled'
              : 'unchanged';
      return { key, change, from: a, to: b };
    },
  );

  const summary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const p of provisions) summary[p.change] += 1;
  return {
    identical: canonicalJson(from) === canonicalJson(to),
    title: from.title === to.title ? null : { from: from.title, to: to.title },
    chapters,
    provisions,
    summary,
  };
}

/** How one provision reads in two competing texts. */
export interface ProvisionComparison {
  /** The provision's stable key. */
  readonly key: ProvisionId;
  /** The provision in text A (e.g. the version a party signed); null when only in B. */
  readonly a: ProvisionSnapshot | null;
  /** The provision in text B (e.g. the alternative text another party tabled); null when only in A. */
  readonly b: ProvisionSnapshot | null;
  /** Same wording and status; wording differs; only the status differs; or present in one only. */
  readonly relation: 'same' | 'wording_differs' | 'status_differs' | 'only_in_a' | 'only_in_b';
  /** Word operations from A's wording to B's; empty when the wording is the same. */
  readonly ops: readonly WordOp[];
}

/** Two texts compared provision by provision. */
export interface TextComparison {
  /** Every provision of either text, in A's order (B's own provisions where they stand in B). */
  readonly rows: readonly ProvisionComparison[];
  /** How many provisions stand in each relation. */
  readonly summary: Readonly<Record<ProvisionComparison['relation'], number>>;
}

/**
 * Compares two texts provision by provision, e.g. the version party A signed with the text party B
 * tabled: which provisions read the same, which differ and how, which exist in one text only.
 */
export function compareTexts(
  a: NegotiatingText,
  b: NegotiatingText,
  parties: PartyDirectory,
): TextComparison {
  const left = byKey(a);
  const right = byKey(b);
  const rows = mergeOrder([...left.keys()], [...right.keys()]).map((key): ProvisionComparison => {
    const l = left.get(key);
    const r = right.get(key);
    const sa = l === undefined ? null : snapshot(l, parties);
    const sb = r === undefined ? null : snapshot(r, parties);
    if (sa === null) return { key, a: null, b: sb, relation: 'only_in_b', ops: [] };
    if (sb === null) return { key, a: sa, b: null, relation: 'only_in_a', ops: [] };
    if (sa.wording !== sb.wording) {
      return {
        key,
        a: sa,
        b: sb,
        relation: 'wording_differs',
        ops: diffWording(sa.wording, sb.wording),
      };
    }
    return {
      key,
      a: sa,
      b: sb,
      relation: sa.status === sb.status ? 'same' : 'status_differs',
      ops: [],
    };
  });
  const summary = { same: 0, wording_differs: 0, status_differs: 0, only_in_a: 0, only_in_b: 0 };
  for (const row of rows) summary[row.relation] += 1;
  return { rows, summary };
}
