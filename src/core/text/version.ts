/**
 * Versions of the negotiating text. The mediators publish numbered versions of the working text
 * with a note; a published version is immutable and identified by the SHA-256 of its canonical
 * serialisation, which is what a party's signature records.
 *
 * The canonical serialisation is JSON with sorted keys, no insignificant whitespace, a format tag,
 * and party ids (not the codes used in the plain-text form, which may change). The database should
 * store, per published version, that exact string next to its hash: verifying a signature then
 * only needs to hash the stored bytes again, and does not depend on this serialiser staying the
 * same forever. Strings are hashed exactly as they are (no Unicode normalisation), so the port
 * must hash the UTF-8 bytes of the string it is given.
 */
import { DomainError } from '../shared/errors.js';
import { asId, type VersionId } from '../shared/ids.js';
import {
  checkText,
  provisionStatuses,
  type Alternative,
  type Holder,
  type NegotiatingText,
  type Provision,
  type ProvisionStatus,
  type Segment,
} from './model.js';

/** Hashes a string's UTF-8 bytes with SHA-256 and returns lowercase hex (a port: core does no crypto). */
export type Sha256 = (text: string) => string;

/** The format tag written into every canonical serialisation. */
export const canonicalFormat = 'parley.negotiating-text/1';

type Json = null | string | number | boolean | readonly Json[] | { readonly [key: string]: Json };

function stableStringify(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as { readonly [key: string]: Json };
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k] ?? null)}`).join(',')}}`;
}

function holderJson(holder: Holder): Json {
  return holder.kind === 'party' ? { kind: 'party', party: holder.party } : { kind: holder.kind };
}

function segmentJson(segment: Segment): Json {
  switch (segment.kind) {
    case 'plain':
      return { kind: 'plain', text: segment.text };
    case 'bracket':
      return {
        kind: 'bracket',
        text: segment.text,
        holder: holderJson(segment.holder),
        note: segment.note,
        // Written only when set, so that the hashes of texts without the mark do not change.
        ...(segment.noteForParties === true ? { noteForParties: true } : {}),
      };
    case 'alternatives':
      return {
        kind: 'alternatives',
        options: segment.options.map((o) => ({
          text: o.text,
          holder: holderJson(o.holder),
          note: o.note,
          ...(o.noteForParties === true ? { noteForParties: true } : {}),
        })),
      };
  }
}

/** The canonical serialisation of a text: the exact string a version's hash is computed over. */
export function canonicalJson(text: NegotiatingText): string {
  return stableStringify({
    format: canonicalFormat,
    title: text.title,
    chapters: text.chapters.map((c) => ({
      key: c.key,
      title: c.title,
      provisions: c.provisions.map((p) => ({
        key: p.key,
        status: p.status,
        body: p.body.map(segmentJson),
      })),
    })),
  });
}

/** The SHA-256 (hex) of a text's canonical serialisation. */
export function versionHash(text: NegotiatingText, sha256: Sha256): string {
  return sha256(canonicalJson(text));
}

// ---------------------------------------------------------------------------------------------
// Reading the canonical serialisation back (from the database or an export).
// ---------------------------------------------------------------------------------------------

class ShapeError extends Error {}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${where} is not an object`);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(`${where} is not a list`);
  return value as unknown[];
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${where} is not a string`);
  return value;
}

function noteOf(value: unknown, where: string): string | null {
  return value === null ? null : string(value, where);
}

function holderOf(value: unknown, where: string): Holder {
  const r = record(value, where);
  switch (r['kind']) {
    case 'party':
      return { kind: 'party', party: asId<'Party'>(string(r['party'], `${where}.party`)) };
    case 'mediators':
      return { kind: 'mediators' };
    case 'unattributed':
      return { kind: 'unattributed' };
    default:
      throw new ShapeError(`${where}.kind is not a holder kind`);
  }
}

function segmentOf(value: unknown, where: string): Segment {
  const r = record(value, where);
  switch (r['kind']) {
    case 'plain':
      return { kind: 'plain', text: string(r['text'], `${where}.text`) };
    case 'bracket':
      return {
        kind: 'bracket',
        text: string(r['text'], `${where}.text`),
        holder: holderOf(r['holder'], `${where}.holder`),
        note: noteOf(r['note'], `${where}.note`),
        ...(r['noteForParties'] === true ? { noteForParties: true } : {}),
      };
    case 'alternatives':
      return {
        kind: 'alternatives',
        options: list(r['options'], `${where}.options`).map((o, i): Alternative => {
          const a = record(o, `${where}.options[${i}]`);
          return {
            text: string(a['text'], `${where}.options[${i}].text`),
            holder: holderOf(a['holder'], `${where}.options[${i}].holder`),
            note: noteOf(a['note'], `${where}.options[${i}].note`),
            ...(a['noteForParties'] === true ? { noteForParties: true } : {}),
          };
        }),
      };
    default:
      throw new ShapeError(`${where}.kind is not a segment kind`);
  }
}

function statusOf(value: unknown, where: string): ProvisionStatus {
  const status = provisionStatuses.find((s) => s === value);
  if (status === undefined) throw new ShapeError(`${where} is not a status`);
  return status;
}

