import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.js';
import {
  readCommitmentsCsv,
  readLevelsCsv,
  writeCommitmentsCsv,
  writeLevelsCsv,
} from './exchange.js';

const ctx = {
  partyIdByCode: new Map([
    ['GOV', 'p-gov'],
    ['OPP', 'p-opp'],
  ]),
  themeCodes: new Set(['ELEC']),
};
const header =
  'external_id,provision_type,theme,wording,responsible,starts_on,deadline,recurrence,weight,version,provision';
const sha = 'a'.repeat(64);

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and names the line each record starts on', () => {
    const text = 'a,b\r\n"x, ""y""","line\nbreak"\r\nlast,row';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'line\nbreak'] },
      { line: 4, fields: ['last', 'row'] },
    ]);
  });

  it('keeps a quote inside a field, text after a closing quote, and ends records at a lone CR', () => {
    expect(parseCsv('\uFEFFa"b,c\r\n"ab"cd,""\re,\n\n').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a"b', 'c']],
      [2, ['abcd', '']],
      [3, ['e', '']],
      [4, ['']],
    ]);
    expect(() => parseCsv('a\n"open\nmore')).toThrow(
      expect.objectContaining({ line: 2, message: 'a quoted field is not closed' }),
    );
  });

  it('writes what it reads back unchanged', () => {
    const rows = [['a', 'b,c', 'd"e', 'f\r\ng', '']];
    expect(parseCsv(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});

describe('reading a commitments file', () => {
  it('reads good rows, resolving party codes', () => {
    const { rows, errors } = readCommitmentsCsv(
      `${header}\nC-1,ceasefire,ELEC,Stop fighting,GOV|OPP,2020-01-01,2020-02-01,none,2,3,p-1\n`,
      ctx,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      externalId: 'C-1',
      responsiblePartyIds: ['p-gov', 'p-opp'],
      weight: 2,
      versionNumber: 3,
      provisionKey: 'p-1',
    });
  });

  it('reports every bad field of every row with its line and column, and returns no rows', () => {
    const text = [
      header,
      'C-1,ceasefire,,ok,GOV,2020-01-01,2020-02-01,none,1,,',
      'C-1,warp_drive,NOPE,,XYZ,2020-13-01,,weekly,0,x,',
      'C-3,amnesty,,ok,GOV,2020-01-01,2019-01-01,none,1,,',
      'too,few',
    ].join('\n');
    const { rows, errors } = readCommitmentsCsv(text, ctx);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 3, column: 'external_id', message: 'The external id C-1 is already used on line 2.' },
      {
        line: 3,
        column: 'provision_type',
        message: 'warp_drive is not a provision type of the scheme.',
      },
      { line: 3, column: 'theme', message: 'No theme has the code NOPE.' },
      { line: 3, column: 'wording', message: 'Give the wording (1 to 4000 characters).' },
      { line: 3, column: 'responsible', message: 'No party has the code XYZ.' },
      { line: 3, column: 'starts_on', message: 'Give the start as a date YYYY-MM-DD.' },
      { line: 3, column: 'recurrence', message: 'Give one of none, monthly, quarterly, yearly.' },
      {
        line: 3,
        column: 'weight',
        message: 'Give the weight as a number above 0 and at most 1000.',
      },
      {
        line: 3,
        column: 'version',
        message: 'Give the version as a whole number, or leave it empty.',
      },
      { line: 4, column: 'deadline', message: 'The deadline is before the start.' },
      { line: 5, column: null, message: 'The row has 2 fields; the header names 11.' },
    ]);
  });

  it('names missing and unknown columns in the header', () => {
    const { errors } = readCommitmentsCsv('external_id,colour\n', ctx);
    expect(errors.map((e) => e.column)).toContain('provision_type');
    expect(errors).toContainEqual({
      line: 1,
      column: 'colour',
      message: expect.stringContaining('The column colour is not one of'),
    });
  });

  it('reads back exactly what it writes', () => {
    const row = {
      externalId: 'C-9',
      provisionType: 'prisoner_release',
      themeCode: 'ELEC',
      wording: 'Release, within "thirty days",\nall detainees',
      responsibleCodes: ['GOV'],
      startsOn: '2020-01-01',
      deadline: null,
      recurrence: 'monthly' as const,
      weight: 1.5,
      versionNumber: null,
      provisionKey: null,
    };
    const { rows, errors } = readCommitmentsCsv(writeCommitmentsCsv([row]), ctx);
    expect(errors).toEqual([]);
    const { responsibleCodes: _, ...rest } = row;
    expect(rows[0]).toEqual({ ...rest, line: 2, responsiblePartyIds: ['p-gov'] });
  });
});

describe('reading a levels file', () => {
  it('requires evidence on every level and a commitment that exists', () => {
    const text = writeLevelsCsv([
      {
        externalId: 'C-1',
        effectiveOn: '2020-02-01',
        level: 2,
        note: 'n',
        evidenceSource: 'Field team',
        evidenceUrl: null,
        evidenceSha256: sha,
      },
    ]);
    expect(readLevelsCsv(text, new Set(['C-1'])).errors).toEqual([]);
    const bad = `${text}C-2,2020-02-30,4,,,ftp://x,abc\r\n`;
    expect(readLevelsCsv(bad, new Set(['C-1'])).errors.map((e) => `${e.line}:${e.column}`)).toEqual(
      [
        '3:external_id',
        '3:effective_on',
        '3:level',
        '3:evidence_source',
        '3:evidence_url',
        '3:evidence_sha256',
      ],
    );
  });
});
