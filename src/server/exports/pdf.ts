/**
 * The PDF export (PDFKit): A4 pages with the codename, version and date in a header and
 * "Issued to … on … — page X of Y" in a footer on every page, the title block with the banner,
 * state and legend, then the chapters and their numbered provisions.
 *
 * Lines are broken here rather than by PDFKit's `continued` text, because a provision mixes
 * fonts, sizes and raised holder codes on one line (`[within six months]ᴳᴼⱽ`), which PDFKit's
 * own wrapper lays out unevenly; breaking at spaces ourselves also keeps a bracket glued to its
 * holder code and lets a page break fall between lines, never inside one. Pages are buffered so
 * that "page X of Y" can be written once the number of pages is known. Output is deterministic:
 * the document's dates come from the input, and the font subsets are named by PDFKit from fixed ids.
 */
import PDFDocument from 'pdfkit';
import {
  footerText,
  layoutText,
  type ExportInput,
  type ExportLayout,
  type Inline,
  type LaidOutProvision,
  type TextStyle,
} from './layout.js';
import {
  resolveFonts,
  transliterateToWinAnsi,
  type PdfFontChoice,
  type ResolvedFonts,
} from './pdf-fonts.js';

/** How to render the PDF. */
export interface PdfOptions {
  /** Which fonts to use; `auto` (the default) embeds Liberation Sans when it is installed. */
  fonts?: PdfFontChoice;
}

type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

interface RunStyle {
  readonly face: Face;
  readonly size: number;
  readonly color: string;
  /** How far above the baseline the text sits (superscripts). */
  readonly rise: number;
}

interface Piece {
  readonly text: string;
  readonly style: RunStyle;
}

type Flow = readonly (Piece | 'break')[];

interface Atom {
  readonly text: string;
  readonly style: RunStyle;
  readonly width: number;
}

interface Line {
  readonly atoms: Atom[];
  readonly width: number;
}

// Geometry, in points (A4).
const pageWidth = 595.28;
const pageHeight = 841.89;
const marginX = 68;
const contentTop = 80;
const contentBottom = pageHeight - 72;
const contentWidth = pageWidth - 2 * marginX;
const numberColumn = 34;

const black = '#000000';
const grey = '#555555';
const holderBlue = '#1f3a93';

const body: RunStyle = { face: 'regular', size: 10.5, color: black, rise: 0 };
const bodyLeading = 15;
const styles = {
  body,
  bracket: { ...body, face: 'bold' },
  label: { ...body, face: 'italic' },
  placeholder: { ...body, face: 'italic', color: grey },
  number: { ...body, face: 'bold' },
  holder: { face: 'bold', size: 6.5, color: holderBlue, rise: 4 },
  noteRef: { face: 'regular', size: 6.5, color: black, rise: 4 },
  status: { face: 'boldItalic', size: 9, color: grey, rise: 0 },
  title: { face: 'bold', size: 15, color: black, rise: 0 },
  chapter: { face: 'bold', size: 12, color: black, rise: 0 },
  small: { face: 'regular', size: 8.5, color: grey, rise: 0 },
  smallBold: { face: 'bold', size: 8.5, color: black, rise: 0 },
  banner: { face: 'bold', size: 11, color: black, rise: 0 },
  summary: { face: 'regular', size: 9, color: black, rise: 0 },
  legend: { face: 'regular', size: 8, color: grey, rise: 0 },
  note: { face: 'regular', size: 8, color: black, rise: 0 },
  noteNumber: { face: 'regular', size: 6, color: black, rise: 3 },
} satisfies Record<string, RunStyle>;

const textStyles: Readonly<Record<TextStyle, RunStyle>> = {
  wording: styles.body,
  separator: styles.body,
  bracket: styles.bracket,
  label: styles.label,
  placeholder: styles.placeholder,
};

const standardNames: Readonly<Record<Face, string>> = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
};

/** Renders the copy as a PDF. */
export async function renderPdf(input: ExportInput, options: PdfOptions = {}): Promise<Buffer> {
  const layout = layoutText(input);
  const fonts = await resolveFonts(options.fonts);
  const issued = new Date(input.recipient.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: contentTop, bottom: pageHeight - contentBottom, left: marginX, right: marginX },
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    displayTitle: true,
    info: {
      Title: `${input.codename} — ${layout.versionLabel}`,
      Subject: layout.issuedLine,
      Creator: 'Parley',
      Producer: 'Parley',
      CreationDate: Number.isNaN(issued.getTime()) ? new Date(0) : issued,
    },
  });
  const done = collect(doc);
  const writer = new PdfWriter(doc, fonts);
  writer.render(layout);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

