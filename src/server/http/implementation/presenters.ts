/** Implementation answers, field by field. */
import type { z } from 'zod';
import type {
  commitmentResponse,
  commitmentSummaryResponse,
  commitmentTimelineResponse,
  evidenceResponse,
  levelEntryResponse,
  themeResponse,
  verificationResponse,
} from '../../../contract/implementation.js';
import type {
  Commitment,
  Evidence,
  LevelEntry,
  Theme,
  Verification,
} from '../../../core/implementation/model.js';
import type { CommitmentTimeline } from '../../../core/usecases/implementation/get-commitment.js';
import type { CommitmentSummary } from '../../../core/usecases/implementation/implementation-view.js';

/** A theme. */
export const presentTheme = (t: Theme): z.input<typeof themeResponse> => ({
  id: t.id,
  code: t.code,
  name: t.name,
  parentCode: t.parentCode,
  pamType: t.pamType,
  paxCode: t.paxCode,
});

/** A commitment. */
export const presentCommitment = (c: Commitment): z.input<typeof commitmentResponse> => ({
  id: c.id,
  externalId: c.externalId,
  basis: c.basis,
  versionNumber: c.versionNumber,
  provisionKey: c.provisionKey,
  wording: c.wording,
  responsiblePartyIds: [...c.responsiblePartyIds],
  startsOn: c.startsOn,
  deadline: c.deadline,
  recurrence: c.recurrence,
  provisionType: c.provisionType,
  themeCode: c.themeCode,
  weight: c.weight,
  revision: c.revision,
});

/** A level entry. */
export const presentLevelEntry = (e: LevelEntry): z.input<typeof levelEntryResponse> => ({
  id: e.id,
  level: e.level,
  effectiveOn: e.effectiveOn,
  evidenceIds: [...e.evidenceIds],
  note: e.note,
  setBy: e.setBy,
  setAt: e.setAt,
});

/** A verification or dispute. */
export const presentVerification = (v: Verification): z.input<typeof verificationResponse> => ({
  id: v.id,
  levelEntryId: v.levelEntryId,
  verdict: v.verdict,
  reason: v.reason,
  by: v.by,
  at: v.at,
  resolvedAt: v.resolvedAt,
  resolution: v.resolution,
});

/** A piece of evidence, and whether it has been released to the plenary. */
export const presentEvidence = (
  e: Evidence,
  released: boolean,
): z.input<typeof evidenceResponse> => ({
  id: e.id,
  kind: e.kind,
  text: e.text,
  url: e.url,
  observedOn: e.observedOn,
  source: e.source,
  sha256: e.sha256,
  compartmentId: e.compartmentId,
  released,
  submittedBy: e.submittedBy,
  submittedAt: e.submittedAt,
});

/** A commitment with where it stands. */
export const presentSummary = (
  s: CommitmentSummary,
): z.input<typeof commitmentSummaryResponse> => ({
  commitment: presentCommitment(s.commitment),
  level: s.level,
  openDisputes: s.openDisputes,
  verified: s.verified,
  overdue: s.overdue,
  lastEvidenceOn: s.lastEvidenceOn,
});

/** A commitment's timeline. */
export const presentTimeline = (
  t: CommitmentTimeline,
): z.input<typeof commitmentTimelineResponse> => ({
  ...presentSummary(t),
  entries: t.entries.map(presentLevelEntry),
  verifications: t.verifications.map(presentVerification),
  evidence: t.evidence.map((e) =>
    presentEvidence(e, e.compartmentId === t.commitment.compartmentId),
  ),
  asOf: t.asOf && { date: t.asOf.date, knownAt: t.asOf.knownAt, level: t.asOf.level },
});
