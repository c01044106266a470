/** Renders an issued copy in the format asked for, with its file name and content type. */
import type { ExportFormat, IssuedCopy } from '../../core/usecases/text/export-version.js';
import { fingerprintNegotiatingText, type FingerprintKey } from '../../core/trace/index.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import type { ExportLanguage } from './labels.js';
import { renderPlainText } from './plain-text.js';

/** A rendered file. */
export interface RenderedFile {
  /** The bytes. */
  body: Buffer;
  /** Its media type. */
  contentType: string;
  /** A file name that names the codename and version, never the real title. */
  filename: string;
}

const contentTypes: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
};

/**
 * Renders one copy, its wording fingerprinted for its copy id (invisible space variations that
 * survive copy-paste; see core/trace/fingerprint.ts), besides the visible footer naming the recipient.
 * Its fixed wording is in `language` (English by default); the text's own wording is as drafted.
 */
export async function renderCopy(
  copy: IssuedCopy,
  format: ExportFormat,
  secret: FingerprintKey,
  language: ExportLanguage = 'en',
): Promise<RenderedFile> {
  const parties = copy.parties.map((p) => ({ id: p.id, code: p.code }));
  const input = {
    text: fingerprintNegotiatingText(copy.text, { copyId: copy.copyId, parties }, secret),
    parties: copy.parties,
    codename: copy.codename,
    version: copy.version,
    state: copy.state,
    recipient: copy.recipient,
    language,
  };
  const body =
    format === 'docx'
      ? await renderDocx(input)
      : format === 'pdf'
        ? await renderPdf(input)
        : Buffer.from(renderPlainText(input), 'utf8');
  const safe = copy.codename.replace(/[^A-Za-z0-9_-]+/g, '-');
  return {
    body,
    contentType: contentTypes[format],
    filename: `${safe}-v${copy.version.number}.${format}`,
  };
}
