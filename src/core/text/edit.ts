/**
 * Structural edits of the working text: chapters and provisions added, retitled, moved, removed,
 * and a provision's wording replaced. Every edit returns a new text and leaves its input as it was.
 *
 * Agreed wording is protected: a provision that is agreed or agreed ad referendum cannot have its
 * wording replaced or be removed until the mediators reopen it (see `rules.ts`), so agreed text
 * never changes by accident. Moving it (which only renumbers it) is allowed.
 */
import { DomainError, notFound } from '../shared/errors.js';
import type { ChapterId, ProvisionId } from '../shared/ids.js';
import {
  findProvision,
  keyPattern,
  normalizeLine,
  normalizeProvision,
  type Chapter,
  type LocatedProvision,
  type NegotiatingText,
  type Provision,
  type Segment,
} from './model.js';

/** Applies `change` to one provision, found by key; raises NOT_FOUND when there is none. */
export function updateProvision(
  text: NegotiatingText,
  key: ProvisionId,
  change: (provision: Provision, where: LocatedProvision) => Provision,
): NegotiatingText {
  const where = findProvision(text, key);
  if (where === null) throw notFound('provision');
  const updated = change(where.provision, where);
  return {
    title: text.title,
    chapters: text.chapters.map((chapter, chapterIndex) =>
      chapterIndex !== where.chapterIndex
        ? chapter
        : {
            ...chapter,
            provisions: chapter.provisions.map((p, i) => (i === where.index ? updated : p)),
          },
    ),
  };
}

/** Raises RULE_VIOLATION when the provision's wording is agreed (or agreed ad referendum). */
export function assertWordingEditable(where: LocatedProvision): void {
  const { status } = where.provision;
  if (status === 'agreed' || status === 'agreed_ad_referendum') {
    throw new DomainError(
      'RULE_VIOLATION',
      `provision ${where.number} is ${status === 'agreed' ? 'agreed' : 'agreed ad referendum'}; reopen it before changing its wording`,
      { provision: where.provision.key, status },
    );
  }
}

function chapterIndexOf(text: NegotiatingText, key: ChapterId): number {
  const index = text.chapters.findIndex((c) => c.key === key);
  if (index < 0) throw notFound('chapter');
  return index;
}

function assertNewKey(used: readonly string[], key: string, what: string): void {
  if (!keyPattern.test(key)) {
    throw new DomainError('INVALID_INPUT', `${what} key may hold letters, digits, - and _ only`);
  }
  if (used.includes(key)) throw new DomainError('CONFLICT', `${what} key is already used`);
}

function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined) return length;
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

/** What a new chapter needs. */
export interface NewChapter {
  /** Its stable key, unused in the text. */
  readonly key: ChapterId;
  /** Its title, one line. */
  readonly title: string;
  /** 0-based position among the chapters; at the end when absent. */
  readonly index?: number;
}

/** Adds an empty chapter; raises CONFLICT when the key is taken. */
export function addChapter(text: NegotiatingText, chapter: NewChapter): NegotiatingText {
  assertNewKey(
    text.chapters.map((c) => c.key),
    chapter.key,
    'chapter',
  );
  const chapters = [...text.chapters];
  chapters.splice(clampIndex(chapter.index, chapters.length), 0, {
    key: chapter.key,
    title: normalizeLine(chapter.title),
    provisions: [],
  });
  return { title: text.title, chapters };
}

/** Changes a chapter's title. */
export function retitleChapter(
  text: NegotiatingText,
  key: ChapterId,
  title: string,
): NegotiatingText {
  const index = chapterIndexOf(text, key);
  return {
    title: text.title,
    chapters: text.chapters.map((c, i) =>
      i === index ? { ...c, title: normalizeLine(title) } : c,
    ),
  };
}

