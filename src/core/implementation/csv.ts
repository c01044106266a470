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

const [QUOTE, COMMA, CR, LF] = [34, 44, 13, 10];

/** Parses CSV text into records; a UTF-8 byte-order mark and a final newline are ignored. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const n = src.length;
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
  // Runs of ordinary characters are taken as slices of the text, not character by character: a
  // levels file of 300,000 rows is 30 MB.
  while (i < n) {
    const ch = src.charCodeAt(i);
    if (quoted) {
      const quote = src.indexOf('"', i);
      const end = quote === -1 ? n : quote;
      for (let k = src.indexOf('\n', i); k !== -1 && k < end; k = src.indexOf('\n', k + 1)) line++;
      field += src.slice(i, end);
      if (quote === -1) break;
      if (src.charCodeAt(quote + 1) === QUOTE) {
        field += '"';
        i = quote + 2;
        continue;
      }
      quoted = false;
      i = quote + 1;
      continue;
    }
    if (ch === QUOTE && field === '') {
      quoted = true;
      sawAny = true;
      i++;
      continue;
    }
    if (ch === COMMA) {
      fields.push(field);
      field = '';
      sawAny = true;
      i++;
      continue;
    }
    if (ch === CR || ch === LF) {
      if (ch === CR && src.charCodeAt(i + 1) === LF) i++;
      endRecord();
      line++;
      start = line;
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < n; j++) {
      const c = src.charCodeAt(j);
      if (c === COMMA || c === QUOTE || c === CR || c === LF) break;
    }
    field += src.slice(i, j);
    sawAny = true;
    i = j;
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
