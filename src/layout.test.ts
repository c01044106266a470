/**
 * The layout of the use cases, as CODE_STYLE.md states it, checked so that it holds without
 * goodwill: one folder per capability under src/core/usecases, each file either one use case named
 * verb-noun that exports one function of that name, or a helper whose name says what it holds
 * (`-context`: opens what the actor may see, `-view`: shapes it for a reader, `-rules`: shared
 * checks and steps); every capability folder named in ARCHITECTURE.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usecases = path.join(root, 'src/core/usecases');
const helper = /-(context|view|rules)\.ts$/;

const capabilities = readdirSync(usecases).filter((f) =>
  statSync(path.join(usecases, f)).isDirectory(),
);
const files = capabilities.flatMap((cap) =>
  readdirSync(path.join(usecases, cap))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ cap, file: f })),
);
const camel = (file: string) =>
  file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the use cases', () => {
  it('live in a folder per capability, with only shared helpers beside the folders', () => {
    const loose = readdirSync(usecases).filter(
      (f) => !capabilities.includes(f) && !f.endsWith('.test.ts'),
    );
    expect(loose.filter((f) => !helper.test(f))).toEqual([]);
    expect(capabilities.length).toBeGreaterThan(5);
  });

  it.each(files.filter(({ file }) => !helper.test(file)))(
    '$cap/$file exports exactly one function, named after the file',
    async ({ cap, file }) => {
      const module = (await import(path.join(usecases, cap, file))) as Record<string, unknown>;
      const functions = Object.entries(module)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name);
      expect(functions).toEqual([camel(file)]);
    },
  );

  it.each(files.filter(({ file }) => !helper.test(file)))(
    '$cap/$file types its deps as Deps<…>, naming the ports it uses',
    ({ cap, file }) => {
      const source = readFileSync(path.join(usecases, cap, file), 'utf8');
      const signature = new RegExp(`export async function ${camel(file)}\\(\\s*deps: Deps<`);
      expect(source).toMatch(signature);
    },
  );

  it('are each named in ARCHITECTURE.md by their capability folder', () => {
    const map = readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
    expect(capabilities.filter((cap) => !map.includes(`usecases/${cap}/`))).toEqual([]);
  });
});
