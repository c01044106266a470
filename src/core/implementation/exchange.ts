/**
 * The CSV files of implementation data, in one format for export and import (Decidim's users ask
 * for exactly that), keyed by external id:
 *
 * - commitments: external_id, provision_type, theme, wording, responsible (party codes joined by
 *   `|`), starts_on, deadline, recurrence, weight, version, provision;
 * - levels: external_id, effective_on, level, note, evidence_source, evidence_url,
 *   evidence_sha256 — each level row carries the evidence it rests on, so a level cannot be
 *   imported without evidence either.
 *
 * Reading checks every row and reports every problem (line, column, what is wrong); the import
 * changes nothing unless there is none. Exporting and importing the export back changes nothing:
 * rows equal to what is stored are recognised and skipped.
 */
import { CsvSyntaxError, parseCsv, toCsv } from './csv.js';
import { externalIdPattern, isDate, recurrences, sha256Pattern, type Recurrence } from './model.js';
import { isLevel, provisionType, type Level } from './pam.js';

/** One problem with an imported file. */
export interface RowError {
  /** The line in the file (1 is the header). */
  line: number;
  /** The column's name, or null for the whole row. */
  column: string | null;
  /** What is wrong, and what would be right. */
  message: string;
}

/** The commitments file's columns, in order. */
export const commitmentColumns = [
  'external_id',
  'provision_type',
  'theme',
  'wording',
  'responsible',
  'starts_on',
  'deadline',
  'recurrence',
  'weight',
  'version',
  'provision',
] as const;

/** The levels file's columns, in order. */
export const levelColumns = [
  'external_id',
  'effective_on',
  'level',
  'note',
  'evidence_source',
  'evidence_url',
  'evidence_sha256',
] as const;

/** A commitment as a row of the file, with party codes resolved to ids. */
export interface CommitmentRow {
  /** Line in the file. */
  line: number;
  externalId: string;
  provisionType: string;
  themeCode: string | null;
  wording: string;
  responsiblePartyIds: string[];
  startsOn: string;
  deadline: string | null;
  recurrence: Recurrence;
  weight: number;
  versionNumber: number | null;
  provisionKey: string | null;
}

/** A level as a row of the file. */
export interface LevelRow {
  /** Line in the file. */
  line: number;
  externalId: string;
  effectiveOn: string;
  level: Level;
  note: string;
  evidenceSource: string;
  evidenceUrl: string | null;
  evidenceSha256: string;
}

/** What reading a file needs to know about the process. */
export interface ReadContext {
  /** Party id by party code. */
  partyIdByCode: ReadonlyMap<string, string>;
  /** Theme codes defined in the process. */
  themeCodes: ReadonlySet<string>;
}

type Columns = readonly string[];

/** Errors in file order (a stable sort keeps each row's columns in order). */
const byLine = (errors: RowError[]): RowError[] => [...errors].sort((a, b) => a.line - b.line);

function table(
  text: string,
  columns: Columns,
  errors: RowError[],
): Array<{ line: number; get: (c: string) => string }> {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      errors.push({ line: e.line, column: null, message: `${e.message}.` });
      return [];
    }
    throw e;
  }
  const [header, ...rows] = records;
  if (!header) {
    errors.push({
      line: 1,
      column: null,
      message: `The file is empty: its first line must name the columns ${columns.join(', ')}.`,
    });
    return [];
  }
  const names = header.fields.map((f) => f.trim());
  const missing = columns.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !columns.includes(n));
  for (const c of missing)
    errors.push({ line: 1, column: c, message: `The column ${c} is missing from the header.` });
  for (const c of unknown)
    errors.push({
      line: 1,
      column: c,
      message: `The column ${c} is not one of ${columns.join(', ')}.`,
    });
  if (missing.length > 0 || unknown.length > 0) return [];
  const position = new Map<string, number>();
  for (const [k, name] of names.entries()) if (!position.has(name)) position.set(name, k);
  const out: Array<{ line: number; get: (c: string) => string }> = [];
  for (const r of rows) {
    if (r.fields.length === 1 && r.fields[0] === '') continue; // a blank line
    if (r.fields.length !== names.length) {
      errors.push({
        line: r.line,
        column: null,
        message: `The row has ${r.fields.length} fields; the header names ${names.length}.`,
      });
      continue;
    }
    const fields = r.fields;
    out.push({ line: r.line, get: (c) => fields[position.get(c) ?? -1] ?? '' });
  }
  return out;
}

