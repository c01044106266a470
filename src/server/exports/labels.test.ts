import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { exportLabels, exportLanguages, formatDateIn } from './labels.js';
import { layoutText } from './layout.js';
import { renderPdf } from './pdf.js';
import { renderPlainText } from './plain-text.js';
import { flat, openDocx, pdfPages, wordText } from './test-support/extract.js';
import { exportInput } from './test-support/fixtures.js';

/** Every fixed English word a copy prints, none of which may remain in another language's copy. */
const english = [
  'Confidential',
  '(agreed)',
  '(bracketed)',
  '(open)',
  'Chapter ',
  'Version 3',
  'published',
  'Nothing is agreed',
  'Square brackets',
  'Each provision ends',
  'Issued to',
  'provisions:',
  'Not signed',
  'Parties:',
  'no text',
  'the mediation team',
];

describe('the fixed wording of a copy in each language', () => {
  it('lays out a Spanish copy with Spanish marks, headings, legend and dates', () => {
    const layout = layoutText({ ...exportInput(), language: 'es' });
    expect(layout.headerLeft).toBe('HERON — Confidencial');
    expect(layout.headerRight).toBe('Versión 3 · 12 de marzo de 2025');
    expect(layout.banner).toBe('Nada está acordado hasta que todo esté acordado');
    expect(layout.chapters[0]?.heading).toBe('Capítulo I');
    expect(layout.issuedLine).toBe(
      'Entregado a Ingrid Løvås, OPP delegation el 14 de marzo de 2025',
    );
    const marks = layout.chapters.flatMap((c) => c.provisions.map((p) => p.statusMark));
    expect(marks).toContain('(acordada)');
    expect(layout.legend.join(' ')).toContain('Mediadores — el equipo de mediación');
  });

  it('lays out a Norwegian copy with Norwegian marks, headings and dates', () => {
    const layout = layoutText({ ...exportInput(), language: 'nb' });
    expect(layout.headerLeft).toBe('HERON — Konfidensielt');
    expect(layout.versionLine).toMatch(/^Versjon 3, publisert 12\. mars 2025 — SHA-256 /);
    expect(layout.chapters[0]?.heading).toBe('Kapittel I');
    expect(layout.summary).toMatch(/bestemmelser: \d+ avtalt/);
  });

  it('keeps English as the default, as before', () => {
    const layout = layoutText(exportInput());
    expect(layout.headerLeft).toBe('HERON — Confidential');
    expect(layout.issuedLine).toBe('Issued to Ingrid Løvås, OPP delegation on 14 March 2025');
  });

  it.each(['es', 'nb'] as const)(
    'leaves no fixed English word in the %s text, PDF and DOCX copies',
    async (language) => {
      const input = { ...exportInput(), language };
      const txt = renderPlainText(input);
      // The text proper between the markers is the importable bracket form: only the frame counts.
      const frame = txt.replace(/----- BEGIN TEXT -----[\s\S]*----- END TEXT -----/, '');
      const pdf = flat((await pdfPages(await renderPdf(input))).join('\n'));
      const docx = await openDocx(await renderDocx(input));
      const word = [docx.document, docx.headers.join(''), docx.footers.join(''), docx.footnotes]
        .map(wordText)
        .join('\n');
      for (const copy of [frame, pdf, word])
        for (const phrase of english) expect(copy, phrase).not.toContain(phrase);
      const labels = exportLabels(language);
      expect(pdf).toContain(labels.classification);
      expect(pdf).toContain(`${labels.page.before}1${labels.page.between}`);
      expect(word).toContain(labels.legend('')[1]?.slice(0, 30));
      expect(frame).toContain(`${labels.parties}: GOV`);
    },
  );

  it('writes dates as each language does, in UTC', () => {
    const at = '2025-03-12T23:30:00Z';
    expect(exportLanguages.map((l) => formatDateIn(l, at))).toEqual([
      '12 March 2025',
      '12 de marzo de 2025',
      '12. mars 2025',
    ]);
    expect(formatDateIn('es', 'not a date')).toBe('not a date');
  });
});
