/**
 * How the benchmarks start a Parley server: as `npm start` runs it, the JavaScript that `tsc`
 * compiles into `dist/` (built here first, so it is the source as it stands), or with
 * `--server=source` the TypeScript itself through tsx, as the tests run it. The two differ: tsx
 * transpiles with esbuild, which wraps every function it defines in a naming helper, and the
 * repositories define a few hundred functions per transaction.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Which server a benchmark runs: `built` (the default) or `source`. */
export type ServerBuild = 'built' | 'source';

/** The `--server=built|source` argument of a benchmark's command line. */
export function serverBuildOf(args: readonly string[]): ServerBuild {
  const raw = args.find((a) => a.startsWith('--server='))?.slice('--server='.length) ?? 'built';
  if (raw !== 'built' && raw !== 'source') throw new Error('--server must be built or source');
  return raw;
}

const built = new Set<string>();

/**
 * Node's arguments that start the server of the checkout at `root` (this one unless told), to be
 * run with `root` as working directory, after any of the caller's own flags; the built server is
 * compiled from that checkout's source first, once per run.
 */
export function serverEntry(build: ServerBuild, root = repoRoot): string[] {
  if (build === 'source') return ['--import', 'tsx', 'src/server/main.ts'];
  if (!built.has(root)) {
    execFileSync(
      process.execPath,
      [resolve(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, stdio: 'inherit' },
    );
    built.add(root);
  }
  return ['dist/server/main.js'];
}
