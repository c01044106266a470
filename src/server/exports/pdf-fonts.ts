/**
 * Fonts for the PDF export. PDFKit's built-in Helvetica carries only the WinAnsi character set
 * (Western European letters — ñ, ø, å, æ, é — and typographic quotes and dashes, but no Polish ł,
 * Turkish ş, Greek or Cyrillic) and is not embedded. Liberation Sans, metric-compatible with
 * Helvetica/Arial and covering Latin, Greek and Cyrillic, is embedded whenever its TrueType files
 * can be found: given by the caller, or shipped with Parley in assets/fonts (under the SIL Open
 * Font License, see assets/fonts/LICENSE_LIBERATION). Otherwise the export falls back to Helvetica and
 * transliterates what WinAnsi cannot show (ł → l, ş → s, anything else → ?), so a copy never
 * carries garbled glyphs. Because the two families share metrics, pages break the same way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The four faces the PDF uses, as TrueType/OpenType files (paths or contents). */
export interface PdfFontFiles {
  /** Upright text. */
  regular: string | Buffer;
  /** Bold: brackets, numbers, headings, holder codes. */
  bold: string | Buffer;
  /** Italic: alternative labels, the "no text" placeholder. */
  italic: string | Buffer;
  /** Bold italic: status marks. */
  boldItalic: string | Buffer;
}

/**
 * Which fonts to use: `auto` embeds the Liberation Sans shipped in assets/fonts when it is there
 * and falls back to the standard fonts otherwise; `standard` always uses Helvetica (WinAnsi only,
 * transliterated); or the caller's own files.
 */
export type PdfFontChoice = 'auto' | 'standard' | PdfFontFiles;

/** The fonts a PDF is set in, resolved. */
export type ResolvedFonts =
  | {
      /** Discriminant: TrueType fonts to embed. */
      kind: 'embedded';
      /** The contents of each face. */
      files: Record<keyof PdfFontFiles, Buffer>;
    }
  | {
      /** Discriminant: the standard Helvetica family, WinAnsi only. */
      kind: 'standard';
    };

const standardFonts: ResolvedFonts = { kind: 'standard' };

let shipped: Promise<ResolvedFonts> | null = null;

/** Where Parley ships its fonts: assets/fonts at the package root (three levels up from src/ or dist/). */
const fontDir = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

/** Liberation Sans as shipped with Parley, or the standard fonts when the files are missing. */
function shippedFonts(): Promise<ResolvedFonts> {
  shipped ??= (async (): Promise<ResolvedFonts> => {
    try {
      const face = (name: string): Promise<Buffer> =>
        readFile(join(fontDir, `LiberationSans-${name}.ttf`));
      const [regular, bold, italic, boldItalic] = await Promise.all([
        face('Regular'),
        face('Bold'),
        face('Italic'),
        face('BoldItalic'),
      ]);
      return { kind: 'embedded', files: { regular, bold, italic, boldItalic } };
    } catch {
      return standardFonts;
    }
  })();
  return shipped;
}

/** Resolves a font choice to font contents (read once and cached for `auto`). */
export async function resolveFonts(choice: PdfFontChoice = 'auto'): Promise<ResolvedFonts> {
  if (choice === 'standard') return standardFonts;
  if (choice === 'auto') return shippedFonts();
  const load = (source: string | Buffer): Promise<Buffer> =>
    typeof source === 'string' ? readFile(source) : Promise.resolve(source);
  const [regular, bold, italic, boldItalic] = await Promise.all([
    load(choice.regular),
    load(choice.bold),
    load(choice.italic),
    load(choice.boldItalic),
  ]);
  return { kind: 'embedded', files: { regular, bold, italic, boldItalic } };
}

// WinAnsi (Windows-1252): ASCII, Latin-1 from U+00A0, and these 27 characters in 0x80–0x9F.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** True when the standard PDF fonts can show the character. */
export function inWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)
  );
}

// Letters and signs that do not decompose into a WinAnsi letter plus accents.
const replacements: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŋ: 'n',
  Ŋ: 'N',
  ſ: 's',
  ĸ: 'k',
  ŉ: "'n",
  ǆ: 'dž',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': '’',
  '\u2033': '”',
  '\u2039': '‹',
  '\u2044': '/',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2007': '\u00a0',
  '\u202f': '\u00a0',
  '\u2060': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
};

/**
 * The text as the standard fonts can show it: WinAnsi characters kept, accented letters reduced
 * to their base letter (ş → s, ő → o), a few letters and signs replaced (ł → l, − → -), and
 * anything else (Greek, Cyrillic, emoji …) shown as "?".
 */
export function transliterateToWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (/^\p{M}$/u.test(char)) continue; // a lone combining mark: its letter is already out
    if (inWinAnsi(char)) {
      out += char;
      continue;
    }
    const replacement = replacements[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
    out += base !== '' && [...base].every(inWinAnsi) ? base : '?';
  }
  return out;
}
