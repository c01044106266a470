/** `parley implementation …`: implementation data out of and into a process, as the token's user. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  exportImplementation,
  type ImplementationExportFormat,
} from '../core/usecases/implementation/export-implementation.js';
import { importImplementation } from '../core/usecases/implementation/import-implementation.js';
import { DomainError } from '../core/shared/errors.js';
import { actingUser, out, processNamed, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

const formats: readonly ImplementationExportFormat[] = [
  'commitments.csv',
  'levels.csv',
  'json',
  'pam.csv',
];

const token: [string, string] = [
  '--token T',
  'A personal API token to act as (default: PARLEY_TOKEN; create one in the web app under Account).',
];

/** Usage of the implementation commands. */
export const implementationUsages: readonly CommandUsage[] = [
  {
    name: 'implementation export',
    synopsis: '--process P [--format F] [--out FILE] [--token T]',
    summary:
      "Export the plenary's commitments, levels, everything as JSON, or the PAM-shaped matrix (audited).",
    options: [
      ['--process P', 'The process, by codename or id.'],
      [
        '--format F',
        'commitments.csv (default), levels.csv, json, or pam.csv (accord × provision type × year, level 0–3).',
      ],
      ['--out FILE', 'Write to FILE instead of standard output.'],
      token,
    ],
  },
  {
    name: 'implementation import',
    synopsis: '--process P --commitments FILE [--levels FILE] [--json] [--token T]',
    summary:
      'Create or update commitments and append levels from CSV files in the export format, keyed by external id; any bad row changes nothing.',
    options: [
      ['--process P', 'The process, by codename or id.'],
      ['--commitments FILE', 'The commitments file (as `implementation export` writes it).'],
      [
        '--levels FILE',
        'The levels file (as `implementation export --format levels.csv` writes it).',
      ],
      ['--json', 'Print the report (or every bad row) as one JSON object.'],
      token,
    ],
  },
];

/** Progress on standard error, so standard output stays the data or the report. */
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `parley implementation <sub> …`. */
export async function runImplementation(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      process: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      commitments: { type: 'string' },
      levels: { type: 'string' },
      json: { type: 'boolean' },
      token: { type: 'string' },
    },
  });
  if (positionals.length > 0)
    throw new UsageError(`implementation ${sub ?? ''} takes no ${positionals[0]}; see --help.`);
  switch (sub) {
    case 'export': {
      const format = (values.format ?? 'commitments.csv') as ImplementationExportFormat;
      if (!formats.includes(format))
        throw new UsageError(`--format must be one of ${formats.join(', ')}.`);
      return withRuntime(async (rt) => {
        const actor = await actingUser(rt, values.token);
        const processId = await processNamed(rt, actor, values.process);
        const text = await exportImplementation(rt.deps, { actor, processId, format });
        if (values.out) {
          writeFileSync(values.out, text);
          progress(`Wrote ${values.out} (${Buffer.byteLength(text)} bytes, ${format}).`);
        } else process.stdout.write(text);
        return 0;
      });
    }
    case 'import': {
      if (!values.commitments)
        throw new UsageError('implementation import needs --commitments FILE.');
      const read = (file: string) => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          throw new UsageError(`Cannot read ${file}.`);
        }
      };
      const commitmentsCsv = read(values.commitments);
      const levelsCsv = values.levels ? read(values.levels) : null;
      const lines = (t: string | null) => (t === null ? 0 : t.split('\n').length - 1);
      progress(
        `Read ${lines(commitmentsCsv)} commitment line(s)${levelsCsv === null ? '' : ` and ${lines(levelsCsv)} level line(s)`}; checking every row, then applying them in one transaction…`,
      );
      return withRuntime(async (rt) => {
        const actor = await actingUser(rt, values.token);
        const processId = await processNamed(rt, actor, values.process);
        const started = Date.now();
        try {
          const r = await importImplementation(rt.deps, {
            actor,
            processId,
            commitmentsCsv,
            levelsCsv,
          });
          progress(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          if (values.json) out(JSON.stringify(r));
          else
            out(
              `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged; ${r.levels} level(s) appended, ${r.levelsUnchanged} already recorded.`,
            );
          return 0;
        } catch (e) {
          if (!(e instanceof DomainError) || !Array.isArray(e.details?.['errors'])) throw e;
          const errors = e.details['errors'] as Array<{
            file: string;
            line: number;
            column: string;
            message: string;
          }>;
          // Every bad row, named by file, line and column; nothing was changed.
          if (values.json) out(JSON.stringify({ error: e.message, errors }));
          else {
            out(e.message);
            for (const x of errors) out(`${x.file} line ${x.line}, ${x.column}: ${x.message}`);
          }
          return 1;
        }
      });
    }
    default:
      throw new UsageError(
        `Unknown command "implementation ${sub ?? ''}". Try: parley implementation export, parley implementation import.`,
      );
  }
}
