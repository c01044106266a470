/**
 * The DOCX export (the `docx` library): an A4 document in Times New Roman, as UN documents are,
 * with real header and footer parts (codename and version on every page; "Issued to … on … —
 * page X of Y" with Word's PAGE and NUMPAGES fields), chapter headings in the Heading 1 style (so
 * they appear in Word's navigation pane), provisions as hanging-indent paragraphs, holder codes
 * as superscripts and drafters' notes as real footnotes.
 *
 * Deterministic: the package's core properties carry the copy's dates instead of the time of
 * packing, and the ZIP entries are stamped with the issue time (see `zip-stamp.ts`).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';
import {
  layoutText,
  type ExportInput,
  type ExportLayout,
  type Inline,
  type LaidOutProvision,
  type TextStyle,
} from './layout.js';
import { stampZipEntries } from './zip-stamp.js';

// A4 with 2.5 cm margins, in twentieths of a point.
const pageWidth = 11906;
const pageHeight = 16838;
const margin = 1418;
const contentWidth = pageWidth - 2 * margin;
const numberColumn = 680;

const grey = '555555';
const holderBlue = '1F3A93';
const small = 18; // half-points: 9 pt
const rule = { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 };

const textRuns: Readonly<Record<TextStyle, Omit<IRunOptions, 'text'>>> = {
  wording: {},
  separator: {},
  bracket: { bold: true },
  label: { italics: true },
  placeholder: { italics: true, color: grey },
};

/** Renders the copy as a Word document. */
export async function renderDocx(input: ExportInput): Promise<Buffer> {
  const layout = layoutText(input);
  const title = `${input.codename} — ${layout.versionLabel}`;
  const doc = new Document({
    title,
    subject: layout.issuedLine,
    creator: 'Parley',
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: 24 },
          paragraph: { spacing: { after: 120 } },
        },
        title: {
          run: { font: 'Times New Roman', size: 30, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 80 } },
        },
        heading1: {
          run: { font: 'Times New Roman', size: 26, bold: true, color: '000000' },
          paragraph: { keepNext: true, spacing: { before: 360, after: 160 } },
        },
      },
    },
    footnotes: Object.fromEntries(
      layout.notes.map((note) => [
        String(note.number),
        { children: [new Paragraph({ children: [new TextRun({ text: note.text, size: 20 })] })] },
      ]),
    ),
    sections: [
      {
        properties: {
          page: {
            size: { width: pageWidth, height: pageHeight },
            margin: {
              top: margin,
              bottom: margin,
              left: margin,
              right: margin,
              header: 708,
              footer: 708,
            },
          },
        },
        headers: { default: header(layout) },
        footers: { default: footer(layout) },
        children: [...titleBlock(layout), ...chapters(layout)],
      },
    ],
  });
  const issued = new Date(input.recipient.issuedAt);
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreProperties(input, layout, title) },
  ]);
  return stampZipEntries(packed, issued);
}

function header(layout: ExportLayout): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth }],
        border: { bottom: rule },
        children: [
          new TextRun({ text: layout.headerLeft, bold: true, size: small }),
          new TextRun({ children: [new Tab(), layout.headerRight], size: small, color: grey }),
        ],
      }),
    ],
  });
}

function footer(layout: ExportLayout): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { top: rule },
        children: [
          new TextRun({
            children: [
              `${layout.issuedLine} — ${layout.pageWords.before}`,
              PageNumber.CURRENT,
              layout.pageWords.between,
              PageNumber.TOTAL_PAGES,
            ],
            size: small,
            color: grey,
          }),
        ],
      }),
    ],
  });
}

function titleBlock(layout: ExportLayout): Paragraph[] {
  const centred = (text: string, options: Omit<IRunOptions, 'text'> = {}): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 60 },
      children: [new TextRun({ text, size: small, ...options })],
    });
  const box = { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 6 };
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(layout.title)] }),
    centred(layout.versionLine, { color: grey, size: 16 }),
    ...(layout.banner === null
      ? []
      : [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { top: box, bottom: box, left: box, right: box },
            spacing: { before: 240, after: 240 },
            children: [new TextRun({ text: layout.banner, bold: true, size: 24 })],
          }),
        ]),
    centred(layout.summary),
    ...(layout.signatures === null ? [] : [centred(layout.signatures)]),
    ...layout.legend.map(
      (entry, i) =>
        new Paragraph({
          spacing: { before: i === 0 ? 200 : 0, after: 60 },
          border: i === layout.legend.length - 1 ? { bottom: rule } : undefined,
          children: [new TextRun({ text: entry, size: 16, color: grey })],
        }),
    ),
  ];
}

function chapters(layout: ExportLayout): Paragraph[] {
  return layout.chapters.flatMap((chapter) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(chapter.label)] }),
    ...chapter.provisions.map(provision),
  ]);
}

function provision(p: LaidOutProvision): Paragraph {
  const wording = p.inlines.flatMap(inlineRuns);
  return new Paragraph({
    indent: { left: numberColumn, hanging: numberColumn },
    tabStops: [{ type: TabStopType.LEFT, position: numberColumn }],
    spacing: { after: 160 },
    children: [
      new TextRun({ text: p.number, bold: true }),
      new TextRun({ children: [new Tab()] }),
      ...wording,
      new TextRun({
        text: wording.length === 0 ? p.statusMark : ` ${p.statusMark}`,
        bold: true,
        italics: true,
        size: 20,
        color: grey,
      }),
    ],
  });
}

function inlineRuns(inline: Inline): (TextRun | FootnoteReferenceRun)[] {
  switch (inline.kind) {
    case 'text':
      return [new TextRun({ text: inline.text, ...textRuns[inline.style] })];
    case 'holder':
      return [new TextRun({ text: inline.code, superScript: true, bold: true, color: holderBlue })];
    case 'noteRef':
      return [
        ...(inline.afterHolder ? [new TextRun({ text: ',', superScript: true })] : []),
        new FootnoteReferenceRun(inline.note),
      ];
    case 'break':
      return [new TextRun({ break: 1 })];
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function w3cdtf(iso: string): string {
  const date = new Date(iso);
  const valid = Number.isNaN(date.getTime()) ? new Date(0) : date;
  return valid.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The package's core properties, dated from the input rather than from the clock. */
function coreProperties(input: ExportInput, layout: ExportLayout, title: string): string {
  const created = w3cdtf(input.version?.publishedAt ?? input.recipient.issuedAt);
  const modified = w3cdtf(input.recipient.issuedAt);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties' +
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:subject>${escapeXml(layout.issuedLine)}</dc:subject>` +
    '<dc:creator>Parley</dc:creator>' +
    '<cp:lastModifiedBy>Parley</cp:lastModifiedBy>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
