/**
 * Leak tracing (issue 7): per-copy fingerprints hidden in the spaces of an exported text, and the
 * tracer that names the copy a leaked text came from. Pure: the keyed PRF comes in as a port.
 * The scheme, what it survives and what it does not, is explained at the top of `fingerprint.ts`.
 */
export {
  ContextCodes,
  contextCode,
  copyCode,
  fingerprintSegments,
  fingerprintText,
  markBit,
  type FingerprintKey,
  type MarkCode,
  type Prf,
} from './fingerprint.js';
export { findSites, noBreakSpace, space, wordKey, type GapKind, type Site } from './sites.js';
export {
  extractMarks,
  traceText,
  type CandidateMatch,
  type ExtractedMarks,
  type ExtractOptions,
  type ObservedMark,
  type StretchMatch,
  type TraceCandidate,
  type TraceOptions,
  type TraceResult,
  type TraceSource,
  type TraceVerdict,
} from './trace.js';
export { fingerprintNegotiatingText, type CopyToMark } from './negotiating-text.js';
