import { describe, expect, it } from 'vitest';
import { asId } from '../shared/ids.js';
import { parsePlainText } from './plain-text.js';
import { naeuea, overallState, type SignatureRecord } from './state.js';
import { gov, opp, parties } from './test-support/arbitraries.js';

const allAgreed = parsePlainText('# A\n1.1 {agreed} a\n1.2 {agreed} b\n', parties).text;
const notYet = parsePlainText(
  '# A\n1.1 {agreed} a\n1.2 {ad ref} b\n1.3 c [d]{GOV} [e]/[f]\n1.4 g\n',
  parties,
).text;
const both = [gov, opp];
const h = 'hash-of-version-7';

function signed(...records: [string, string][]): SignatureRecord[] {
  return records.map(([party, versionHash]) => ({ party: asId<'Party'>(party), versionHash }));
}

describe('nothing is agreed until everything is agreed', () => {
  it.each<[string, Parameters<typeof overallState>[0], boolean]>([
    [
      'all agreed and signed by every party',
      { text: allAgreed, versionHash: h, parties: both, signatures: signed([gov, h], [opp, h]) },
      true,
    ],
    [
      'all agreed, one party has not signed',
      { text: allAgreed, versionHash: h, parties: both, signatures: signed([gov, h]) },
      false,
    ],
    [
      'all agreed, one party signed another version',
      {
        text: allAgreed,
        versionHash: h,
        parties: both,
        signatures: signed([gov, h], [opp, 'other']),
      },
      false,
    ],
    [
      'all agreed and signed, but shown as the working draft',
      { text: allAgreed, versionHash: null, parties: both, signatures: signed([gov, h], [opp, h]) },
      false,
    ],
    [
      'signed by all but not every provision agreed',
      { text: notYet, versionHash: h, parties: both, signatures: signed([gov, h], [opp, h]) },
      false,
    ],
    [
      'an empty text',
      {
        text: { title: '', chapters: [] },
        versionHash: h,
        parties: both,
        signatures: signed([gov, h], [opp, h]),
      },
      false,
    ],
    [
      'a process without parties',
      { text: allAgreed, versionHash: h, parties: [], signatures: [] },
      false,
    ],
  ])('%s: everything agreed is %s', (_case, input, expected) => {
    const state = overallState(input);
    expect(state.everythingAgreed).toBe(expected);
    expect(state.banner).toBe(expected ? null : naeuea);
  });

  it('counts provisions per status, open brackets and alternatives, and who signed', () => {
    const state = overallState({
      text: notYet,
      versionHash: h,
      parties: both,
      signatures: signed([opp, h], [gov, 'older'], ['party-stranger', h]),
    });
    expect(state).toEqual({
      everythingAgreed: false,
      banner: 'Nothing is agreed until everything is agreed',
      provisionCount: 4,
      counts: { open: 1, bracketed: 1, agreed_ad_referendum: 1, agreed: 1 },
      allProvisionsAgreed: false,
      openBrackets: 1,
      openAlternativeGroups: 1,
      signedBy: [opp],
      unsigned: [gov],
    });
  });
});
