import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { asId } from '../shared/ids.js';
import type { NegotiatingText } from './model.js';
import { parsePlainText, printPlainText } from './plain-text.js';
import { parties, text as textArb } from './test-support/arbitraries.js';
import {
  assertModifiable,
  canonicalJson,
  modifyVersion,
  nextVersionNumber,
  parseCanonicalJson,
  publishVersion,
  verifyVersion,
  versionHash,
  type DraftVersion,
} from './version.js';

/**
 * A stand-in for the SHA-256 port (core does no crypto; the server passes node:crypto's). It is
 * injective, so equal hashes mean equal serialisations, which is what these tests are about.
 */
const sha256 = (s: string): string => `H(${s})`;

const sample = parsePlainText(
  'Title: T\n# A {#c}\n1.1 {#p} Within [six months]{GOV: ñ} of signature.\n',
  parties,
).text;

const draft: DraftVersion = {
  kind: 'draft',
  id: asId('v-3'),
  number: 3,
  note: 'Revised draft after round 2',
  text: sample,
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('canonical serialisation and version hash', () => {
  it('serialises with sorted keys, no spaces and a format tag', () => {
    expect(canonicalJson(sample)).toBe(
      '{"chapters":[{"key":"c","provisions":[{"body":[{"kind":"plain","text":"Within "},' +
        '{"holder":{"kind":"party","party":"party-gov"},"kind":"bracket","note":"ñ","text":"six months"},' +
        '{"kind":"plain","text":" of signature."}],"key":"p","status":"bracketed"}],"title":"A"}],' +
        '"format":"parley.negotiating-text/1","title":"T"}',
    );
  });

  it('reads every canonical serialisation back to the same text', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(parseCanonicalJson(canonicalJson(text))).toEqual(text);
      }),
    );
  });

  it('gives the same hash to the same text however its objects were built', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const reparsed = parsePlainText(printPlainText(text, parties), parties).text;
        expect(versionHash(reparsed, sha256)).toBe(versionHash(text, sha256));
      }),
    );
    expect(versionHash(sample, sha256)).toBe(`H(${canonicalJson(sample)})`);
  });

  it('gives a different hash when a single character changes', () => {
    const changed = parsePlainText(
      'Title: T\n# A {#c}\n1.1 {#p} Within [six months]{GOV: n} of signature.\n',
      parties,
    ).text;
    expect(versionHash(changed, sha256)).not.toBe(versionHash(sample, sha256));
  });

  it.each([
    ['not JSON', '{'],
    ['another format', '{"format":"x","title":"","chapters":[]}'],
    ['a wrong shape', '{"format":"parley.negotiating-text/1","title":"","chapters":[{"key":"c"}]}'],
    [
      'a broken rule',
      '{"format":"parley.negotiating-text/1","title":"","chapters":[{"key":"c","title":"","provisions":[{"key":"p","status":"agreed","body":[{"kind":"bracket","text":"x","holder":{"kind":"mediators"},"note":null}]}]}]}',
    ],
  ])('refuses to read %s as a text', (_case, json) => {
    expect(codeOf(() => parseCanonicalJson(json))).toBe('INVALID_INPUT');
  });
});

describe('published versions are immutable', () => {
  it('publishing records the hash and the time, and freezes the version deeply', () => {
    const published = publishVersion(draft, '2019-07-08T10:00:00Z', sha256);
    expect(published).toMatchObject({
      kind: 'published',
      number: 3,
      note: 'Revised draft after round 2',
      publishedAt: '2019-07-08T10:00:00Z',
      hash: versionHash(sample, sha256),
    });
    expect(published.text).toEqual(sample);
    expect(Object.isFrozen(published)).toBe(true);
    expect(Object.isFrozen(published.text.chapters[0]?.provisions[0]?.body[1])).toBe(true);
    expect(() => {
      (published.text.chapters as NegotiatingText['chapters'][number][]).push({
        key: asId('x'),
        title: '',
        provisions: [],
      });
    }).toThrow(TypeError);
    expect(verifyVersion(published, sha256)).toBe(true);
  });

  it('leaves the draft it was published from usable and unfrozen', () => {
    publishVersion(draft, '2019-07-08T10:00:00Z', sha256);
    expect(Object.isFrozen(draft.text)).toBe(false);
  });

  it('refuses to modify, republish or treat as modifiable a published version', () => {
    const published = publishVersion(draft, '2019-07-08T10:00:00Z', sha256);
    expect(codeOf(() => modifyVersion(published, { note: 'sneaky' }))).toBe('IMMUTABLE');
    expect(codeOf(() => publishVersion(published, '2019-07-09T10:00:00Z', sha256))).toBe(
      'IMMUTABLE',
    );
    expect(codeOf(() => assertModifiable(published))).toBe('IMMUTABLE');
  });

  it('lets a prepared version change before it is published', () => {
    expect(modifyVersion(draft, { note: 'Second thoughts' })).toEqual({
      ...draft,
      note: 'Second thoughts',
    });
    expect(codeOf(() => assertModifiable(draft))).toBe('no error');
  });

  it('refuses to publish a text that breaks a rule', () => {
    const broken: DraftVersion = {
      ...draft,
      text: {
        title: '',
        chapters: [
          {
            key: asId('c'),
            title: '',
            provisions: [
              {
                key: asId('p'),
                status: 'agreed',
                body: [{ kind: 'bracket', text: 'x', holder: { kind: 'mediators' }, note: null }],
              },
            ],
          },
        ],
      },
    };
    expect(codeOf(() => publishVersion(broken, '2019-07-08T10:00:00Z', sha256))).toBe(
      'RULE_VIOLATION',
    );
  });

  it('numbers versions one after the highest so far', () => {
    expect(nextVersionNumber([])).toBe(1);
    expect(nextVersionNumber([{ number: 1 }, { number: 3 }, { number: 2 }])).toBe(4);
  });
});
