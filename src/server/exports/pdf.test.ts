import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listProvisions, parsePlainText } from '../../core/text/index.js';
import { statusMarks } from './layout.js';
import { renderPdf } from './pdf.js';
import {
  exportInput,
  longText,
  parties,
  recipientName,
  sampleText,
} from './test-support/fixtures.js';
import { flat, pdfInfo, pdfPages } from './test-support/extract.js';

afterEach(() => {
  vi.useRealTimers();
});

const header = 'HERON — Confidential';
const issued = `Issued to ${recipientName} on 14 March 2025`;

const nordicSpanish = parsePlainText(
  `Title: Acuerdo de Bodø sobre el año electoral (invented)

# Chapter I — Calendario electoral en Tromsø

1.1 La Comisión de Seguimiento se reunirá en Ålesund y Lærdal [“cada año”]{GOV} – sí — «según el señor Ærø».

1.2 Partene skal møtes i Tromsø [innen én måned]{OPP: føre-var}; the Parties’ “consultations” continue.

1.3 Łódź, İstanbul, Αθήνα and Київ stand outside the standard fonts.
`,
  parties,
).text;

describe('the PDF export', () => {
  it('numbers every provision and ends it with its status mark', async () => {
    const text = sampleText();
    const pages = await pdfPages(await renderPdf(exportInput(text)));
    const all = pages.join('\n');
    for (const { number } of listProvisions(text)) {
      expect(all, number).toMatch(new RegExp(`(^|\\n)${number.replace('.', '\\.')} `));
    }
    const body = flat(all);
    expect(body).toContain('the present Agreement. (open)');
    expect(body).toContain('by the National Electoral Council. (agreed)');
    expect(body).toContain('of the National Assembly. (agreed ad ref.)');
    expect(body).toContain('representatives of each Party shall be established. (bracketed)');
    for (const mark of Object.values(statusMarks)) expect(body).toContain(mark);
  });

  it('heads chapters with Roman numerals and their titles', async () => {
    const body = (await pdfPages(await renderPdf(exportInput()))).join('\n');
    expect(body).toContain('Chapter I — Electoral calendar\n');
    expect(body).toContain('Chapter IV — Release of detained activists\n');
  });

  it('keeps bracketed wording in square brackets with the holder code after it', async () => {
    const body = flat((await pdfPages(await renderPdf(exportInput()))).join('\n'));
    expect(body).toContain('composed of [three]GOV representatives');
    expect(body).toContain(
      '[During the transition, the Government shall refrain from adopting new legislation affecting the electoral process.]OPP',
    );
    expect(body).toContain('preceding their appointment]OPP,1.');
    expect(body).toContain('1 subject to consultations');
  });

  it('labels each alternative and names the party that tabled it', async () => {
    const body = flat((await pdfPages(await renderPdf(exportInput()))).join('\n'));
    expect(body).toContain(
      '[Alt 1: political reasons]OPP / [Alt 2: the events of 2019]GOV within [Alt 1: 30 days]OPP / [Alt 2: 90 days]GOV of signature.',
    );
    expect(body).toContain('[Alt 1: within six months] / [Alt 2: within twelve months]');
  });

  it('shows the title, the version, the banner and the state on the first page', async () => {
    const [first] = await pdfPages(await renderPdf(exportInput()));
    const page = flat(first ?? '');
    expect(page).toContain('DRAFT GENERAL AGREEMENT ON THE ELECTORAL PROCESS');
    expect(page).toContain('Version 3, published 12 March 2025 — SHA-256');
    expect(page).toContain('Nothing is agreed until everything is agreed');
    expect(page).toContain('11 provisions: 1 agreed, 1 agreed ad ref., 7 bracketed, 2 open');
  });

  it('carries the header and the recipient footer on every page, with the right page count', async () => {
    const pages = await pdfPages(await renderPdf(exportInput()));
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`${header} Version 3 · 12 March 2025`);
      expect(page).toContain(`${issued} — page ${i + 1} of 2`);
    });
  });

  it('runs a long text over many pages, numbered X of Y, and never ends a page on a heading', async () => {
    const pages = await pdfPages(await renderPdf(exportInput(longText(6))));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`${issued} — page ${i + 1} of ${pages.length}`);
      expect(page).toContain(header);
      // The header and footer are drawn last, so the line before the header ends the content.
      const lines = page.split('\n');
      const headerLine = lines.findIndex((line) => line.startsWith(header));
      expect(headerLine).toBeGreaterThan(0);
      expect(lines[headerLine - 1], `page ${i + 1}`).not.toMatch(/^Chapter [IVXLC]+/);
    });
    const all = pages.join('\n');
    expect(all).toContain('Chapter XXX — Sanctions relief');
    expect(all).toMatch(/\n30\.1 /);
  });

  it('shows Spanish and Norwegian letters and typographic punctuation exactly', async () => {
    const body = flat((await pdfPages(await renderPdf(exportInput(nordicSpanish)))).join('\n'));
    expect(body).toContain('Acuerdo de Bodø sobre el año electoral');
    expect(body).toContain(
      'La Comisión de Seguimiento se reunirá en Ålesund y Lærdal [“cada año”]GOV – sí — «según el señor Ærø».',
    );
    expect(body).toContain(
      'Partene skal møtes i Tromsø [innen én måned]OPP,1; the Parties’ “consultations” continue.',
    );
    expect(body).toContain('1 føre-var');
    expect(body).toContain('Łódź, İstanbul, Αθήνα and Київ');
  });

  it('embeds Liberation Sans by default, so letters beyond WinAnsi survive', async () => {
    const pdf = (await renderPdf(exportInput(nordicSpanish))).toString('latin1');
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans/);
    expect(pdf).not.toContain('/BaseFont /Helvetica');
  });

  it('with the standard fonts keeps WinAnsi letters and transliterates the rest', async () => {
    const buffer = await renderPdf(exportInput(nordicSpanish), { fonts: 'standard' });
    expect(buffer.toString('latin1')).toContain('/BaseFont /Helvetica');
    const body = flat((await pdfPages(buffer)).join('\n'));
    expect(body).toContain('Ålesund y Lærdal [“cada año”]GOV – sí — «según el señor Ærø».');
    expect(body).toContain('Partene skal møtes i Tromsø [innen én måned]OPP,1');
    expect(body).toContain('Lódz, Istanbul, ????? and ????');
  });

  it('embeds fonts the caller gives', async () => {
    const dir = join(
      dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
      'standard_fonts',
    );
    const buffer = await renderPdf(exportInput(), {
      fonts: {
        regular: join(dir, 'LiberationSans-Regular.ttf'),
        bold: join(dir, 'LiberationSans-Bold.ttf'),
        italic: join(dir, 'LiberationSans-Italic.ttf'),
        boldItalic: join(dir, 'LiberationSans-BoldItalic.ttf'),
      },
    });
    expect(buffer.toString('latin1')).toContain('/FontFile2');
    expect(flat((await pdfPages(buffer)).join('\n'))).toContain('[three]GOV');
  });

  it('renders the same copy to the same bytes whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T10:00:00Z'));
    const first = await renderPdf(exportInput());
    vi.setSystemTime(new Date('2032-06-15T22:47:13Z'));
    const second = await renderPdf(exportInput());
    expect(second.equals(first)).toBe(true);
    const info = await pdfInfo(first);
    expect(info.CreationDate).toBe('D:20250314090500Z');
    expect(info.Title).toBe('HERON — Version 3');
  });

  it('cuts a word longer than the line instead of running off the page', async () => {
    const word = 'x'.repeat(300);
    const text = parsePlainText(`# Chapter I — Long\n\n1.1 Before ${word} after.\n`, parties).text;
    const pages = await pdfPages(await renderPdf(exportInput(text)));
    expect(pages.join('').replace(/\s+/g, '')).toContain(`Before${word}after.`);
  });

  it('renders a working draft and an empty text', async () => {
    const pages = await pdfPages(
      await renderPdf(exportInput({ title: '', chapters: [] }, { version: null })),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Working draft · 14 March 2025');
    expect(pages[0]).toContain('Negotiating text');
    expect(pages[0]).toContain(`${issued} — page 1 of 1`);
  });
});
