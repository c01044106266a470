/**
 * The layer fence of eslint.config.js, tested by planting imports in files that do not exist: each
 * forbidden one must be reported by `parley/layer-fence`, each allowed one must not. A fence that
 * only passes on today's tree could be a fence that checks nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fenceRule = 'parley/layer-fence';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

/** The fence's messages for `code` linted as if it were the file at `filePath`. */
async function fenceMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `${filePath} must parse and be linted`).toEqual([]);
  return result.messages.filter((m) => m.ruleId === fenceRule).map((m) => m.message);
}

const forbidden: [where: string, filePath: string, code: string][] = [
  // Core does no I/O and knows no outer layer.
  ['core imports ws', 'src/core/x.ts', "import { WebSocket } from 'ws';"],
  ['core imports worker threads', 'src/core/x.ts', "import 'node:worker_threads';"],
  ['core imports argon2', 'src/core/x.ts', "import { hash } from '@node-rs/argon2';"],
  ['core imports a bare built-in', 'src/core/x.ts', "import { readFileSync } from 'fs';"],
  [
    'core imports node:crypto outside tests',
    'src/core/x.ts',
    "import { createHash } from 'node:crypto';",
  ],
  ['core imports kysely as a type', 'src/core/x.ts', "import type { Kysely } from 'kysely';"],
  ['core imports a type inline', 'src/core/x.ts', "export type S = import('ws').WebSocket;"],
  ['core imports zod', 'src/core/x.ts', "import { z } from 'zod';"],
  ['core imports the server', 'src/core/x.ts', "import { x } from '../server/runtime.js';"],
  [
    'core imports the server from deeper',
    'src/core/text/x.ts',
    "import { x } from '../../server/db/connect.js';",
  ],
  ['core imports the contract', 'src/core/x.ts', "import { x } from '../contract/items.js';"],
  ['core imports the web app', 'src/core/x.ts', "import { x } from '../web/api/client.js';"],
  ['core leaves src', 'src/core/x.ts', "import { x } from '../../bench/run.js';"],
  ['core re-exports fs', 'src/core/x.ts', "export { readFile } from 'node:fs/promises';"],
  ['core re-exports all of the server', 'src/core/x.ts', "export * from '../server/runtime.js';"],
  ['core imports fs dynamically', 'src/core/x.ts', "export const fs = await import('node:fs');"],
  [
    'core imports a computed specifier',
    'src/core/x.ts',
    'export const load = (name: string) => import(name);',
  ],
  [
    'core requires ws',
    'src/core/x.ts',
    "declare const require: (id: string) => unknown;\nrequire('ws');",
  ],
  [
    'core ships test support',
    'src/core/text/x.ts',
    "import { arb } from './test-support/arbitraries.js';",
  ],
  [
    'a core test imports the server',
    'src/core/text/x.test.ts',
    "import { x } from '../../server/runtime.js';",
  ],
  ['a core test imports pg', 'src/core/text/x.test.ts', "import pg from 'pg';"],
  // The web app reaches the server over the API only.
  [
    'web imports the server',
    'src/web/features/x.tsx',
    "import { buildApp } from '../../server/http/app.js';",
  ],
  ['web imports the CLI', 'src/web/features/x.tsx', "import { main } from '../../cli/main.js';"],
  [
    'web imports a use case',
    'src/web/features/x.tsx',
    "import { createNote } from '../../core/usecases/create-note.js';",
  ],
  [
    'web imports a use case in a capability folder',
    'src/web/x.tsx',
    "import { x } from '../core/text/usecases/publish-version.js';",
  ],
  [
    'web imports the ports',
    'src/web/api/x.ts',
    "import type { TextStore } from '../../core/ports.js';",
  ],
  ['web imports fs', 'src/web/features/x.tsx', "import { readFile } from 'node:fs/promises';"],
  ['web imports fastify', 'src/web/x.ts', "import Fastify from 'fastify';"],
  ['web imports argon2', 'src/web/x.ts', "import { hash } from '@node-rs/argon2';"],
  [
    'web imports the server dynamically',
    'src/web/App.tsx',
    "export const m = import('../server/runtime.js');",
  ],
  // The contract is shared by the outer layers and imports none of them.
  [
    'contract imports the server',
    'src/contract/x.ts',
    "import { x } from '../server/http/app.js';",
  ],
  [
    'contract imports the web app',
    'src/contract/x.ts',
    "import { x } from '../web/api/client.js';",
  ],
  ['contract imports the CLI', 'src/contract/x.ts', "import { x } from '../cli/main.js';"],
  [
    'contract imports a use case',
    'src/contract/x.ts',
    "import { x } from '../core/usecases/get-record.js';",
  ],
  ['contract imports kysely', 'src/contract/x.ts', "import { Kysely } from 'kysely';"],
  // The command line never imports the web app.
  ['cli imports the web app', 'src/cli/x.ts', "import { App } from '../web/App.js';"],
];

