/** The negotiation record: agenda issues, demands, positions, proposals and responses. */
import { z } from 'zod';
import { idSchema, text, timestamp } from './common.js';

export const issueResponse = z.object({
  /** Issue id. */
  id: idSchema,
  /** Title. */
  title: z.string(),
  /** What it covers. */
  description: z.string(),
  /** Options in order. */
  options: z.array(z.object({ id: idSchema, label: z.string() })),
});
export const addIssueRequest = z.object({
  title: text(300),
  description: z.string().max(4000).default(''),
  /** Option wordings in order (0–20). */
  options: z.array(text(300)).max(20).default([]),
});

export const demandResponse = z.object({
  id: idSchema,
  partyId: idSchema,
  issueId: idSchema.nullable(),
  text: z.string(),
  /** Where it was made public. */
  source: z.string(),
  /** When it was made (YYYY-MM-DD). */
  statedOn: z.string(),
});
export const recordDemandRequest = z.object({
  partyId: idSchema,
  issueId: idSchema.nullable().default(null),
  text: text(4000),
  source: text(500),
  statedOn: z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
});

export const positionResponse = z.object({
  id: idSchema,
  /** The compartment it lives in (the party's caucus). */
  compartmentId: idSchema,
  partyId: idSchema,
  issueId: idSchema,
  optionId: idSchema.nullable(),
  text: z.string(),
  recordedAt: timestamp,
});
export const recordPositionRequest = z.object({
  issueId: idSchema,
  optionId: idSchema.nullable().default(null),
  text: z.string().max(4000).default(''),
});

const term = z.object({ issueId: idSchema, optionId: idSchema });
export const proposalResponseEntry = z.object({
  partyId: idSchema,
  kind: z.enum(['accept', 'reject', 'counter']),
  counterProposalId: idSchema.nullable(),
  note: z.string(),
  respondedAt: timestamp,
});
export const proposalResponse = z.object({
  id: idSchema,
  /** Where it was tabled. */
  compartmentId: idSchema,
  /** The party that tabled it, or null for the mediators. */
  tabledByParty: idSchema.nullable(),
  round: z.number().int(),
  tabledAt: timestamp,
  terms: z.array(term),
  note: z.string(),
  respondsTo: idSchema.nullable(),
  responses: z.array(proposalResponseEntry),
});
export const tableProposalRequest = z.object({
  compartmentId: idSchema,
  /** The round of talks, 1–99. */
  round: z.number().int().min(1).max(99),
  terms: z.array(term).min(1, { error: 'name at least one issue' }).max(100),
  note: z.string().max(4000).default(''),
  respondsTo: idSchema.nullable().default(null),
});
export const proposalParams = z.object({ processId: idSchema, proposalId: idSchema });
export const respondRequest = z.object({
  kind: z.enum(['accept', 'reject', 'counter']),
  note: z.string().max(4000).default(''),
  /** For a counter: the new package and its round. */
  counter: z
    .object({ round: z.number().int().min(1).max(99), terms: z.array(term).min(1).max(100) })
    .nullable()
    .default(null),
});

export const timelineEntryResponse = z.object({
  issueId: idSchema,
  round: z.number().int(),
  proposalId: idSchema,
  tabledByParty: idSchema.nullable(),
  optionId: idSchema,
  tabledAt: timestamp,
});
export const recordResponse = z.object({
  issues: z.array(issueResponse),
  demands: z.array(demandResponse),
  positions: z.array(positionResponse),
  proposals: z.array(proposalResponse),
  /** Per issue and round, who proposed which option. */
  timeline: z.array(timelineEntryResponse),
});
