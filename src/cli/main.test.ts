/**
 * The `parley` executable as an operator runs it, through tsx: its output reaches a pipe whole
 * before it exits, with the command's exit code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'parley-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Three parties whose scores of every option split 100 points (so most packages are
 * Pareto-optimal): 10 issues × 4 options give a frontier of about 4,000 packages, some 2 MB of
 * JSON. A fixed linear congruential sequence makes it the same every run.
 */
function largeDomain(): unknown {
  let seed = 1;
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * below);
  };
  const issues = Array.from({ length: 10 }, (_, i) => ({
    id: `issue-${i}`,
    options: Array.from({ length: 4 }, (_, o) => `option-${o}`),
  }));
  const splits = issues.map((issue) =>
    issue.options.map(() => {
      const a = next(101);
      const b = next(101 - a);
      return [a, b, 100 - a - b];
    }),
  );
  return {
    issues,
    parties: [0, 1, 2].map((p) => ({
      id: `party-${p}`,
      reservation: 0,
      weights: Object.fromEntries(issues.map((issue) => [issue.id, 1 + next(100)])),
      scores: Object.fromEntries(
        issues.map((issue, i) => [
          issue.id,
          Object.fromEntries(issue.options.map((o, k) => [o, splits[i]?.[k]?.[p] ?? 0])),
        ]),
      ),
    })),
  };
}

/**
 * Reads its standard input to the end, then prints how many bytes came and how many the same
 * JSON has when printed again whole (-1 if what came is not JSON, e.g. cut short).
 */
const counter = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const text = Buffer.concat(chunks).toString('utf8');
  let whole = -1;
  try { whole = Buffer.byteLength(JSON.stringify(JSON.parse(text), null, 2) + '\\n'); } catch {}
  process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), whole }));
});`;

/** Runs `parley …args` with its stdout piped into the counter; returns both sides' results. */
async function parleyIntoCounter(
  args: string[],
): Promise<{ code: number | null; stderr: string; bytes: number; whole: number }> {
  const parley = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const count = spawn(process.execPath, ['-e', counter], {
    stdio: [parley.stdout, 'pipe', 'inherit'],
  });
  // The counter holds its own copy of the pipe: this process must not read from it.
  parley.stdout.destroy();
  let stderr = '';
  parley.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let counted = '';
  count.stdout.on('data', (chunk: Buffer) => (counted += chunk.toString('utf8')));
  const [code] = await Promise.all([
    new Promise<number | null>((resolve) => parley.once('exit', resolve)),
    new Promise((resolve) => parley.stderr.once('end', resolve)),
    new Promise((resolve) => count.once('close', resolve)),
  ]);
  return { code, stderr, ...(JSON.parse(counted) as { bytes: number; whole: number }) };
}

describe('the parley executable', () => {
  it('writes more than a megabyte whole into a pipe before it exits with code 0', async () => {
    const file = join(dir, 'large.json');
    writeFileSync(file, JSON.stringify(largeDomain()));
    const r = await parleyIntoCounter(['analyze', file, '--json', '--frontier', 'all']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.bytes).toBeGreaterThan(1_000_000);
    expect(r.bytes).toBe(r.whole);
  });

  it('ends quietly with its own code when the reader leaves early, as `| head` does', async () => {
    const file = join(dir, 'large.json');
    writeFileSync(file, JSON.stringify(largeDomain()));
    const parley = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'analyze', file, '--json', '--frontier', 'all'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    parley.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    parley.stdout.once('data', () => parley.stdout.destroy());
    const [code] = await Promise.all([
      new Promise<number | null>((resolve) => parley.once('exit', resolve)),
      new Promise((resolve) => parley.stderr.once('end', resolve)),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exits with 2 and its message on stderr when the command line is wrong', async () => {
    const r = await parleyIntoCounter(['analyze']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^analyze needs a JSON file\.\n\nparley — operate a Parley server/);
    expect(r.bytes).toBe(0);
  });
});
