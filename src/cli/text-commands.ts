/** `parley text …`: the negotiating text from the command line, as the token's user. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffVersions } from '../core/usecases/text/diff-versions.js';
import { editWorkingText } from '../core/usecases/text/edit-working-text.js';
import {
  exportFormats,
  exportVersion,
  type ExportFormat,
} from '../core/usecases/text/export-version.js';
import { exportLanguages, type ExportLanguage } from '../server/exports/labels.js';
import { renderCopy } from '../server/exports/render-copy.js';
import { getWorkingText } from '../core/usecases/text/get-working-text.js';
import {
  acceptedText,
  actingUser,
  out,
  processNamed,
  UsageError,
  whole,
  withRuntime,
} from './session.js';
import type { CommandUsage } from './usage.js';

const processOption = ['--process P', 'The process, by codename or id.'] as const;
const tokenOption = [
  '--token T',
  'A personal API token to act as (default: PARLEY_TOKEN; create one in the web app under Account).',
] as const;

/** Usage of the text commands. */
export const textUsages: readonly CommandUsage[] = [
  {
    name: 'text export',
    synopsis:
      '--process P --version N --format docx|pdf|txt [--lang en|es|nb] [--out FILE] [--token T]',
    summary: "A copy of a version issued to the token's user (audited).",
    options: [
      processOption,
      ['--version N', 'The number of the published version.'],
      ['--format docx|pdf|txt', 'The format of the copy.'],
      [
        '--lang en|es|nb',
        'The language of its fixed wording (headings, statuses, legend; default en); the text itself stays as drafted.',
      ],
      ['--out FILE', 'Where to write the copy (default: its own file name, here).'],
      tokenOption,
    ],
  },
  {
    name: 'text diff',
    synopsis: '--process P --from N --to M [--token T]',
    summary: 'Word-level diff of two versions ([-removed-]{+added+}).',
    options: [
      processOption,
      ['--from N', 'The number of the older version.'],
      ['--to M', 'The number of the newer version.'],
      tokenOption,
    ],
  },
  {
    name: 'text import',
    synopsis: '--process P --file F [--token T]',
    summary: 'Replace the working draft with a text in the bracket syntax.',
    options: [
      processOption,
      ['--file F', 'A text in the bracket syntax (documented in src/core/text/plain-text.ts).'],
      tokenOption,
    ],
  },
];

/** Runs `parley text <sub> …`. */
export async function runText(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      process: { type: 'string' },
      token: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      file: { type: 'string' },
      version: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  switch (sub) {
    case 'diff':
      return withRuntime(async (rt) => {
        const actor = await actingUser(rt, values.token);
        const processId = await processNamed(rt, actor, values.process);
        const { diff } = await diffVersions(rt.deps, {
          actor,
          processId,
          from: whole(values.from, 'from'),
          to: whole(values.to, 'to'),
        });
        if (diff.identical) {
          out('The two versions are identical.');
          return 0;
        }
        for (const p of diff.provisions.filter((x) => x.change !== 'unchanged')) {
          const number = p.to?.number ?? p.from?.number ?? '?';
          const what = [
            p.change,
            p.statusChanged && `status ${p.from?.status} → ${p.to?.status}`,
            p.moved && 'moved',
          ]
            .filter(Boolean)
            .join(', ');
          out(`${number} (${what})`);
          if (p.wordingChanged)
            out(
              `    ${p.ops.map((o) => (o.op === 'equal' ? o.text : o.op === 'delete' ? `[-${o.text}-]` : `{+${o.text}+}`)).join('')}`,
            );
        }
        const s = diff.summary;
        out(
          `\n${s.changed} changed, ${s.added} added, ${s.removed} removed, ${s.unchanged} unchanged.`,
        );
        return 0;
      });
    case 'export':
      return withRuntime(async (rt) => {
        const format = values.format as ExportFormat | undefined;
        if (!format || !exportFormats.includes(format))
          throw new UsageError('text export needs --format docx, pdf or txt.');
        const language = (values.lang ?? 'en') as ExportLanguage;
        if (!exportLanguages.includes(language))
          throw new UsageError('text export takes --lang en, es or nb.');
        const actor = await actingUser(rt, values.token);
        const processId = await processNamed(rt, actor, values.process);
        const copy = await exportVersion(rt.deps, {
          actor,
          processId,
          number: whole(values.version, 'version'),
          format,
        });
        const file = await renderCopy(copy, format, rt.deps.fingerprintKey, language);
        const target = values.out ?? file.filename;
        writeFileSync(target, file.body);
        out(
          `Wrote ${target} (${file.body.length} bytes), issued to ${copy.recipient.name}; copy ${copy.copyId}.`,
        );
        return 0;
      });
    case 'import':
      return withRuntime(async (rt) => {
        if (!values.file) throw new UsageError('text import needs --file.');
        const plainText = acceptedText(readFileSync(values.file, 'utf8'), values.file);
        const actor = await actingUser(rt, values.token);
        const processId = await processNamed(rt, actor, values.process);
        const { draft } = await getWorkingText(rt.deps, { actor, processId });
        const next = await editWorkingText(rt.deps, {
          actor,
          processId,
          baseRevision: draft.revision,
          edit: { kind: 'import', plainText },
        });
        out(`Imported ${values.file}: the working draft is now at revision ${next.revision}.`);
        return 0;
      });
    default:
      throw new UsageError(`Unknown text command "${sub ?? ''}".`);
  }
}
