/**
 * Implementation (C10): the commitments a signed agreement creates, the evidence of their
 * implementation, the levels that move only with evidence, and their verification by guarantors
 * and observers.
 *
 * - A commitment comes from a provision of a published version (agreed and signed, or agreed ad
 *   referendum for planning), or from an import; it lives in the plenary.
 * - Evidence lives first in its submitter's compartment (a party's caucus, the mediators' room;
 *   a guarantor or observer, who has no room, submits straight to the plenary) and is released to
 *   the plenary before a level can cite it.
 * - A level entry is appended, never changed: the level as of a date, as known at a time, is a
 *   function of the entries alone (history.ts), and each entry is also in the audit log.
 */
import type {
  CommitmentId,
  CompartmentId,
  EvidenceId,
  LevelEntryId,
  PartyId,
  ProcessId,
  ThemeId,
  UserId,
  VerificationId,
  VersionId,
} from '../shared/ids.js';
import type { Level } from './pam.js';

/** Where a commitment came from. */
export type CommitmentBasis = 'signed' | 'ad_referendum' | 'imported';

/** How often a recurring obligation falls due; `none` for a one-off with a deadline. */
export type Recurrence = 'none' | 'monthly' | 'quarterly' | 'yearly';

/** Every recurrence. */
export const recurrences: readonly Recurrence[] = ['none', 'monthly', 'quarterly', 'yearly'];

/** A theme or subtheme of the process's plan, mapped to PAM and optionally to a PA-X code. */
export interface Theme {
  /** Stable id. */
  id: ThemeId;
  /** The process. */
  processId: ProcessId;
  /** Short code, unique in the process (used in CSV files). */
  code: string;
  /** Its name. */
  name: string;
  /** The code of the theme it is a subtheme of, or null. */
  parentCode: string | null;
  /** The PAM provision type it maps to, or null. */
  pamType: string | null;
  /** A PA-X category code, or null. */
  paxCode: string | null;
}

/** A commitment tracked through its implementation. */
export interface Commitment {
  /** Stable id. */
  id: CommitmentId;
  /** The process. */
  processId: ProcessId;
  /** The plenary, where commitments live. */
  compartmentId: CompartmentId;
  /** Key for imports and exports, unique in the process. */
  externalId: string;
  /** Where it came from. */
  basis: CommitmentBasis;
  /** The version it was taken from, or null (imported). */
  versionId: VersionId | null;
  /** That version's number, or null. */
  versionNumber: number | null;
  /** The provision it implements, or null. */
  provisionKey: string | null;
  /** What must be done. */
  wording: string;
  /** The parties responsible for it (empty: the mediators or a third body). */
  responsiblePartyIds: PartyId[];
  /** When implementation starts (YYYY-MM-DD). */
  startsOn: string;
  /** When it must be complete (YYYY-MM-DD), or null for a recurring obligation without end. */
  deadline: string | null;
  /** Whether it recurs. */
  recurrence: Recurrence;
  /** PAM provision type key. */
  provisionType: string;
  /** Theme code, or null. */
  themeCode: string | null;
  /** Weight in roll-ups (> 0). */
  weight: number;
  /** Created (ISO 8601). */
  createdAt: string;
  /** Created by. */
  createdBy: UserId;
  /** Increases with every edit. */
  revision: number;
}

/** What kind of evidence. */
export type EvidenceKind = 'report' | 'link' | 'file';

/** What Parley keeps of an uploaded file besides its bytes (which only the download reads). */
export interface EvidenceFile {
  /** The name it was uploaded under, made safe (no path, no control characters). */
  name: string;
  /** Its media type, as recognised from its content (never from its name alone). */
  mediaType: string;
  /** Its size in bytes. */
  size: number;
}

/** A piece of evidence for a commitment. */
export interface Evidence {
  /** Stable id. */
  id: EvidenceId;
  /** The process. */
  processId: ProcessId;
  /** The commitment it is for. */
  commitmentId: CommitmentId;
  /** Where it lives: the submitter's compartment until released to the plenary. */
  compartmentId: CompartmentId;
  /** A written report, a link to a document elsewhere, or an uploaded file. */
  kind: EvidenceKind;
  /** The report, or a description of what the link or the file shows. */
  text: string;
  /** The link, or null. */
  url: string | null;
  /** The uploaded file's name, type and size (kind `file`), or null. */
  file: EvidenceFile | null;
  /** The date the evidence speaks of (YYYY-MM-DD). */
  observedOn: string;
  /** Where it comes from (a field team, a ministry, a newspaper…). */
  source: string;
  /** SHA-256 (hex) of the document (for a file, computed by the server) or of a report's text. */
  sha256: string;
  /** Who submitted it. */
  submittedBy: UserId;
  /** When (ISO 8601). */
  submittedAt: string;
}

/** One recorded move of a level: appended, never changed. */
export interface LevelEntry {
  /** Stable id. */
  id: LevelEntryId;
  /** The process. */
  processId: ProcessId;
  /** The commitment. */
  commitmentId: CommitmentId;
  /** The level. */
  level: Level;
  /** The date from which it holds (YYYY-MM-DD). */
  effectiveOn: string;
  /** The released evidence it rests on (at least one). */
  evidenceIds: EvidenceId[];
  /** Why, in a line. */
  note: string;
  /** Who recorded it. */
  setBy: UserId;
  /** When it was recorded (ISO 8601). */
  setAt: string;
}

/** A verdict on a level entry. */
export type Verdict = 'verified' | 'disputed';

/** A guarantor's or observer's verification or dispute of a level entry. */
export interface Verification {
  /** Stable id. */
  id: VerificationId;
  /** The process. */
  processId: ProcessId;
  /** The commitment. */
  commitmentId: CommitmentId;
  /** The level entry judged. */
  levelEntryId: LevelEntryId;
  /** Verified or disputed. */
  verdict: Verdict;
  /** Why. */
  reason: string;
  /** Who. */
  by: UserId;
  /** When (ISO 8601). */
  at: string;
  /** For a dispute: when it was resolved, or null while it stands. */
  resolvedAt: string | null;
  /** Who resolved it. */
  resolvedBy: UserId | null;
  /** How it was resolved. */
  resolution: string | null;
}

/** A calendar date YYYY-MM-DD that exists. */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A month YYYY-MM. */
export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** External ids: short, printable, no separators that CSV tools mangle. */
export const externalIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

/** A SHA-256 in lowercase hex. */
export const sha256Pattern = /^[0-9a-f]{64}$/;
