// ESLint flat config. The layer fence lives here: an allowlist per layer of what its files may
// import, so that arrows point inwards (core imports only itself) without goodwill.
// src/layer-fence.test.ts plants forbidden imports and checks that this rule reports each one.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

// Parts of core that the web app and the contract may not reach: the use cases drive the
// server's stores, audit log and clock through the ports, behind its access checks; they run on
// the server, never in the browser or in a wire schema. The domain models, the access policy
// and the rules beside them are pure, and the web app and contract share them today.
const coreIoFacing = ['src/core/ports', 'src/core/**/usecases/'];

/**
 * What each fenced layer may import. `may` lists the folders (ending in `/`) whose modules a
 * relative import may reach, `mayNot` the exceptions; `packages` the packages allowed, each with
 * the reason, or '*' for any; `testPackages` what tests and test-support may use besides.
 * Anything not listed is refused: a new dependency of a layer is a decision made here.
 * src/server is the composition root and is not fenced.
 */
const layers = [
  {
    name: 'src/core',
    dir: 'src/core/',
    why: 'the domain imports only itself and pure libraries listed in eslint.config.js',
    may: ['src/core/'],
    mayNot: [],
    packages: {
      // A word diff over two strings (core/text/diff.ts): pure computation, no I/O, no globals.
      diff: 'word diffs of the negotiating text',
      // Language identification of articles (core/media/language.ts): n-gram tables in the
      // package, pure computation, no I/O; chosen by measurement on the labelled corpus.
      eld: 'the language of an article',
    },
    // Tests and their helpers do not ship. node:crypto is computation, not I/O: tests compute
    // expected hashes and signatures with it, independently of the Hasher port they check.
    testPackages: ['vitest', 'fast-check', 'node:crypto'],
  },
  {
    name: 'src/contract',
    dir: 'src/contract/',
    why: "the wire schemas import only themselves, zod and core's pure lists (roles, statuses)",
    may: ['src/contract/', 'src/core/'],
    mayNot: coreIoFacing,
    packages: { zod: 'the schemas themselves' },
    testPackages: ['vitest'],
  },
  {
    name: 'src/web',
    dir: 'src/web/',
    why: "the browser app talks to the server over the API: it imports the contract and core's pure modules, never the server, the CLI or a use case",
    may: ['src/web/', 'src/contract/', 'src/core/'],
    mayNot: coreIoFacing,
    // The browser bundle: each package here runs in the negotiators' browsers.
    packages: {
      react: 'the UI',
      'react-dom': 'the UI',
      i18next: 'translations',
      'react-i18next': 'translations',
      recharts: 'the negotiation dance chart',
      '@simplewebauthn/browser': 'passkeys in the browser',
      zod: 'wire types inferred from the contract (web/api/types.ts imports it as types only)',
    },
    testPackages: ['vitest'],
  },
  {
    name: 'src/cli',
    dir: 'src/cli/',
    why: 'the command line is an operator tool beside the server; it never imports the web app',
    may: ['src/cli/', 'src/server/', 'src/core/', 'src/contract/'],
    mayNot: [],
    packages: '*',
    testPackages: [],
  },
];

/**
 * A path glob of the table as a regular expression: `**\/` stands for any folders, and a `/` at
 * the end for any module below that folder.
 */
function globToRegExp(glob) {
  const body = glob
    .split('**/')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(?:[^]*/)?');
  return new RegExp(`^${body}${glob.endsWith('/') ? '' : '$'}`);
}

for (const layer of layers) {
  layer.mayRe = layer.may.map(globToRegExp);
  layer.mayNotRe = layer.mayNot.map(globToRegExp);
}

/** A module path from the repository root, in / form and without its extension. */
function modulePath(absolute) {
  return path
    .relative(root, absolute)
    .split(path.sep)
    .join('/')
    .replace(/\.(?:[cm]?[jt]s|[jt]sx)$/, '');
}

/** The package a bare specifier names: `@scope/name`, `name`, or `node:x` for a built-in. */
function packageName(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  if (isBuiltin(specifier)) return `node:${specifier}`;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Test helpers live in `test-support/` folders; tests are `*.test.*` (paths without extension). */
const isTestSupport = (p) => /(?:^|\/)test-support\//.test(p);
const isTestFile = (p) => /\.test$/.test(p) || isTestSupport(p);

/** The layer fence: every import, re-export, `import()`, `require()` and `import('x').T` type. */
const layerFence = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what eslint.config.js allows it' },
    schema: [],
    messages: {
      outside: "{{layer}} may not import '{{source}}' ({{target}}): {{why}}.",
      package: "{{layer}} may not import the package '{{name}}': {{why}}.",
      testSupport: "'{{source}}' is test support: code that ships may not import it.",
      computed: '{{layer}} may not import a computed specifier: the layer fence cannot check it.',
    },
  },
  create(context) {
    const file = modulePath(context.physicalFilename ?? context.filename);
    const layer = layers.find((l) => file.startsWith(l.dir));
    if (!layer) return {};
    const inTest = isTestFile(file);

    function check(node, source) {
      if (source.startsWith('.')) {
        const target = modulePath(path.resolve(path.dirname(path.join(root, file)), source));
        const allowed =
          layer.mayRe.some((re) => re.test(target)) &&
          !layer.mayNotRe.some((re) => re.test(target));
        if (!allowed) {
          const data = { layer: layer.name, source, target, why: layer.why };
          context.report({ node, messageId: 'outside', data });
        } else if (!inTest && isTestSupport(target)) {
          context.report({ node, messageId: 'testSupport', data: { source } });
        }
        return;
      }
      // Bare specifiers, `node:` built-ins, absolute paths and URLs: only what the table lists.
      const name = packageName(source);
      if (layer.packages === '*' || Object.hasOwn(layer.packages, name)) return;
      if (inTest && layer.testPackages.includes(name)) return;
      context.report({
        node,
        messageId: 'package',
        data: { layer: layer.name, name, why: layer.why },
      });
    }

    /** A module specifier given as a string or a template without substitutions, else null. */
    function literal(node) {
      if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) {
        return node.quasis[0]?.value.cooked ?? null;
      }
      return null;
    }

    function checkSource(node) {
      if (node.source) check(node.source, node.source.value);
    }

    return {
      ImportDeclaration: checkSource,
      ExportNamedDeclaration: checkSource,
      ExportAllDeclaration: checkSource,
      ImportExpression(node) {
        const source = literal(node.source);
        if (source === null) {
          context.report({ node, messageId: 'computed', data: { layer: layer.name } });
        } else {
          check(node.source, source);
        }
      },
      TSImportEqualsDeclaration(node) {
        const ref = node.moduleReference;
        if (ref.type === 'TSExternalModuleReference') check(ref, ref.expression.value);
      },
      TSImportType(node) {
        const source = node.source ?? node.argument?.literal;
        if (source) check(source, source.value);
      },
      CallExpression(node) {
        const [first] = node.arguments;
        const source = literal(first);
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          source !== null
        ) {
          check(first, source);
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // Tests beside the code are fenced like it (they may also use `testPackages`), so a test
    // cannot lean on an outer layer that the code it tests could not.
    files: ['src/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { parley: { rules: { 'layer-fence': layerFence } } },
    rules: { 'parley/layer-fence': 'error' },
  },
);
