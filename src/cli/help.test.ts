/**
 * Every `parley` command explains itself: `--help` and `-h` print its usage and exit 0 without
 * touching a database, and `parley help` lists every command. The table is the dispatcher's own
 * list of commands, so a command cannot be added without a usage that passes these checks.
 */
import { describe, expect, it } from 'vitest';
import { commands } from './commands.js';
import { parley } from './test-support/parley.js';

const table = commands.map((c) => ({ name: c.usage.name, usage: c.usage }));

describe('parley --help', () => {
  it.each(table)('prints how $name is used, and exits 0, for --help and -h', async ({ usage }) => {
    expect(usage.summary.length).toBeGreaterThan(0);
    for (const flag of ['--help', '-h']) {
      const r = await parley([...usage.name.split(' '), flag]);
      expect(r.code).toBe(0);
      expect(
        r.output.startsWith(`Usage: parley ${`${usage.name} ${usage.synopsis}`.trim()}\n`),
      ).toBe(true);
      expect(r.output).toContain('  -h, --help');
      for (const [option, meaning] of usage.options) {
        expect(meaning.length).toBeGreaterThan(0);
        expect(r.output).toMatch(new RegExp(`^  ${literal(option)} +\\S`, 'm'));
      }
    }
  });

  it.each(table)('documents every option in the synopsis of $name', ({ usage }) => {
    const documented = usage.options.map(([option]) => option).join(' ');
    for (const flag of usage.synopsis.match(/--[a-z-]+/g) ?? [])
      expect(documented, `${usage.name}: ${flag}`).toContain(flag);
  });

  it('lists every command in parley help, and prints one with parley help COMMAND', async () => {
    const all = await parley(['help']);
    expect(all.code).toBe(0);
    for (const { name } of table)
      expect(all.output).toMatch(new RegExp(`^  ${literal(name)}\\b`, 'm'));
    expect((await parley([])).output).toBe(all.output);
    const one = await parley(['help', 'audit', 'verify']);
    expect(one.output).toBe((await parley(['audit', 'verify', '--help'])).output);
  });

  it('prints every command of a group for parley GROUP --help', async () => {
    const r = await parley(['audit', '--help']);
    expect(r.code).toBe(0);
    for (const name of ['audit verify', 'audit head', 'audit prove'])
      expect(r.output).toContain(`Usage: parley ${name}`);
  });

  it('still refuses an unknown command or subcommand, naming what exists', async () => {
    await expect(parley(['audit', 'fix'])).rejects.toThrow(
      /^Did you mean: parley audit verify \[--against HEAD\.json\], or parley audit head/,
    );
    await expect(parley(['frobnicate', '--help'])).rejects.toThrow('Unknown command "frobnicate".');
  });
});

/** `text` as a literal inside a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
