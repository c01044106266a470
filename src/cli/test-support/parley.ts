/** Runs the `parley` command in-process for tests, capturing what it prints. */
import { Readable } from 'node:stream';
import { vi } from 'vitest';
import { run } from '../commands.js';

/**
 * Runs `parley …` against the (stubbed) configuration; returns the exit code and the output.
 * With `stdin`, the command reads that text as its standard input (e.g. `--password-stdin`).
 */
export async function parley(
  args: string[],
  options: { stdin?: string } = {},
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const input =
    options.stdin === undefined
      ? null
      : vi
          .spyOn(process, 'stdin', 'get')
          .mockReturnValue(
            Readable.from([Buffer.from(options.stdin)]) as unknown as typeof process.stdin,
          );
  try {
    return { code: await run(args), output: lines.join('') };
  } finally {
    spy.mockRestore();
    input?.mockRestore();
  }
}