/** Moves a chapter to a new 0-based position, renumbering the chapters in between. */
export function moveChapter(text: NegotiatingText, key: ChapterId, index: number): NegotiatingText {
  const from = chapterIndexOf(text, key);
  const chapters = [...text.chapters];
  const [chapter] = chapters.splice(from, 1);
  if (chapter === undefined) throw notFound('chapter');
  chapters.splice(clampIndex(index, chapters.length), 0, chapter);
  return { title: text.title, chapters };
}

/** Removes a chapter; it must be empty (move or remove its provisions first). */
export function removeChapter(text: NegotiatingText, key: ChapterId): NegotiatingText {
  const index = chapterIndexOf(text, key);
  if ((text.chapters[index]?.provisions.length ?? 0) > 0) {
    throw new DomainError('RULE_VIOLATION', 'only an empty chapter can be removed');
  }
  return { title: text.title, chapters: text.chapters.filter((c) => c.key !== key) };
}

/** Changes the text's title. */
export function retitleText(text: NegotiatingText, title: string): NegotiatingText {
  return { title: normalizeLine(title), chapters: text.chapters };
}

/** What a new provision needs. */
export interface NewProvision {
  /** The chapter it goes into. */
  readonly chapter: ChapterId;
  /** Its stable key, unused in the text. */
  readonly key: ProvisionId;
  /** Its wording (see `parseBody` to read it from the bracket syntax). */
  readonly body: readonly Segment[];
  /** 0-based position in the chapter; at the end when absent. */
  readonly index?: number;
}

/** Adds a provision; its status (open or bracketed) follows from its wording. */
export function addProvision(text: NegotiatingText, provision: NewProvision): NegotiatingText {
  const chapterIndex = chapterIndexOf(text, provision.chapter);
  assertNewKey(
    text.chapters.flatMap((c) => c.provisions.map((p) => p.key)),
    provision.key,
    'provision',
  );
  const created = normalizeProvision({ key: provision.key, status: 'open', body: provision.body });
  return {
    title: text.title,
    chapters: text.chapters.map((chapter, i) => {
      if (i !== chapterIndex) return chapter;
      const provisions = [...chapter.provisions];
      provisions.splice(clampIndex(provision.index, provisions.length), 0, created);
      return { ...chapter, provisions };
    }),
  };
}

/** Replaces a provision's wording; refused while it is agreed or agreed ad referendum. */
export function replaceProvisionBody(
  text: NegotiatingText,
  key: ProvisionId,
  body: readonly Segment[],
): NegotiatingText {
  return updateProvision(text, key, (provision, where) => {
    assertWordingEditable(where);
    return normalizeProvision({ key: provision.key, status: provision.status, body });
  });
}

/** Removes a provision; refused while it is agreed or agreed ad referendum. */
export function removeProvision(text: NegotiatingText, key: ProvisionId): NegotiatingText {
  const where = findProvision(text, key);
  if (where === null) throw notFound('provision');
  assertWordingEditable(where);
  return {
    title: text.title,
    chapters: text.chapters.map((c): Chapter => ({
      ...c,
      provisions: c.provisions.filter((p) => p.key !== key),
    })),
  };
}

/** Where a provision goes. */
export interface ProvisionPlace {
  /** The chapter it goes into (its own or another). */
  readonly chapter: ChapterId;
  /** 0-based position in that chapter once moved; at the end when absent. */
  readonly index?: number;
}

/** Moves a provision within its chapter or to another one; its number follows its new place. */
export function moveProvision(
  text: NegotiatingText,
  key: ProvisionId,
  place: ProvisionPlace,
): NegotiatingText {
  const where = findProvision(text, key);
  if (where === null) throw notFound('provision');
  const target = chapterIndexOf(text, place.chapter);
  const without = text.chapters.map((c): Chapter => ({
    ...c,
    provisions: c.provisions.filter((p) => p.key !== key),
  }));
  return {
    title: text.title,
    chapters: without.map((chapter, i) => {
      if (i !== target) return chapter;
      const provisions = [...chapter.provisions];
      provisions.splice(clampIndex(place.index, provisions.length), 0, where.provision);
      return { ...chapter, provisions };
    }),
  };
}
