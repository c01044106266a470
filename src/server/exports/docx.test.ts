import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listProvisions, parsePlainText } from '../../core/text/index.js';
import { renderDocx } from './docx.js';
import { statusMarks } from './layout.js';
import {
  exportInput,
  gov,
  opp,
  parties,
  recipientName,
  sampleHash,
  sampleText,
} from './test-support/fixtures.js';
import { flat, openDocx, wordParagraphs, wordText } from './test-support/extract.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the DOCX export', () => {
  it('numbers every provision and ends it with its status mark', async () => {
    const text = sampleText();
    const { document } = await openDocx(await renderDocx(exportInput(text)));
    const paragraphs = wordParagraphs(document);
    for (const { number, provision } of listProvisions(text)) {
      const paragraph = paragraphs.find((p) => p.startsWith(`${number}\t`));
      expect(paragraph, number).toBeDefined();
      expect(paragraph?.endsWith(` ${statusMarks[provision.status]}`), number).toBe(true);
    }
  });

  it('heads chapters with Roman numerals and their titles', async () => {
    const { document } = await openDocx(await renderDocx(exportInput()));
    const paragraphs = wordParagraphs(document);
    expect(paragraphs).toContain('Chapter I — Electoral calendar');
    expect(paragraphs).toContain('Chapter V — Sanctions relief');
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it('keeps bracketed wording in square brackets with the holder code raised after it', async () => {
    const body = flat(wordText((await openDocx(await renderDocx(exportInput()))).document));
    expect(body).toContain('composed of [three]^{GOV} representatives');
    expect(body).toContain(
      '[During the transition, the Government shall refrain from adopting new legislation affecting the electoral process.]^{OPP}',
    );
    expect(body).toContain('lifting of [all]^{GOV} sanctions [upon verification');
  });

  it('labels each alternative and names the party that tabled it', async () => {
    const body = flat(wordText((await openDocx(await renderDocx(exportInput()))).document));
    expect(body).toContain(
      '[Alt 1: political reasons]^{OPP} / [Alt 2: the events of 2019]^{GOV} within [Alt 1: 30 days]^{OPP} / [Alt 2: 90 days]^{GOV} of signature.',
    );
    expect(body).toContain('[Alt 1: monthly] / [Alt 2: every two weeks] / [Alt 3: as needed]');
  });

  it('turns a drafter’s note on a bracket into a footnote', async () => {
    const parts = await openDocx(await renderDocx(exportInput()));
    expect(flat(wordText(parts.document))).toContain(
      'preceding their appointment]^{OPP}^{,}{fn 1}.',
    );
    expect(wordParagraphs(parts.footnotes)).toContain('subject to consultations');
  });

  it('shows the banner, the version and the state on the first page', async () => {
    const paragraphs = wordParagraphs((await openDocx(await renderDocx(exportInput()))).document);
    expect(paragraphs.slice(0, 5)).toEqual([
      'DRAFT GENERAL AGREEMENT ON THE ELECTORAL PROCESS (INVENTED — FOR TESTING ONLY)',
      `Version 3, published 12 March 2025 — SHA-256 ${sampleHash}`,
      'Nothing is agreed until everything is agreed',
      '11 provisions: 1 agreed, 1 agreed ad ref., 7 bracketed, 2 open; 5 brackets and 4 groups of alternatives open.',
      'Not signed by any party.',
    ]);
  });

  it('puts codename, version and date in the page header and the recipient in the page footer', async () => {
    const parts = await openDocx(await renderDocx(exportInput()));
    expect(parts.headers.map(wordText)).toEqual([
      'HERON — Confidential\tVersion 3 · 12 March 2025',
    ]);
    expect(parts.footers.map(wordText)).toEqual([
      `Issued to ${recipientName} on 14 March 2025 — page {PAGE} of {NUMPAGES}`,
    ]);
    expect(parts.document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    expect(parts.document).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
  });

  it('calls a working draft so in the header', async () => {
    const parts = await openDocx(await renderDocx(exportInput(sampleText(), { version: null })));
    expect(parts.headers.map(wordText)).toEqual([
      'HERON — Confidential\tWorking draft · 14 March 2025',
    ]);
    expect(wordText(parts.document)).not.toContain('SHA-256');
  });

  it('drops the banner once everything is agreed and signed', async () => {
    const agreed = parsePlainText('# Chapter I — All\n\n1.1 {agreed} Done.\n', parties).text;
    const input = exportInput(agreed, {
      signatures: [
        { party: gov, versionHash: sampleHash },
        { party: opp, versionHash: sampleHash },
      ],
    });
    const body = wordText((await openDocx(await renderDocx(input))).document);
    expect(body).not.toContain('Nothing is agreed');
    expect(body).toContain('Signed by GOV, OPP: every party.');
  });

  it('dates the document from its input, so the same copy renders to the same bytes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T10:00:00Z'));
    const first = await renderDocx(exportInput());
    vi.setSystemTime(new Date('2032-06-15T22:47:13Z'));
    const second = await renderDocx(exportInput());
    expect(second.equals(first)).toBe(true);
    const { core } = await openDocx(first);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-12T16:30:00Z<');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-14T09:05:00Z<');
    expect(core).not.toContain('2031');
    const zip = await JSZip.loadAsync(first);
    const years = new Set(Object.values(zip.files).map((f) => f.date.getFullYear()));
    expect(years).toEqual(new Set([2025]));
  });

  it('carries Spanish and Norwegian letters and typographic punctuation as they are', async () => {
    const text = parsePlainText(
      '# Chapter I — Año electoral en Bodø\n\n1.1 La Comisión de Seguimiento se reunirá en Tromsø, Ålesund y Lærdal [“cada año”]{GOV} – sí.\n',
      parties,
    ).text;
    const body = wordText((await openDocx(await renderDocx(exportInput(text)))).document);
    expect(body).toContain('Chapter I — Año electoral en Bodø');
    expect(body).toContain(
      'Comisión de Seguimiento se reunirá en Tromsø, Ålesund y Lærdal [“cada año”]^{GOV} – sí.',
    );
  });
});
