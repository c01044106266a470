/**
 * Inputs for the export tests: the invented sample UN text of the core tests, as version 3 of a
 * process codenamed "HERON", issued to a named recipient.
 */
import { asId, type PartyId } from '../../../core/shared/ids.js';
import {
  overallState,
  parsePlainText,
  type NegotiatingText,
  type SignatureRecord,
} from '../../../core/text/index.js';
import { sampleUnText } from '../../../core/text/test-support/sample-un-text.js';
import type { ExportInput, ExportParty } from '../layout.js';

/** The party coded GOV. */
export const gov: PartyId = asId<'Party'>('party-gov');
/** The party coded OPP. */
export const opp: PartyId = asId<'Party'>('party-opp');

/** The two parties of the sample, with invented names. */
export const parties: ExportParty[] = [
  { id: gov, code: 'GOV', name: 'Government delegation (invented)' },
  { id: opp, code: 'OPP', name: 'Opposition platform (invented)' },
];

/** The sample UN text, parsed with fixed keys. */
export function sampleText(): NegotiatingText {
  return parsePlainText(sampleUnText, parties).text;
}

/** A fictitious version hash. */
export const sampleHash = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

/** The recipient of the sample copies. */
export const recipientName = 'Ingrid Løvås, OPP delegation';

/** An export input for a text, as version 3 unless `version` says otherwise. */
export function exportInput(
  text: NegotiatingText = sampleText(),
  options: { version?: ExportInput['version']; signatures?: SignatureRecord[] } = {},
): ExportInput {
  const version =
    options.version === undefined
      ? { number: 3, publishedAt: '2025-03-12T16:30:00Z', hash: sampleHash }
      : options.version;
  return {
    text,
    parties,
    codename: 'HERON',
    version,
    state: overallState({
      text,
      versionHash: version?.hash ?? null,
      parties: parties.map((p) => p.id),
      signatures: options.signatures ?? [],
    }),
    recipient: { name: recipientName, issuedAt: '2025-03-14T09:05:00Z' },
  };
}

/** A longer text: the sample's chapters repeated, so that the copy runs over several pages. */
export function longText(times: number): NegotiatingText {
  const base = sampleText();
  const chapters = Array.from({ length: times }, (_, round) =>
    base.chapters.map((chapter) => ({
      ...chapter,
      key: asId<'Chapter'>(`${chapter.key}-${round}`),
      provisions: chapter.provisions.map((p) => ({
        ...p,
        key: asId<'Provision'>(`${p.key}-${round}`),
      })),
    })),
  ).flat();
  return { title: base.title, chapters };
}
