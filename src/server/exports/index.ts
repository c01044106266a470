/**
 * Exports of a negotiating text as negotiators expect them: DOCX, PDF and plain text, all three
 * from one layout (`layout.ts`), so numbering, status marks and attributions read the same in each.
 */
export {
  formatDate,
  layoutText,
  statusMarks,
  type ExportInput,
  type ExportLayout,
  type ExportParty,
  type ExportRecipient,
  type ExportVersion,
} from './layout.js';
export { renderDocx } from './docx.js';
export { renderPdf, type PdfOptions } from './pdf.js';
export { type PdfFontChoice, type PdfFontFiles } from './pdf-fonts.js';
export {
  beginTextMarker,
  endTextMarker,
  renderPlainText,
  stripPlainTextFrame,
} from './plain-text.js';
