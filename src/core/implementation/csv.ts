/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (LF accepted on input),
 * a field quoted when it holds a comma, a quote, CR or LF, quotes doubled inside. Parsing keeps
 * the line on which each record starts, so that an import can name the line of every bad row.
 */

/** One parsed record with the (1-based) line it starts on. */
export interface CsvRecord {
  /** The line number in the file. */
  line: number;
  /** Its fields. */
  fields: string[];
}

/** A CSV file that cannot be read at all (an unterminated quote). */
export class CsvSyntaxError extends Error {
  /** The line where the problem starts. */
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/** Parses CSV text into records; a UTF-8 byte-order mark and a final newline are ignored. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  let sawAny = false;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields });
    fields = [];
    field = '';
    sawAny = false;
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      sawAny = true;
      i++;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      sawAny = true;
      i++;
      continue;
    }
    if (ch === '\r' && src[i + 1] === '\n') i++;
    if (ch === '\n' || ch === '\r') {
      endRecord();
      line++;
      start = line;
      i++;
      continue;
    }
    field += ch;
    sawAny = true;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is not closed');
  if (sawAny || field !== '' || fields.length > 0) endRecord();
  return records;
}

const needsQuotes = /[",\r\n]/;

/** Writes records as CSV with CRLF line ends and a final CRLF. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return rows
    .map(
      (r) =>
        r.map((f) => (needsQuotes.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',') + '\r\n',
    )
    .join('');
}
