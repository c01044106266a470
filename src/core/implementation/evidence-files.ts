/**
 * Files as evidence: which documents Parley keeps, recognised by their content, and the name a
 * file is kept and offered under.
 *
 * - A file's type is decided by its bytes (magic numbers), never by its name alone: PDF, PNG,
 *   JPEG, WebP, GIF, Word/Excel/PowerPoint (OOXML) and OpenDocument text, spreadsheet and
 *   presentation, and plain text (UTF-8, no NUL) as text, CSV or Markdown by its ending.
 * - Refused: an empty file, anything else binary (archives, executables, old Office formats), and
 *   markup a browser would render — HTML, SVG, XML — even when it is named `.txt`: evidence is
 *   downloaded, never shown inline, and Parley keeps none that could run in a page.
 * - A name whose ending says another accepted type than the content is refused (a PNG named
 *   `report.pdf` is a mistake or a disguise); a name with no ending, or an ending Parley does not
 *   know, gets the ending of its type.
 */

/** A document type Parley accepts as evidence. */
export interface EvidenceFileType {
  /** Its media type, as offered on download. */
  mediaType: string;
  /** The endings its name may have; the first is given to a name without one. */
  extensions: readonly string[];
}

/** Every accepted type, by a short key. */
export const evidenceFileTypes = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  webp: { mediaType: 'image/webp', extensions: ['webp'] },
  gif: { mediaType: 'image/gif', extensions: ['gif'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  csv: { mediaType: 'text/csv', extensions: ['csv'] },
  markdown: { mediaType: 'text/markdown', extensions: ['md', 'markdown'] },
  text: { mediaType: 'text/plain', extensions: ['txt', 'text', 'log', 'tsv'] },
} as const satisfies Record<string, EvidenceFileType>;

/** The key of an accepted type. */
export type EvidenceFileTypeKey = keyof typeof evidenceFileTypes;

/** Every accepted media type (what a stored file may be served as). */
export const acceptedMediaTypes: readonly string[] = Object.values(evidenceFileTypes).map(
  (t) => t.mediaType,
);

/** Why a file was refused, with what to do, for the person who sent it. */
export interface FileRefusal {
  /** A short machine word. */
  reason: 'empty' | 'type' | 'markup' | 'name';
  /** What was wrong and what to do. */
  message: string;
}

/** A file recognised: its type and the name to keep it under. */
export interface RecognisedFile {
  /** The type. */
  type: EvidenceFileTypeKey;
  /** Its media type. */
  mediaType: string;
  /** The safe name, ending in one of the type's endings. */
  name: string;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** The bytes as latin-1 (one character per byte), for finding ASCII markers in binary files. */
function latin1(bytes: Uint8Array, limit = bytes.length): string {
  let out = '';
  const end = Math.min(limit, bytes.length);
  for (let i = 0; i < end; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return out;
}

/** Which office document a ZIP container is, from the names of its parts, or null. */
function officeType(bytes: Uint8Array): EvidenceFileTypeKey | null {
  // OpenDocument: the first part is an uncompressed `mimetype` naming the type.
  const head = latin1(bytes, 200);
  if (head.slice(30, 38) === 'mimetype') {
    const m = /application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)/.exec(head);
    if (m) return m[1] === 'text' ? 'odt' : m[1] === 'spreadsheet' ? 'ods' : 'odp';
  }
  // OOXML: the part names are stored in clear in local headers and the central directory.
  const names = latin1(bytes);
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
}

/** Whether a text is markup a browser would render (HTML, SVG, XML). */
function isMarkup(text: string): boolean {
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  return (
    /^<(!doctype|html|head|body|svg|\?xml|script|iframe|!--)/.test(start) ||
    /<(html|svg|script|iframe)[\s>/]/.test(text.slice(0, 4096).toLowerCase())
  );
}

/** The key of the type of a file's bytes, the endings of its name decide only among text types. */
function contentType(bytes: Uint8Array, extension: string): EvidenceFileTypeKey | FileRefusal {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const office = officeType(bytes);
    if (office) return office;
    return {
      reason: 'type',
      message:
        'The file is an archive (ZIP), not a document Parley keeps as evidence: send the documents in it one by one.',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = '\u0000';
  }
  if (text.includes('\u0000'))
    return {
      reason: 'type',
      message:
        'The file’s type is not one Parley keeps as evidence: send a PDF, an image (PNG, JPEG, WebP, GIF), a Word, Excel, PowerPoint or OpenDocument file, or UTF-8 text or CSV.',
    };
  if (isMarkup(text))
    return {
      reason: 'markup',
      message:
        'The file is a web page or markup (HTML, SVG or XML), which Parley does not keep as evidence: save it as PDF first.',
    };
  if (extension === 'csv') return 'csv';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  return 'text';
}

/** A name made safe to keep and offer: no folders, no control or reserved characters, not too long. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex -- the point is to remove them
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|]/g, '_')
    // Direction marks and overrides would show a name other than the stored one
    // ("report\u202efdp.txt" reads as "reporttxt.pdf").
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ending = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ending.length) + ending;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** Every ending of an accepted type, to tell a disguise from an unknown ending. */
const knownExtensions = new Map<string, EvidenceFileTypeKey>(
  (Object.entries(evidenceFileTypes) as Array<[EvidenceFileTypeKey, EvidenceFileType]>).flatMap(
    ([key, t]) => t.extensions.map((e) => [e, key] as [string, EvidenceFileTypeKey]),
  ),
);

const textTypes: ReadonlySet<EvidenceFileTypeKey> = new Set(['text', 'csv', 'markdown']);

/**
 * Recognises a file by its content; the declared name only names it (and tells CSV and Markdown
 * from other text). Answers the type and the safe name, or why it is refused.
 */
export function recogniseEvidenceFile(
  bytes: Uint8Array,
  declaredName: string,
): RecognisedFile | FileRefusal {
  if (bytes.length === 0)
    return { reason: 'empty', message: 'The file is empty: choose the document to upload.' };
  const safe = safeFileName(declaredName);
  const extension = extensionOf(safe);
  const type = contentType(bytes, extension);
  if (typeof type !== 'string') return type;
  const spec: EvidenceFileType = evidenceFileTypes[type];
  const named = knownExtensions.get(extension);
  let name = safe === '' ? 'evidence' : safe;
  if (named !== undefined && named !== type && !(textTypes.has(named) && textTypes.has(type)))
    return {
      reason: 'name',
      message: `The file is named .${extension} but its content is ${spec.mediaType}: check that it is the document you meant, and name it .${spec.extensions[0]}.`,
    };
  if (!spec.extensions.includes(extension)) name = `${name}.${spec.extensions[0]}`;
  return { type, mediaType: spec.mediaType, name };
}

/** Whether a recognition is a refusal. */
export const isRefusal = (r: RecognisedFile | FileRefusal): r is FileRefusal => 'reason' in r;