const allowed: [where: string, filePath: string, code: string][] = [
  [
    'core imports itself',
    'src/core/text/x.ts',
    "import { x } from './model.js';\nimport type { ProcessId } from '../shared/ids.js';",
  ],
  ['core imports diff', 'src/core/text/x.ts', "import { diffWordsWithSpace } from 'diff';"],
  [
    'core imports itself dynamically',
    'src/core/x.ts',
    "export const m = await import('./text/model.js');",
  ],
  [
    'a core test uses its runner, fast-check, node:crypto and test support',
    'src/core/text/x.test.ts',
    "import { it } from 'vitest';\nimport fc from 'fast-check';\nimport { createHash } from 'node:crypto';\nimport { arb } from './test-support/arbitraries.js';",
  ],
  [
    'core test support uses fast-check',
    'src/core/text/test-support/x.ts',
    "import fc from 'fast-check';",
  ],
  [
    'web imports itself, the contract and pure core',
    'src/web/features/x.tsx',
    "import { x } from './y.js';\nimport type * as items from '../../contract/items.js';\nimport { canReadCompartment } from '../../core/access/policy.js';",
  ],
  [
    'web imports its packages',
    'src/web/main.tsx',
    "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { useTranslation } from 'react-i18next';\nimport type { z } from 'zod';",
  ],
  [
    'web loads a page lazily',
    'src/web/App.tsx',
    "export const p = import('./features/analysis/AnalysisPage.js');",
  ],
  ['a web test uses its runner', 'src/web/i18n/x.test.ts', "import { it } from 'vitest';"],
  [
    'contract imports zod and core lists',
    'src/contract/x.ts',
    "import { z } from 'zod';\nimport { roles } from '../core/process/model.js';",
  ],
  [
    'cli imports the server, core, contract and Node',
    'src/cli/x.ts',
    "import { buildApp } from '../server/http/app.js';\nimport { x } from '../core/audit/chain.js';\nimport { readFileSync } from 'node:fs';",
  ],
  [
    'the server, unfenced, imports anything',
    'src/server/x.ts',
    "import { readFileSync } from 'node:fs';\nimport { Kysely } from 'kysely';",
  ],
];

describe('the layer fence', () => {
  it.each(forbidden)('reports %s', async (_where, filePath, code) => {
    expect(await fenceMessages(filePath, code)).toHaveLength(1);
  });

  it.each(allowed)('lets %s', async (_where, filePath, code) => {
    expect(await fenceMessages(filePath, code)).toEqual([]);
  });

  it('names the layer and the offending import in its message', async () => {
    const [message] = await fenceMessages(
      'src/core/x.ts',
      "import { x } from '../server/runtime.js';",
    );
    expect(message).toContain('src/core');
    expect(message).toContain("'../server/runtime.js'");
    expect(message).toContain('src/server/runtime');
  });
});
