import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overallState, parsePlainText } from '../../core/text/index.js';
import {
  parties as arbitraryParties,
  text as textArb,
} from '../../core/text/test-support/arbitraries.js';
import {
  beginTextMarker,
  endTextMarker,
  renderPlainText,
  stripPlainTextFrame,
} from './plain-text.js';
import { exportInput, parties, sampleHash, sampleText } from './test-support/fixtures.js';

describe('the plain-text export', () => {
  it('opens with the codename, version, date, banner and recipient, and closes with the recipient', () => {
    const lines = renderPlainText(exportInput()).split('\n');
    const begin = lines.indexOf(beginTextMarker);
    expect(lines.slice(0, begin)).toEqual([
      'HERON — Confidential · Version 3 · 12 March 2025',
      'DRAFT GENERAL AGREEMENT ON THE ELECTORAL PROCESS (INVENTED — FOR TESTING ONLY)',
      `Version 3, published 12 March 2025 — SHA-256 ${sampleHash}`,
      '*** Nothing is agreed until everything is agreed ***',
      '11 provisions: 1 agreed, 1 agreed ad ref., 7 bracketed, 2 open; 5 brackets and 4 groups of alternatives open.',
      'Not signed by any party.',
      'Parties: GOV — Government delegation (invented); OPP — Opposition platform (invented)',
      'Issued to Ingrid Løvås, OPP delegation on 14 March 2025',
    ]);
    expect(lines.slice(lines.indexOf(endTextMarker) + 1)).toEqual([
      'Issued to Ingrid Løvås, OPP delegation on 14 March 2025 — HERON, Version 3',
      '',
    ]);
  });

  it('writes the text in the documented bracket syntax, statuses and holders included', () => {
    const out = renderPlainText(exportInput());
    expect(out).toContain('# Chapter IV — Release of detained activists');
    expect(out).toContain('3.1 {agreed ad referendum #');
    expect(out).toContain('[Alt 1: 30 days]{OPP} / [Alt 2: 90 days]{GOV}');
    expect(out).toContain('{OPP: subject to consultations}');
  });

  it('reads back as the same text once the header and footer are stripped', () => {
    const text = sampleText();
    const inner = stripPlainTextFrame(renderPlainText(exportInput(text)));
    const parsed = parsePlainText(inner, parties);
    expect(parsed.text).toEqual(text);
    expect(parsed.warnings).toEqual([]);
  });

  it('round-trips any text through the framed export', () => {
    const named = arbitraryParties.map((p) => ({ ...p, name: `Party ${p.code}` }));
    fc.assert(
      fc.property(textArb, (text) => {
        const input = {
          ...exportInput(text, { version: null }),
          parties: named,
          state: overallState({
            text,
            versionHash: null,
            parties: named.map((p) => p.id),
            signatures: [],
          }),
        };
        const inner = stripPlainTextFrame(renderPlainText(input));
        expect(parsePlainText(inner, named).text).toEqual(text);
      }),
      { numRuns: 50 },
    );
  });

  it('leaves a text without the markers as it is', () => {
    expect(stripPlainTextFrame('Title: T\n')).toBe('Title: T\n');
  });

  it('finds the text even when a header line looks like a marker', () => {
    const text = { ...sampleText(), title: beginTextMarker };
    const input = {
      ...exportInput(text),
      recipient: { name: endTextMarker, issuedAt: '2025-03-14' },
    };
    const inner = stripPlainTextFrame(renderPlainText(input));
    expect(parsePlainText(inner, parties).text).toEqual(text);
  });

  it('frames an empty text too', () => {
    const empty = { title: '', chapters: [] };
    const out = renderPlainText(exportInput(empty, { version: null }));
    expect(out).toContain(`${beginTextMarker}\n${endTextMarker}\n`);
    expect(stripPlainTextFrame(out)).toBe('');
  });
});
