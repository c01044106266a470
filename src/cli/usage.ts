/**
 * How `parley` commands describe themselves: one record per command gives both its entry in
 * `parley help` and the page `parley <command> --help` prints, so the two cannot drift apart.
 */

/** How one command is used. */
export interface CommandUsage {
  /** The words that name it after `parley`, e.g. `audit verify`. */
  readonly name: string;
  /** Its arguments and options as typed after the name ('' when it has none). */
  readonly synopsis: string;
  /** What it does, in a sentence or two. */
  readonly summary: string;
  /** Each argument and option of the synopsis, with its one-line meaning. */
  readonly options: readonly (readonly [option: string, meaning: string])[];
}

/** The option every command has. */
const helpOption = ['-h, --help', 'Print this help and exit.'] as const;

/** Width the help text is wrapped to. */
const WIDTH = 100;

/** Column where summaries start in the command list. */
const SUMMARY_COLUMN = 31;

/** Wraps `text` to lines of at most `width` characters after `indent` spaces (the first line too). */
function wrap(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`);
}

/** The command as typed: name and synopsis. */
export function commandLine(usage: CommandUsage): string {
  return `${usage.name} ${usage.synopsis}`.trim();
}

/** The command's entry in `parley help`: the command line, and its summary from column 31. */
export function listingOf(usage: CommandUsage): string {
  const head = `  ${commandLine(usage)}`;
  const summary = wrap(usage.summary, SUMMARY_COLUMN);
  const first = summary[0] ?? '';
  if (head.length < SUMMARY_COLUMN - 1 && first.length > 0)
    return [head.padEnd(SUMMARY_COLUMN) + first.trimStart(), ...summary.slice(1)].join('\n');
  return [head, ...summary].join('\n');
}

/** The page `parley <command> --help` prints: synopsis, summary, and every option's meaning. */
export function helpText(usage: CommandUsage): string {
  const options = [...usage.options, helpOption];
  const column = Math.max(...options.map(([option]) => option.length)) + 4;
  const lines = options.flatMap(([option, meaning]) => {
    const text = wrap(meaning, column);
    const first = text[0] ?? '';
    return [`  ${option}`.padEnd(column) + first.trimStart(), ...text.slice(1)];
  });
  return [
    `Usage: parley ${commandLine(usage)}`,
    '',
    ...wrap(usage.summary, 0),
    '',
    options.some(([option]) => !option.startsWith('-')) ? 'Arguments and options:' : 'Options:',
    ...lines,
  ].join('\n');
}

/** Whether a command's arguments ask for its help (before any `--`). */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
