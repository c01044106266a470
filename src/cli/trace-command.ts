/** `parley trace`: name the recipient of a leaked copy, from a file or pasted text. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { traceLeak } from '../core/usecases/audit/trace-leak.js';
import { openDocx, pdfPages, wordText } from '../server/exports/read-copy.js';
import { out, readStdin, UsageError, withRuntime } from './session.js';
import type { CommandUsage } from './usage.js';

/** Usage of the trace command. */
export const traceUsage: CommandUsage = {
  name: 'trace',
  synopsis: 'FILE | --text TEXT | -',
  summary:
    'Name the recipient of a leaked copy (DOCX, PDF, text, or a pasted paragraph of a few sentences) from its invisible fingerprint.',
  options: [
    ['FILE', 'The leaked copy: a DOCX, a PDF, or a text file.'],
    ['--text TEXT', 'The leaked text itself, e.g. a pasted paragraph.'],
    ['-', 'Read the leaked text from standard input.'],
  ],
};

/** The text of a leaked file, read as its recipient's software would show it. */
async function readLeak(file: string): Promise<{ text: string; source: 'text' | 'pdf' }> {
  const bytes = readFileSync(file);
  switch (extname(file).toLowerCase()) {
    case '.docx':
      return { text: wordText((await openDocx(bytes)).document), source: 'text' };
    case '.pdf':
      return { text: (await pdfPages(bytes)).join('\n'), source: 'pdf' };
    default:
      return { text: bytes.toString('utf8'), source: 'text' };
  }
}

/** Runs `parley trace …`. */
export async function runTrace(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { text: { type: 'string' } },
  });
  const target = positionals[0];
  const leak =
    values.text !== undefined
      ? { text: values.text, source: 'text' as const }
      : target === '-'
        ? { text: await readStdin(), source: 'text' as const }
        : target
          ? await readLeak(target)
          : null;
  if (!leak) throw new UsageError('trace needs a file, --text, or - for standard input.');
  const result = await withRuntime((rt) =>
    traceLeak(rt.deps, { leaked: leak.text, source: leak.source }),
  );
  out(result.summary);
  for (const m of result.sources)
    out(
      `  ${m.candidate.recipientName}: ${m.candidate.codename} version ${m.candidate.version} (${m.candidate.format}), issued ${m.candidate.issuedAt}, copy ${m.candidate.copyId}`,
    );
  return result.verdict === 'identified' ? 0 : 1;
}
