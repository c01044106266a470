/**
 * The change list published with a facilitator's revised draft. As at Camp David, the mediators
 * collect each side's criticism privately and issue a revised text "without saying who asked for
 * what": the list therefore names provisions and the nature of each change, and nothing else — no
 * party, no holder, no quoted wording (wording would show bracket attributions), no amendment.
 * It is built from the two texts alone, so it cannot know who asked.
 */
import type { ProvisionId } from '../shared/ids.js';
import {
  countOpen,
  listProvisions,
  romanNumeral,
  sameBody,
  type LocatedProvision,
  type NegotiatingText,
  type ProvisionStatus,
  type Segment,
} from './model.js';
import { movedKeys } from './order.js';

/** The kinds of change a change list reports. */
export type ChangeKind =
  'added' | 'removed' | 'wording' | 'attribution' | 'status' | 'moved' | 'retitled';

/** One line of a change list. */
export interface ChangeListEntry {
  /** Whether the line is about the text's title, a chapter or a provision. */
  readonly scope: 'text' | 'chapter' | 'provision';
  /** The provision number ("2.3") or chapter ("Chapter II") in the revised draft; null when removed. */
  readonly reference: string | null;
  /** Its number in the previous version when different (or when removed); null otherwise. */
  readonly formerReference: string | null;
  /** What changed. */
  readonly changes: readonly ChangeKind[];
  /** Open brackets plus alternatives groups before and after, for provisions present in both. */
  readonly open: { readonly before: number; readonly after: number } | null;
  /** The line as shown to the delegations. */
  readonly description: string;
}

const statusText: Record<ProvisionStatus, string> = {
  open: 'open',
  bracketed: 'bracketed',
  agreed_ad_referendum: 'agreed ad referendum',
  agreed: 'agreed',
};

/** The wording alone: holders and notes left out, so that a change of attribution is told apart. */
function bareWording(body: readonly Segment[]): string {
  return body
    .map((s) =>
      s.kind === 'plain'
        ? s.text
        : s.kind === 'bracket'
          ? `[${s.text}]`
          : s.options.map((o) => `[${o.text}]`).join('/'),
    )
    .join('');
}

function openCount(p: LocatedProvision): number {
  const open = countOpen(p.provision.body);
  return open.brackets + open.alternativeGroups;
}

function provisionEntry(
  before: LocatedProvision | undefined,
  after: LocatedProvision | undefined,
  context: {
    readonly from: NegotiatingText;
    readonly to: NegotiatingText;
    readonly moved: Set<ProvisionId>;
  },
): ChangeListEntry | null {
  if (after === undefined) {
    if (before === undefined) return null;
    return {
      scope: 'provision',
      reference: null,
      formerReference: before.number,
      changes: ['removed'],
      open: null,
      description: `Provision ${before.number} of the previous version deleted.`,
    };
  }
  if (before === undefined) {
    return {
      scope: 'provision',
      reference: after.number,
      formerReference: null,
      changes: ['added'],
      open: null,
      description: `New provision ${after.number}.`,
    };
  }
  const changes: ChangeKind[] = [];
  const parts: string[] = [];
  const a = before.provision;
  const b = after.provision;
  if (bareWording(a.body) !== bareWording(b.body)) {
    changes.push('wording');
    parts.push('wording revised');
  } else if (!sameBody(a.body, b.body)) {
    changes.push('attribution');
    parts.push('attribution or notes of bracketed wording revised');
  }
  const open = { before: openCount(before), after: openCount(after) };
  if (open.before !== open.after) parts.push(`open brackets ${open.before} → ${open.after}`);
  // open ↔ bracketed follows from the wording, already told by the count of open brackets.
  const derived = (s: ProvisionStatus): boolean => s === 'open' || s === 'bracketed';
  if (a.status !== b.status && !(derived(a.status) && derived(b.status))) {
    changes.push('status');
    const reopened = a.status === 'agreed' || a.status === 'agreed_ad_referendum';
    parts.push(
      reopened && (b.status === 'open' || b.status === 'bracketed')
        ? `reopened (was ${statusText[a.status]})`
        : `now ${statusText[b.status]}`,
    );
  }
  if (before.chapterKey !== after.chapterKey) {
    changes.push('moved');
    const chapterIndex = context.from.chapters.findIndex((c) => c.key === before.chapterKey);
    const stillThere = context.to.chapters.some((c) => c.key === before.chapterKey);
    parts.push(
      stillThere
        ? `moved from Chapter ${romanNumeral(chapterIndex + 1)}`
        : 'moved from a chapter since removed',
    );
  } else if (context.moved.has(after.provision.key)) {
    changes.push('moved');
    parts.push('moved within the chapter');
  }
  if (changes.length === 0) return null;
  const renumbered = before.number !== after.number;
  return {
    scope: 'provision',
    reference: after.number,
    formerReference: renumbered ? before.number : null,
    changes,
    open,
    description: `Provision ${after.number}${renumbered ? ` (formerly ${before.number})` : ''}: ${parts.join('; ')}.`,
  };
}

