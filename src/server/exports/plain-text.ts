/**
 * The plain-text export: a few header lines (codename, version, banner, state, recipient), the
 * text in the documented plain-text form (`printPlainText`, which an import reads back without
 * loss), and a footer line naming the recipient. The text itself sits between two marker lines,
 * so that an exported copy can be imported again once the frame is stripped (`stripPlainTextFrame`).
 */
import { printPlainText } from '../../core/text/index.js';
import { layoutText, type ExportInput } from './layout.js';

/** The line that opens the text proper in a plain-text export. */
export const beginTextMarker = '----- BEGIN TEXT -----';

/** The line that closes the text proper in a plain-text export. */
export const endTextMarker = '----- END TEXT -----';

/** The copy as plain text: header lines, the plain-text form between markers, footer lines. */
export function renderPlainText(input: ExportInput): string {
  const layout = layoutText(input);
  const header = [
    `${layout.headerLeft} · ${layout.headerRight}`,
    layout.title,
    layout.versionLine,
    ...(layout.banner === null ? [] : [`*** ${layout.banner} ***`]),
    layout.summary,
    ...(layout.signatures === null ? [] : [layout.signatures]),
    `${layout.partiesLabel}: ${input.parties.map((p) => `${p.code} — ${p.name}`).join('; ')}`,
    layout.issuedLine,
  ];
  const body = printPlainText(input.text, input.parties);
  const footer = [`${layout.issuedLine} — ${input.codename}, ${layout.versionLabel}`];
  return [...header, beginTextMarker, `${body}${endTextMarker}`, ...footer].join('\n') + '\n';
}

/**
 * The text proper of a plain-text export, as `parsePlainText` reads it: what stands between the
 * markers. A text without the markers is returned unchanged (it was never framed).
 */
export function stripPlainTextFrame(exported: string): string {
  const lines = exported.split(/\r\n|\r|\n/);
  // The text proper never has a marker at the start of a line (its lines begin with "Title:",
  // "#", a number or indentation), but a header line (a title, a name) could: so the markers
  // are searched from the end.
  const end = lines.lastIndexOf(endTextMarker);
  const begin = end < 0 ? -1 : lines.lastIndexOf(beginTextMarker, end);
  if (begin < 0) return exported;
  const inner = lines.slice(begin + 1, end);
  return inner.length === 0 ? '' : `${inner.join('\n')}\n`;
}
