import { describe, expect, it } from 'vitest';
import { isRefusal, recogniseEvidenceFile, safeFileName } from './evidence-files.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)),
  );

const zip = (...names: string[]) => bytes('PK\x03\x04', '\x00'.repeat(26), names.join('\x00'));
const odf = (kind: string) =>
  bytes('PK\x03\x04', '\x00'.repeat(26), `mimetype`, `application/vnd.oasis.opendocument.${kind}`);

describe('recognising an evidence file by its content', () => {
  it.each([
    ['a PDF', 'report.pdf', bytes('%PDF-1.7\n...'), 'application/pdf', 'report.pdf'],
    [
      'a PNG',
      'photo.png',
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      'image/png',
      'photo.png',
    ],
    [
      'a JPEG named .jpeg',
      'photo.jpeg',
      bytes([0xff, 0xd8, 0xff, 0xe1]),
      'image/jpeg',
      'photo.jpeg',
    ],
    ['a WebP', 'w', bytes('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp', 'w.webp'],
    ['a GIF', 'g.gif', bytes('GIF89a\x01\x00'), 'image/gif', 'g.gif'],
    [
      'a Word document',
      'minutes.docx',
      zip('[Content_Types].xml', 'word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'minutes.docx',
    ],
    [
      'an Excel workbook without an ending',
      'tally',
      zip('[Content_Types].xml', 'xl/workbook.xml'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'tally.xlsx',
    ],
    [
      'a PowerPoint deck',
      'deck.pptx',
      zip('[Content_Types].xml', 'ppt/presentation.xml'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'deck.pptx',
    ],
    [
      'an OpenDocument text',
      'a.odt',
      odf('text'),
      'application/vnd.oasis.opendocument.text',
      'a.odt',
    ],
    ['CSV', 'tally.csv', bytes('a,b\n1,2\n'), 'text/csv', 'tally.csv'],
    ['Markdown', 'notes.md', bytes('# Notes\n'), 'text/markdown', 'notes.md'],
    [
      'UTF-8 text',
      'notas',
      new TextEncoder().encode('Año de la reforma'),
      'text/plain',
      'notas.txt',
    ],
    ['text with an unknown ending', 'notes.v2', bytes('plain'), 'text/plain', 'notes.v2.txt'],
    ['CSV content named .txt', 'data.txt', bytes('a,b\n'), 'text/plain', 'data.txt'],
  ])('takes %s', (_, name, content, mediaType, kept) => {
    const r = recogniseEvidenceFile(content, name);
    expect(r).toMatchObject({ mediaType, name: kept });
  });

  it.each([
    ['an empty file', 'a.pdf', bytes(), 'empty'],
    ['a plain ZIP', 'photos.zip', zip('a.jpg', 'b.jpg'), 'type'],
    ['an executable', 'setup.pdf', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'type'],
    ['an old Word file', 'a.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'type'],
    ['latin-1 text that is not UTF-8', 'a.txt', bytes([0x41, 0xe9, 0x42]), 'type'],
    ['an HTML page named .txt', 'page.txt', bytes('  <!doctype html><p>hi'), 'markup'],
    ['HTML without a doctype', 'x', bytes('Hello <script>alert(1)</script>'), 'markup'],
    ['an SVG', 'map.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'markup'],
    ['XML', 'data.xml', bytes('<?xml version="1.0"?><a/>'), 'markup'],
    [
      'a PNG named .pdf',
      'report.pdf',
      bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      'name',
    ],
    ['a PDF named .docx', 'minutes.docx', bytes('%PDF-1.4'), 'name'],
  ])('refuses %s, saying why', (_, name, content, reason) => {
    const r = recogniseEvidenceFile(content, name);
    expect(isRefusal(r) && r.reason).toBe(reason);
    expect(isRefusal(r) && r.message.length).toBeGreaterThan(20);
  });
});

describe('a safe file name', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['a "quoted" name?.pdf', 'a _quoted_ name_.pdf'],
    ['  .hidden.  ', 'hidden'],
    ['tab\there.txt', 'tab here.txt'],
    ['Informe año.pdf', 'Informe año.pdf'],
    ['report\u202efdp.txt', 'reportfdp.txt'],
    ['\u2067rapport\u2069.pdf', 'rapport.pdf'],
    [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(196)}.pdf`],
  ])('makes %j into %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});
