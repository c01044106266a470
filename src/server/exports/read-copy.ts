/**
 * Reading issued copies back the way a reader's software would — the DOCX unzipped with JSZip
 * and its WordprocessingML reduced to text, the PDF's text extracted page by page with pdf.js —
 * for tracing a leaked copy and for the export tests.
 */
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The parts of a DOCX that are read back, as XML. */
export interface DocxParts {
  /** word/document.xml. */
  document: string;
  /** Every word/header*.xml. */
  headers: string[];
  /** Every word/footer*.xml. */
  footers: string[];
  /** word/footnotes.xml, or '' when there is none. */
  footnotes: string;
  /** docProps/core.xml. */
  core: string;
}

/** Unzips a DOCX and returns its parts. */
export async function openDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string): Promise<string> =>
    (await zip.file(path)?.async('string')) ?? '';
  const named = (pattern: RegExp): Promise<string[]> =>
    Promise.all(
      Object.keys(zip.files)
        .filter((path) => pattern.test(path))
        .sort()
        .map(read),
    );
  return {
    document: await read('word/document.xml'),
    headers: await named(/^word\/header\d*\.xml$/),
    footers: await named(/^word\/footer\d*\.xml$/),
    footnotes: await read('word/footnotes.xml'),
    core: await read('docProps/core.xml'),
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/**
 * The paragraphs of WordprocessingML as text: superscript runs as `^{GOV}`, footnote references
 * as `{fn N}`, field instructions as `{PAGE}`, tabs as `\t`, line breaks as `\n`.
 */
export function wordParagraphs(xml: string): string[] {
  const paragraphs = xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((paragraph) => {
    let out = '';
    for (const run of paragraph.match(/<w:r[\s>][\s\S]*?<\/w:r>/g) ?? []) {
      let text = '';
      const pieces =
        /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:footnoteReference w:id="(\d+)"\/>|<w:instrText[^>]*>([\s\S]*?)<\/w:instrText>/g;
      for (const piece of run.matchAll(pieces)) {
        if (piece[1] !== undefined) text += unescapeXml(piece[1]);
        else if (piece[2] !== undefined) text += `{fn ${piece[2]}}`;
        else if (piece[3] !== undefined) text += `{${piece[3].trim()}}`;
        else if (piece[0] === '<w:tab/>') text += '\t';
        else text += '\n';
      }
      const superscript = /<w:vertAlign w:val="superscript"\/>/.test(run);
      out += superscript && text !== '' && !text.startsWith('{fn') ? `^{${text}}` : text;
    }
    return out;
  });
}

/** All the text of WordprocessingML, paragraphs separated by blank lines (see `wordParagraphs`). */
export function wordText(xml: string): string {
  return wordParagraphs(xml).join('\n\n');
}

/** The text of each page of a PDF, lines separated by newlines, as pdf.js extracts it. */
export async function pdfPages(buffer: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(text);
  }
  await pdf.destroy();
  return pages;
}

/** The document information dictionary of a PDF (Title, CreationDate …) as pdf.js reads it. */
export async function pdfInfo(buffer: Buffer): Promise<Record<string, unknown>> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { ...(info as Record<string, unknown>) };
}

/** Text with every run of white space (line breaks included) made one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