/** Reads a commitments file; rows only when there are no errors. */
export function readCommitmentsCsv(
  text: string,
  ctx: ReadContext,
): { rows: CommitmentRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: CommitmentRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, get } of table(text, commitmentColumns, errors)) {
    const bad = (column: string, message: string) => {
      errors.push({ line, column, message });
    };
    const externalId = get('external_id').trim();
    if (!externalIdPattern.test(externalId))
      bad('external_id', 'Give 1 to 64 letters, digits or . _ : - as the external id.');
    else if (seen.has(externalId))
      bad(
        'external_id',
        `The external id ${externalId} is already used on line ${seen.get(externalId)}.`,
      );
    else seen.set(externalId, line);
    const type = get('provision_type').trim();
    if (!provisionType(type))
      bad('provision_type', `${type || '(empty)'} is not a provision type of the scheme.`);
    const theme = get('theme').trim();
    if (theme !== '' && !ctx.themeCodes.has(theme)) bad('theme', `No theme has the code ${theme}.`);
    const wording = get('wording').trim();
    if (wording === '' || wording.length > 4000)
      bad('wording', 'Give the wording (1 to 4000 characters).');
    const codes = get('responsible')
      .split('|')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const parties: string[] = [];
    for (const code of codes) {
      const id = ctx.partyIdByCode.get(code);
      if (id === undefined) bad('responsible', `No party has the code ${code}.`);
      else parties.push(id);
    }
    const startsOn = get('starts_on').trim();
    if (!isDate(startsOn)) bad('starts_on', 'Give the start as a date YYYY-MM-DD.');
    const deadlineText = get('deadline').trim();
    const deadline = deadlineText === '' ? null : deadlineText;
    if (deadline !== null && !isDate(deadline))
      bad('deadline', 'Give the deadline as a date YYYY-MM-DD, or leave it empty.');
    else if (deadline !== null && isDate(startsOn) && deadline < startsOn)
      bad('deadline', 'The deadline is before the start.');
    const recurrence = recurrences.find((r) => r === get('recurrence').trim());
    if (recurrence === undefined) bad('recurrence', `Give one of ${recurrences.join(', ')}.`);
    if (deadline === null && recurrence === 'none')
      bad('deadline', 'A commitment that does not recur needs a deadline.');
    const weightText = get('weight').trim();
    const weight = Number(weightText);
    if (weightText === '' || !Number.isFinite(weight) || weight <= 0 || weight > 1000)
      bad('weight', 'Give the weight as a number above 0 and at most 1000.');
    const versionText = get('version').trim();
    const versionNumber = versionText === '' ? null : Number(versionText);
    if (versionNumber !== null && !(Number.isInteger(versionNumber) && versionNumber > 0))
      bad('version', 'Give the version as a whole number, or leave it empty.');
    const provisionText = get('provision').trim();
    rows.push({
      line,
      externalId,
      provisionType: type,
      themeCode: theme === '' ? null : theme,
      wording,
      responsiblePartyIds: parties,
      startsOn,
      deadline,
      recurrence: recurrence ?? 'none',
      weight,
      versionNumber,
      provisionKey: provisionText === '' ? null : provisionText,
    });
  }
  return { rows: errors.length === 0 ? rows : [], errors: byLine(errors) };
}

/** Reads a levels file; `known` holds the external ids that exist (stored or in the same import). */
export function readLevelsCsv(
  text: string,
  known: ReadonlySet<string>,
): { rows: LevelRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: LevelRow[] = [];
  // A file of monthly levels names the same few dozen dates 300,000 times: each is checked once.
  const dates = new Map<string, boolean>();
  const isKnownDate = (d: string) => {
    let ok = dates.get(d);
    if (ok === undefined) dates.set(d, (ok = isDate(d)));
    return ok;
  };
  for (const { line, get } of table(text, levelColumns, errors)) {
    const bad = (column: string, message: string) => {
      errors.push({ line, column, message });
    };
    const externalId = get('external_id').trim();
    if (!known.has(externalId))
      bad('external_id', `No commitment has the external id ${externalId || '(empty)'}.`);
    const effectiveOn = get('effective_on').trim();
    if (!isKnownDate(effectiveOn)) bad('effective_on', 'Give the date as YYYY-MM-DD.');
    const levelText = get('level').trim();
    const level = Number(levelText);
    if (levelText === '' || !isLevel(level)) bad('level', 'Give the level as 0, 1, 2 or 3.');
    const note = get('note');
    if (note.length > 2000) bad('note', 'Keep the note to 2000 characters.');
    const source = get('evidence_source').trim();
    if (source === '' || source.length > 300)
      bad('evidence_source', 'A level needs evidence: give its source (1 to 300 characters).');
    const url = get('evidence_url').trim();
    if (url !== '' && !/^https?:\/\/\S+$/.test(url))
      bad('evidence_url', 'Give an http or https address, or leave it empty.');
    const sha = get('evidence_sha256').trim().toLowerCase();
    if (!sha256Pattern.test(sha))
      bad('evidence_sha256', 'Give the evidence’s SHA-256 as 64 hexadecimal digits.');
    rows.push({
      line,
      externalId,
      effectiveOn,
      level: isLevel(level) ? level : 0,
      note,
      evidenceSource: source,
      evidenceUrl: url === '' ? null : url,
      evidenceSha256: sha,
    });
  }
  return { rows: errors.length === 0 ? rows : [], errors: byLine(errors) };
}

/** Writes commitments (already as rows, party ids as codes) in the file's format. */
export function writeCommitmentsCsv(
  rows: ReadonlyArray<
    Omit<CommitmentRow, 'line' | 'responsiblePartyIds'> & { responsibleCodes: string[] }
  >,
): string {
  return toCsv([
    [...commitmentColumns],
    ...rows.map((r) => [
      r.externalId,
      r.provisionType,
      r.themeCode ?? '',
      r.wording,
      r.responsibleCodes.join('|'),
      r.startsOn,
      r.deadline ?? '',
      r.recurrence,
      String(r.weight),
      r.versionNumber === null ? '' : String(r.versionNumber),
      r.provisionKey ?? '',
    ]),
  ]);
}

/** Writes levels in the file's format. */
export function writeLevelsCsv(rows: ReadonlyArray<Omit<LevelRow, 'line'>>): string {
  return toCsv([
    [...levelColumns],
    ...rows.map((r) => [
      r.externalId,
      r.effectiveOn,
      String(r.level),
      r.note,
      r.evidenceSource,
      r.evidenceUrl ?? '',
      r.evidenceSha256,
    ]),
  ]);
}