class PdfWriter {
  private y = contentTop;
  private readonly shape: (text: string) => string;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    fonts: ResolvedFonts,
  ) {
    if (fonts.kind === 'embedded') {
      for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
        doc.registerFont(face, fonts.files[face]);
      }
      this.shape = (text) => text;
    } else {
      for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
        doc.registerFont(face, standardNames[face]);
      }
      this.shape = transliterateToWinAnsi;
    }
  }

  render(layout: ExportLayout): void {
    this.titleBlock(layout);
    for (const chapter of layout.chapters) {
      const heading = this.breakLines([this.piece(chapter.label, styles.chapter)], contentWidth);
      // A heading never ends a page: keep it with the first two lines of its first provision.
      this.ensure(14 + heading.length * 16 + 6 + 6 + 2 * bodyLeading);
      this.space(14);
      this.doc.outline.addItem(chapter.label);
      this.drawLines(heading, { x: marginX, width: contentWidth }, 16, 'left');
      this.y += 6;
      for (const provision of chapter.provisions) this.provision(provision);
    }
    this.headersAndFooters(layout);
  }

  private titleBlock(layout: ExportLayout): void {
    const centred = { x: marginX, width: contentWidth, align: 'center' as const };
    this.paragraph([this.piece(layout.title, styles.title)], { ...centred, leading: 19 });
    this.y += 4;
    this.paragraph([this.piece(layout.versionLine, styles.small)], { ...centred, leading: 11 });
    this.y += 10;
    if (layout.banner !== null) this.banner(layout.banner);
    this.paragraph([this.piece(layout.summary, styles.summary)], { ...centred, leading: 12 });
    if (layout.signatures !== null) {
      this.paragraph([this.piece(layout.signatures, styles.summary)], { ...centred, leading: 12 });
    }
    this.y += 8;
    for (const entry of layout.legend) {
      this.paragraph([this.piece(entry, styles.legend)], {
        x: marginX,
        width: contentWidth,
        leading: 10,
        align: 'left',
      });
      this.y += 3;
    }
    this.y += 4;
    this.rule(this.y);
    this.y += 6;
  }

  private banner(text: string): void {
    const padding = 6;
    const lines = this.breakLines([this.piece(text, styles.banner)], contentWidth - 2 * padding);
    const height = lines.length * 14 + 2 * padding;
    this.ensure(height);
    this.doc
      .save()
      .lineWidth(1.2)
      .strokeColor(black)
      .rect(marginX, this.y, contentWidth, height)
      .stroke()
      .restore();
    this.y += padding;
    this.drawLines(
      lines,
      { x: marginX + padding, width: contentWidth - 2 * padding },
      14,
      'center',
    );
    this.y += padding + 10;
  }

  private provision(provision: LaidOutProvision): void {
    const flow: (Piece | 'break')[] = provision.inlines.map((inline) => this.inline(inline));
    if (flow.length > 0) flow.push(this.piece(' ', styles.body));
    flow.push(this.piece(provision.statusMark, styles.status));
    const x = marginX + numberColumn;
    const width = contentWidth - numberColumn;
    const lines = this.breakLines(flow, width);
    this.space(6);
    // Never leave a provision's first line alone at the foot of a page.
    this.ensure(Math.min(lines.length, 2) * bodyLeading);
    const number = this.shape(provision.number);
    this.drawRun(number, styles.number, marginX, this.y + body.size);
    this.drawLines(lines, { x, width }, bodyLeading, 'left');
    for (const note of provision.notes) {
      const noteLines = this.breakLines([this.piece(note.text, styles.note)], width - 12);
      this.ensure(Math.min(noteLines.length, 2) * 10.5);
      this.drawRun(String(note.number), styles.noteNumber, x, this.y + styles.note.size);
      this.drawLines(noteLines, { x: x + 12, width: width - 12 }, 10.5, 'left');
    }
  }

  private inline(inline: Inline): Piece | 'break' {
    switch (inline.kind) {
      case 'text':
        return this.piece(inline.text, textStyles[inline.style]);
      case 'holder':
        return this.piece(inline.code, styles.holder);
      case 'noteRef':
        return this.piece(`${inline.afterHolder ? ',' : ''}${inline.note}`, styles.noteRef);
      case 'break':
        return 'break';
    }
  }

  private piece(text: string, style: RunStyle): Piece {
    return { text: this.shape(text).replace(/\t/g, ' '), style };
  }

  // --- lines ------------------------------------------------------------------------------

  private measure(text: string, style: RunStyle): number {
    return this.doc.font(style.face).fontSize(style.size).widthOfString(text);
  }

  /** Breaks a flow into lines at spaces; a word wider than the line is cut between characters. */
  private breakLines(flow: Flow, width: number): Line[] {
    const lines: Line[] = [];
    let atoms: Atom[] = [];
    let lineWidth = 0;
    let glue: Atom[] = [];
    let word: Atom[] = [];
    const endLine = (): void => {
      lines.push({ atoms, width: lineWidth });
      atoms = [];
      lineWidth = 0;
      glue = [];
    };
    const placeWord = (): void => {
      if (word.length === 0) return;
      const wordWidth = word.reduce((sum, a) => sum + a.width, 0);
      const glueWidth = glue.reduce((sum, a) => sum + a.width, 0);
      if (atoms.length > 0 && lineWidth + glueWidth + wordWidth > width + 0.01) endLine();
      if (atoms.length > 0) {
        atoms.push(...glue);
        lineWidth += glueWidth;
      }
      glue = [];
      if (atoms.length === 0 && wordWidth > width) {
        this.cutWord(word, width, (atom) => {
          if (lineWidth + atom.width > width + 0.01 && atoms.length > 0) endLine();
          atoms.push(atom);
          lineWidth += atom.width;
        });
      } else {
        atoms.push(...word);
        lineWidth += wordWidth;
      }
      word = [];
    };
    for (const item of flow) {
      if (item === 'break') {
        placeWord();
        endLine();
        continue;
      }
      for (const part of item.text.split(/( +)/)) {
        if (part === '') continue;
        const atom = { text: part, style: item.style, width: this.measure(part, item.style) };
        if (part.startsWith(' ')) {
          placeWord();
          if (atoms.length > 0) glue.push(atom);
        } else {
          word.push(atom);
        }
      }
    }
    placeWord();
    if (atoms.length > 0 || lines.length === 0) endLine();
    return lines;
  }

  private cutWord(word: readonly Atom[], width: number, place: (atom: Atom) => void): void {
    for (const atom of word) {
      let chunk = '';
      for (const char of atom.text) {
        if (chunk !== '' && this.measure(chunk + char, atom.style) > width) {
          place({ text: chunk, style: atom.style, width: this.measure(chunk, atom.style) });
          chunk = '';
        }
        chunk += char;
      }
      if (chunk !== '') {
        place({ text: chunk, style: atom.style, width: this.measure(chunk, atom.style) });
      }
    }
  }

  /** Draws lines from the current position, moving down and onto new pages as needed. */
  private drawLines(
    lines: readonly Line[],
    box: { x: number; width: number },
    leading: number,
    align: 'left' | 'center',
  ): void {
    for (const line of lines) {
      this.ensure(leading);
      const size = Math.max(...line.atoms.map((a) => a.style.size), 0);
      const baseline = this.y + (size === 0 ? leading * 0.7 : size);
      const x = align === 'center' ? box.x + (box.width - line.width) / 2 : box.x;
      this.drawLine(line, x, baseline);
      this.y += leading;
    }
  }

  /** Draws one string on a baseline; returns its width. */
  private drawRun(text: string, style: RunStyle, x: number, baseline: number): number {
    this.doc
      .font(style.face)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(text, x, baseline - style.rise, { lineBreak: false, baseline: 'alphabetic' });
    return this.doc.widthOfString(text);
  }

  private paragraph(
    flow: Flow,
    options: { x: number; width: number; leading: number; align: 'left' | 'center' },
  ): void {
    const lines = this.breakLines(flow, options.width);
    this.drawLines(lines, options, options.leading, options.align);
  }

  /** Vertical space between blocks, left out at the top of a page. */
  private space(height: number): void {
    if (this.y > contentTop) this.y += height;
  }

  private ensure(height: number): void {
    if (this.y + height > contentBottom) {
      this.doc.addPage();
      this.y = contentTop;
    }
  }

  private rule(y: number): void {
    this.doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#999999')
      .moveTo(marginX, y)
      .lineTo(pageWidth - marginX, y)
      .stroke()
      .restore();
  }

  // --- every page ---------------------------------------------------------------------------

  private headersAndFooters(layout: ExportLayout): void {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i += 1) {
      this.doc.switchToPage(range.start + i);
      this.header(layout);
      this.footer(footerText(layout, i + 1, range.count));
    }
  }

  private header(layout: ExportLayout): void {
    const left = this.shape(layout.headerLeft);
    const right = this.shape(layout.headerRight);
    const leftWidth = this.measure(left, styles.smallBold);
    const rightWidth = this.measure(right, styles.small);
    const baseline = 44;
    this.drawRun(left, styles.smallBold, marginX, baseline);
    // A long codename pushes the version and date onto a second line rather than over it.
    const together = leftWidth + rightWidth + 12 <= contentWidth;
    const rightBaseline = together ? baseline : baseline + 11;
    this.drawRun(right, styles.small, pageWidth - marginX - rightWidth, rightBaseline);
    this.rule(rightBaseline + 8);
  }

  private footer(text: string): void {
    const lines = this.breakLines([this.piece(text, styles.small)], contentWidth);
    const top = pageHeight - 56;
    this.rule(top);
    const saved = this.y;
    this.y = top + 6;
    for (const line of lines) {
      // Drawn directly: the footer lies below the content area, where `ensure` would break.
      const baseline = this.y + styles.small.size;
      this.drawLine(line, marginX + (contentWidth - line.width) / 2, baseline);
      this.y += 11;
    }
    this.y = saved;
  }

  /**
   * Draws one line; consecutive atoms in one style are drawn as one string, spaces included, so
   * that text extracted from the PDF reads as it was written.
   */
  private drawLine(line: Line, x: number, baseline: number): void {
    let cursor = x;
    let run = '';
    let style: RunStyle | null = null;
    const flush = (): void => {
      if (style !== null && run !== '') cursor += this.drawRun(run, style, cursor, baseline);
      run = '';
    };
    for (const atom of line.atoms) {
      if (atom.style !== style) {
        flush();
        style = atom.style;
      }
      run += atom.text;
    }
    flush();
  }
}