/**
 * The change list from one version to its revision, in the revision's reading order (deleted
 * provisions last). Renumbering alone is not a change; it shows as "(formerly 2.3)" on lines that
 * have another change. A provision counts as moved when it changed chapter, or when its place
 * among the provisions both versions share changed (the fewest moves that explain the new order).
 */
export function revisionChangeList(from: NegotiatingText, to: NegotiatingText): ChangeListEntry[] {
  const entries: ChangeListEntry[] = [];
  if (from.title !== to.title) {
    entries.push({
      scope: 'text',
      reference: null,
      formerReference: null,
      changes: ['retitled'],
      open: null,
      description: 'Title of the text revised.',
    });
  }
  const oldChapters = new Map(from.chapters.map((c, i) => [c.key, { c, i }]));
  const newChapters = new Map(to.chapters.map((c, i) => [c.key, { c, i }]));
  for (const [key, { c, i }] of newChapters) {
    const old = oldChapters.get(key);
    const reference = `Chapter ${romanNumeral(i + 1)}`;
    if (old === undefined) {
      entries.push({
        scope: 'chapter',
        reference,
        formerReference: null,
        changes: ['added'],
        open: null,
        description: `New ${reference}.`,
      });
    } else if (old.c.title !== c.title) {
      const former = `Chapter ${romanNumeral(old.i + 1)}`;
      entries.push({
        scope: 'chapter',
        reference,
        formerReference: former === reference ? null : former,
        changes: ['retitled'],
        open: null,
        description: `${reference}${former === reference ? '' : ` (formerly ${former})`}: title revised.`,
      });
    }
  }
  for (const [key, { i }] of oldChapters) {
    if (newChapters.has(key)) continue;
    const former = `Chapter ${romanNumeral(i + 1)}`;
    entries.push({
      scope: 'chapter',
      reference: null,
      formerReference: former,
      changes: ['removed'],
      open: null,
      description: `${former} of the previous version deleted.`,
    });
  }
  const old = new Map(listProvisions(from).map((p) => [p.provision.key, p]));
  const next = listProvisions(to);
  const context = {
    from,
    to,
    moved: movedKeys(
      [...old.keys()],
      next.map((p) => p.provision.key),
    ),
  };
  for (const after of next) {
    const entry = provisionEntry(old.get(after.provision.key), after, context);
    if (entry !== null) entries.push(entry);
  }
  const kept = new Set(next.map((p) => p.provision.key));
  for (const before of old.values()) {
    if (kept.has(before.provision.key)) continue;
    const entry = provisionEntry(before, undefined, context);
    if (entry !== null) entries.push(entry);
  }
  return entries;
}

/** The change list as lines of text, ready for the note of a published version. */
export function formatChangeList(entries: readonly ChangeListEntry[]): string {
  if (entries.length === 0) return 'No changes from the previous version.';
  return entries.map((e) => `- ${e.description}`).join('\n');
}
