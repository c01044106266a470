/**
 * The labelled corpus made ready for measuring: markup removed, expected mentions with their
 * offsets in the clean text, the register as matchable actors.
 */
import { asId } from '../../shared/ids.js';
import type { MatchableActor } from '../mentions.js';
import type { MediaActorId } from '../model.js';
import { corpusActors } from './actors.js';
import { heldOutTexts } from './held-out.js';
import { corpusTexts, type CorpusEntry, type CorpusLanguage } from './texts.js';

/** An expected mention: actor key and offsets in the clean text. */
export interface ExpectedMention {
  /** The actor's corpus key. */
  key: string;
  /** Offset of the first character. */
  start: number;
  /** Offset after the last. */
  end: number;
}

/** One labelled text, ready to analyse. */
export interface LabelledText {
  /** Its language. */
  language: CorpusLanguage;
  /** The text without markup. */
  text: string;
  /** Mentions marked in it. */
  mentions: ExpectedMention[];
  /** Speakers of its quotations in order (corpus keys, or null). */
  speakers: (string | null)[];
}

/** Removes `[words|key]` markup, keeping where each marked run lands in the clean text. */
export function unmark(marked: string): { text: string; mentions: ExpectedMention[] } {
  const mentions: ExpectedMention[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(/\[([^\]|]+)\|([a-z]+)\]/g)) {
    text += marked.slice(last, m.index);
    const words = m[1] ?? '';
    mentions.push({ key: m[2] ?? '', start: text.length, end: text.length + words.length });
    text += words;
    last = (m.index ?? 0) + m[0].length;
  }
  return { text: text + marked.slice(last), mentions };
}

const ready = ([language, marked, speakers]: CorpusEntry): LabelledText => ({
  language,
  ...unmark(marked),
  speakers,
});

/** Every text of the corpus, without markup. */
export const labelledTexts: LabelledText[] = corpusTexts.map(ready);

/** The held-out texts, without markup. */
export const heldOutLabelled: LabelledText[] = heldOutTexts.map(ready);

/** The corpus register, its keys used as actor ids. */
export const corpusRegister: MatchableActor[] = corpusActors.map((a) => ({
  id: asId<'MediaActor'>(a.key) as MediaActorId,
  kind: a.kind,
  name: a.name,
  aliases: a.aliases,
}));
