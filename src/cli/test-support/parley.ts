/** Runs the `parley` command in-process for tests, capturing what it prints. */
import { vi } from 'vitest';
import { run } from '../commands.js';

/** Runs `parley …` against the (stubbed) configuration; returns the exit code and the output. */
export async function parley(args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { code: await run(args), output: lines.join('') };
  } finally {
    spy.mockRestore();
  }
}