/** Reads a canonical serialisation back; raises INVALID_INPUT if it is malformed or breaks a rule. */
export function parseCanonicalJson(json: string): NegotiatingText {
  let text: NegotiatingText;
  try {
    const root = record(JSON.parse(json) as unknown, 'text');
    if (root['format'] !== canonicalFormat)
      throw new ShapeError(`format is not ${canonicalFormat}`);
    text = {
      title: string(root['title'], 'title'),
      chapters: list(root['chapters'], 'chapters').map((c, ci) => {
        const chapter = record(c, `chapters[${ci}]`);
        return {
          key: asId<'Chapter'>(string(chapter['key'], `chapters[${ci}].key`)),
          title: string(chapter['title'], `chapters[${ci}].title`),
          provisions: list(chapter['provisions'], `chapters[${ci}].provisions`).map(
            (p, pi): Provision => {
              const where = `chapters[${ci}].provisions[${pi}]`;
              const provision = record(p, where);
              return {
                key: asId<'Provision'>(string(provision['key'], `${where}.key`)),
                status: statusOf(provision['status'], `${where}.status`),
                body: list(provision['body'], `${where}.body`).map((s, si) =>
                  segmentOf(s, `${where}.body[${si}]`),
                ),
              };
            },
          ),
        };
      }),
    };
  } catch (error) {
    if (error instanceof ShapeError || error instanceof SyntaxError) {
      throw new DomainError('INVALID_INPUT', `not a canonical text: ${error.message}`);
    }
    throw error;
  }
  const problems = checkText(text);
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', `not a well-formed text: ${problems.join('; ')}`, {
      problems,
    });
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Versions and their immutability.
// ---------------------------------------------------------------------------------------------

/** A version being prepared (e.g. a facilitator's revised draft), still editable. */
export interface DraftVersion {
  /** Discriminant. */
  readonly kind: 'draft';
  /** The version's id. */
  readonly id: VersionId;
  /** Its number in the process (1, 2, …), fixed when it is prepared. */
  readonly number: number;
  /** The mediators' note for the recipients (e.g. "Revised draft after round 2"). */
  readonly note: string;
  /** The text as it will be published. */
  readonly text: NegotiatingText;
}

/** A published version: frozen, and identified by the hash of its canonical serialisation. */
export interface PublishedVersion {
  /** Discriminant. */
  readonly kind: 'published';
  /** The version's id. */
  readonly id: VersionId;
  /** Its number in the process. */
  readonly number: number;
  /** The mediators' note. */
  readonly note: string;
  /** The text, frozen. */
  readonly text: NegotiatingText;
  /** SHA-256 (hex) of `canonicalJson(text)`; what signatures record. */
  readonly hash: string;
  /** When it was published (ISO 8601, from the injected clock). */
  readonly publishedAt: string;
}

/** A version of the text, prepared or published. */
export type TextVersion = DraftVersion | PublishedVersion;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The number the next version gets: one more than the highest so far, 1 for the first. */
export function nextVersionNumber(existing: readonly { readonly number: number }[]): number {
  return existing.reduce((max, v) => Math.max(max, v.number), 0) + 1;
}

/** Raises IMMUTABLE when the version is published; afterwards the type knows it is a draft. */
export function assertModifiable(version: TextVersion): asserts version is DraftVersion {
  if (version.kind === 'published') {
    throw new DomainError('IMMUTABLE', `version ${version.number} is published and cannot change`, {
      version: version.id,
      number: version.number,
    });
  }
}

/** What may change in a prepared version. */
export interface DraftVersionChange {
  /** A new note. */
  readonly note?: string;
  /** A new text. */
  readonly text?: NegotiatingText;
}

/** Changes a prepared version; raises IMMUTABLE when it is already published. */
export function modifyVersion(version: TextVersion, change: DraftVersionChange): DraftVersion {
  assertModifiable(version);
  return {
    ...version,
    note: change.note ?? version.note,
    text: change.text ?? version.text,
  };
}

/**
 * Publishes a prepared version: the text must be well formed (RULE_VIOLATION otherwise); the
 * result is deeply frozen and carries its hash. Publishing twice raises IMMUTABLE.
 */
export function publishVersion(
  version: TextVersion,
  publishedAt: string,
  sha256: Sha256,
): PublishedVersion {
  assertModifiable(version);
  const problems = checkText(version.text);
  if (problems.length > 0) {
    throw new DomainError('RULE_VIOLATION', `the text is not well formed: ${problems.join('; ')}`, {
      problems,
    });
  }
  // Freeze a private copy, so that the caller's draft object stays usable and nothing shared
  // with it can change the published text afterwards.
  const text = parseCanonicalJson(canonicalJson(version.text));
  return deepFreeze({
    kind: 'published',
    id: version.id,
    number: version.number,
    note: version.note,
    text,
    hash: sha256(canonicalJson(text)),
    publishedAt,
  });
}

/** True when a published version's text still hashes to the hash it was published with. */
export function verifyVersion(version: PublishedVersion, sha256: Sha256): boolean {
  return versionHash(version.text, sha256) === version.hash;
}
