/** Implementation answers, field by field. */
import type { z } from 'zod';
import type {
  commitmentResponse,
  commitmentSummaryResponse,
  commitmentTimelineResponse,
  evidenceResponse,
  levelEntryResponse,
  publicPictureResponse,
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
import type { MonthProgress } from '../../../core/implementation/progress.js';
import type { PublicPicture } from '../../../core/implementation/public-picture.js';
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
  file: e.file && { name: e.file.name, mediaType: e.file.mediaType, size: e.file.size },
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

/** A commitment's timeline, with the largest evidence file the server accepts. */
export const presentTimeline = (
  t: CommitmentTimeline,
  evidenceFileMaxBytes: number,
): z.input<typeof commitmentTimelineResponse> => ({
  ...presentSummary(t),
  entries: t.entries.map(presentLevelEntry),
  verifications: t.verifications.map(presentVerification),
  evidence: t.evidence.map((e) =>
    presentEvidence(e, e.compartmentId === t.commitment.compartmentId),
  ),
  asOf: t.asOf && { date: t.asOf.date, knownAt: t.asOf.knownAt, level: t.asOf.level },
  evidenceFileMaxBytes,
});

const presentMonth = (m: MonthProgress) => ({
  month: m.month,
  counts: m.counts,
  shares: m.shares,
  percent: m.percent,
});

/** The released picture, field by field: what the public page shows and nothing more. */
export const presentPublicPicture = (p: PublicPicture): z.input<typeof publicPictureResponse> => ({
  title: p.title,
  releasedAt: p.releasedAt,
  asOf: p.asOf,
  parts: { themes: p.parts.themes, commitments: p.parts.commitments, progress: p.parts.progress },
  themes: p.themes.map((t) => ({ code: t.code, name: t.name })),
  commitments: p.commitments.map((c) => ({
    ref: c.ref,
    wording: c.wording,
    provisionType: c.provisionType,
    themeCode: c.themeCode,
    responsible: c.responsible,
    startsOn: c.startsOn,
    deadline: c.deadline,
    recurrence: c.recurrence,
    level: c.level,
    levelSince: c.levelSince,
    overdue: c.overdue,
  })),
  progress: p.progress && {
    commitments: p.progress.commitments,
    overall: p.progress.overall.map(presentMonth),
    byTheme: p.progress.byTheme.map((g) => ({ key: g.key, months: g.months.map(presentMonth) })),
    matrix: p.progress.matrix.map((c) => ({
      provisionType: c.provisionType,
      year: c.year,
      commitments: c.commitments,
      mean: c.mean,
      level: c.level,
    })),
  },
});
