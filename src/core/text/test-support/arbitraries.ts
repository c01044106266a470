/**
 * fast-check generators of negotiating texts for the property tests. Wording deliberately mixes
 * the characters the plain-text syntax gives meaning to (brackets, braces, slashes, backslashes,
 * "Alt 1:", "#", "1.1") with Spanish and Norwegian letters, typographic punctuation, a no-break
 * space and an emoji, so that every escape rule is exercised.
 */
import fc from 'fast-check';
import { asId, type PartyId } from '../../shared/ids.js';
import {
  derivedStatus,
  mediators,
  normalizeText,
  unattributed,
  type Alternative,
  type Chapter,
  type Holder,
  type NegotiatingText,
  type Provision,
  type ProvisionStatus,
  type Segment,
} from '../model.js';
import type { PartyDirectory } from '../plain-text.js';

/** Three parties with codes, one of them with the less usual characters a code may hold. */
export const parties: PartyDirectory = [
  { id: asId<'Party'>('party-gov'), code: 'GOV' },
  { id: asId<'Party'>('party-opp'), code: 'OPP' },
  { id: asId<'Party'>('party-civ'), code: 'Civ_Soc-2' },
];

/** The id of the party coded GOV. */
export const gov: PartyId = asId<'Party'>('party-gov');
/** The id of the party coded OPP. */
export const opp: PartyId = asId<'Party'>('party-opp');

const letters = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'ñÑáéíóúüÁÉÍÓÚ¿¡æøåÆØÅ',
  '—',
  '–',
  '«',
  '»',
  '“',
  '”',
  '’',
  '\u00a0',
  '🕊️',
  '中',
];
const specials = ['[', ']', '{', '}', '\\', '/', ':', '#', '.', ',', ';', '(', ')', '?', '*', '%'];

const tricky = fc.constantFrom(
  'Alt',
  'Alt 1:',
  'Alt 2: ',
  'Option 3:',
  'Alternative',
  '1.1',
  '2.3.',
  '#',
  '# Chapter',
  'Chapter I',
  'Title:',
  '{#k}',
  '{agreed}',
  '\\[',
  '\\',
  '/',
  '[x]',
  '[a] / [b]',
  '{GOV}',
  'Mediators',
);

/** A "word": a run of letters and syntax characters, or a token the syntax could mistake. */
export const word: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 8 }),
  },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom(...letters, ...specials),
      minLength: 1,
      maxLength: 6,
    }),
  },
  { weight: 1, arbitrary: tricky },
);

const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', ' / ', '/', '\n  ', ' \n');

/** Wording: words joined by spaces, tabs, slashes and line breaks (normalisation tidies them). */
export const wording: fc.Arbitrary<string> = fc
  .tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 6 }))
  .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));

/** One-line text for titles and notes, possibly empty. */
export const line: fc.Arbitrary<string> = fc
  .array(word, { maxLength: 5 })
  .map((words) => words.join(' ').replace(/\n/g, ' '));

/** Any holder, parties included. */
export const holder: fc.Arbitrary<Holder> = fc.oneof(
  fc.constant(mediators),
  fc.constant(unattributed),
  fc.constantFrom(...parties.map((p): Holder => ({ kind: 'party', party: p.id }))),
);

const note = fc.option(line, { nil: null });
/** A note with its audience: a note that exists is sometimes marked for the parties. */
const markedNote = fc
  .tuple(note, fc.boolean())
  .map(([n, forParties]) =>
    n !== null && forParties ? { note: n, noteForParties: true as const } : { note: n },
  );

/** A segment of any kind. */
export const segment: fc.Arbitrary<Segment> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('', ' '), wording, fc.constantFrom('', ' '))
      .map(([a, w, b]): Segment => ({ kind: 'plain', text: a + w + b })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(wording, holder, markedNote)
      .map(([text, h, n]): Segment => ({ kind: 'bracket', text, holder: h, ...n })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc
          .tuple(fc.oneof(wording, fc.constant('')), holder, markedNote)
          .map(([text, h, n]): Alternative => ({ text, holder: h, ...n })),
        { minLength: 2, maxLength: 4 },
      )
      .map((options): Segment => ({ kind: 'alternatives', options })),
  },
);

/** A body: up to six segments of any kind (normalised by `text`). */
export const body: fc.Arbitrary<Segment[]> = fc.array(segment, { maxLength: 6 });

const decided = fc.constantFrom<ProvisionStatus>('open', 'agreed', 'agreed_ad_referendum');

/**
 * A well-formed, normalised text. Provision keys are `p-<n>` with n the provision's place in the
 * text, so two generated texts share keys and can be diffed against each other meaningfully.
 */
export const text: fc.Arbitrary<NegotiatingText> = fc
  .tuple(
    line,
    fc.array(fc.tuple(line, fc.array(fc.tuple(body, decided), { maxLength: 4 })), {
      maxLength: 4,
    }),
    fc.stringMatching(/^[A-Za-z0-9_-]{0,4}$/),
  )
  .map(([title, chapters, salt]) => {
    let n = 0;
    const built: Chapter[] = chapters.map(([chapterTitle, provisions], ci) => ({
      key: asId<'Chapter'>(`ch${salt}-${ci}`),
      title: chapterTitle,
      provisions: provisions.map(([segments, status]): Provision => {
        n += 1;
        return { key: asId<'Provision'>(`p-${n}`), status, body: segments };
      }),
    }));
    const normal = normalizeText({ title, chapters: built });
    // A decided status is only possible without brackets; otherwise it follows from the wording.
    return {
      title: normal.title,
      chapters: normal.chapters.map((c) => ({
        ...c,
        provisions: c.provisions.map((p) =>
          derivedStatus(p.body) === 'bracketed' ? { ...p, status: 'bracketed' as const } : p,
        ),
      })),
    };
  });
