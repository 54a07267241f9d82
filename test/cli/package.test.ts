import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// splitvote as a user meets it: `npm pack`, the tarball installed into a fresh project, a
// model written there in TypeScript, type-checked with the strict settings of `tsc --init`,
// compiled, and checked with `npx splitvote` on a catalog of its own. Dependencies come
// from the npm cache (or the npm registry); dist/ was built by the global setup.

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sh(command: string, args: readonly string[], cwd: string): Promise<Ran> {
  return new Promise((done) => {
    execFile(command, args, { cwd, env: { ...process.env, SPLITVOTE_CATALOG: '', npm_config_update_notifier: 'false' }, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

const TSC = resolve('node_modules/typescript/bin/tsc');
const root = mkdtempSync(join(tmpdir(), 'splitvote-package-'));
let tarball = '';
afterAll(() => (process.env.KEEP_PACKAGE_TEST === undefined ? rmSync(root, { recursive: true, force: true }) : undefined));
beforeAll(async () => {
  const packed = await sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], process.cwd());
  expect(packed.stderr).toBe('');
  tarball = join(root, packed.stdout.trim().split('\n').at(-1)!);
});

// A small leader election with a planted bug: a node claims leadership unless it already
// heard of a leader, but two nodes can claim before either hears. `--set nodes=N` scales it.
const MODEL = `
import type { Model, ModelEntry, always, sometimes } from 'splitvote';

interface Election {
  readonly leader: readonly boolean[];
  readonly heard: readonly boolean[];
}
interface Step {
  readonly node: number;
  readonly kind: 'claim' | 'hear';
}

function election(nodes: number, api: { always: typeof always; sometimes: typeof sometimes }): Model<Election, Step> {
  const none: boolean[] = Array.from({ length: nodes }, () => false);
  return {
    name: \`election(\${nodes})\`,
    initStates: () => [{ leader: none, heard: none }],
    actions: (s, out) => {
      for (let n = 0; n < nodes; n++) {
        if (s.leader[n] !== true && s.heard[n] !== true) out.push({ node: n, kind: 'claim' });
        if (s.heard[n] !== true && s.leader.some((l, m) => l && m !== n)) out.push({ node: n, kind: 'hear' });
      }
    },
    next: (s, a) => (a.kind === 'claim' ? { ...s, leader: s.leader.map((l, i) => l || i === a.node) } : { ...s, heard: s.heard.map((h, i) => h || i === a.node) }),
    properties: [
      api.always('at most one leader', (s) => s.leader.filter((l) => l).length <= 1),
      api.sometimes('a leader is elected', (s) => s.leader.some((l) => l)),
    ],
    formatAction: (a) => \`node \${a.node} \${a.kind === 'claim' ? 'claims leadership' : 'hears of a leader'}\`,
    // Done when every node leads or has heard of a leader: not a deadlock.
    isFinal: (s) => s.leader.every((l, i) => l || s.heard[i] === true),
  };
}

function entry(api: { always: typeof always; sometimes: typeof sometimes }): ModelEntry {
  return {
    name: 'election',
    description: 'nodes claim leadership unless they heard of a leader',
    presets: [{ name: 'two', description: 'two nodes' }],
    variants: [],
    defaultVariants: [],
    constants: [{ name: 'nodes', description: 'number of nodes (default 2)', min: 2, max: 5 }],
    create: (request) => election(request.constants?.['nodes'] ?? 2, api),
  };
}
`;

// The ES module project: import and export as usual.
const ESM = {
  modelExport: 'export { entry };',
  catalog: `
import type { ModelEntry } from 'splitvote';
import { always, sometimes } from 'splitvote';
import { entry } from './model.js';

export const catalog: ModelEntry[] = [entry({ always, sometimes })];
`,
  check: (definition: string) => `
import { defineCheck } from 'splitvote';

export const check = defineCheck(${definition});
`,
};

// The CommonJS project (tsc --init's verbatimModuleSyntax asks for require/export = there):
// it loads splitvote, an ES module, with import() and exports promises, which the CLI awaits.
const CJS = {
  modelExport: 'export = { entry };',
  catalog: `
import type { ModelEntry } from 'splitvote';
import model = require('./model.js');

const catalog: Promise<ModelEntry[]> = import('splitvote').then(({ always, sometimes }) => [model.entry({ always, sometimes })]);
export = { catalog };
`,
  check: (definition: string) => `
const check = import('splitvote').then(({ defineCheck }) => defineCheck(${definition}));
export = { check };
`,
};

async function project(kind: 'module' | 'commonjs'): Promise<string> {
  const dir = join(root, kind);
  mkdirSync(join(dir, 'src', 'checks'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${kind}`, version: '1.0.0', private: true, type: kind }));
  const installed = await sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', tarball], dir);
  expect(installed.code, installed.stderr).toBe(0);
  // The defaults of `tsc --init`: strict, nodenext, noUncheckedIndexedAccess, exactOptionalPropertyTypes, skipLibCheck, ...
  const init = await sh(process.execPath, [TSC, '--init', '--rootDir', 'src', '--outDir', 'build'], dir);
  expect(init.code, init.stdout).toBe(0);
  const source = kind === 'module' ? ESM : CJS;
  writeFileSync(join(dir, 'src', 'model.ts'), `${MODEL}\n${source.modelExport}\n`);
  writeFileSync(join(dir, 'src', 'catalog.ts'), source.catalog);
  const check = "{ name: 'election-two', description: 'two leaders are possible', model: 'election', preset: 'two', expect: { 'at most one leader': 'violated' }, states: 9 }";
  writeFileSync(join(dir, 'src', 'checks', 'election.check.ts'), source.check(check));
  return dir;
}

describe.each(['module', 'commonjs'] as const)('the packed tarball in a fresh %s project', (kind) => {
  let dir = '';
  beforeAll(async () => {
    dir = await project(kind);
  });

  test('installs without tsx and with a bin that runs on plain node', () => {
    expect(existsSync(join(dir, 'node_modules', 'tsx'))).toBe(false);
    expect(readdirSync(join(dir, 'node_modules', 'splitvote')).sort()).toEqual(['README.md', 'dist', 'docs', 'package.json']);
  });

  test('type-checks and compiles a model with the strict defaults of tsc --init, without an error', async () => {
    const { code, stdout } = await sh(process.execPath, [TSC, '-p', '.'], dir);
    expect(stdout).toBe('');
    expect(code).toBe(0);
  });

  test('with skipLibCheck off as well, no error is inside splitvote\'s declarations', async () => {
    const { stdout } = await sh(process.execPath, [TSC, '-p', '.', '--noEmit', '--skipLibCheck', 'false'], dir);
    // Errors start a line with their file; xstate's own declarations do not pass exactOptionalPropertyTypes.
    const files = [...new Set(stdout.split('\n').flatMap((line) => /^(\S+?)\(\d+,\d+\): error/.exec(line)?.[1] ?? []))];
    expect(files.filter((f) => !f.startsWith('node_modules/xstate/'))).toEqual([]);
  });

  test('npx splitvote check finds the planted bug on the project\'s own catalog, with --set', async () => {
    const { code, stdout, stderr } = await sh('npx', ['splitvote', '--catalog', 'build/catalog.js', 'check', 'election', '--set', 'nodes=3'], dir);
    expect(stderr).not.toContain('error');
    expect(stdout).toContain('✗ violated       at most one leader  [always]');
    expect(stdout).toContain('✓ holds          no deadlock  [deadlock]');
    expect(stdout).toContain('Reproduce: npx splitvote check election --preset two --set nodes=3 --catalog build/catalog.js');
    expect(code).toBe(1);
  });

  test('npx splitvote checks runs the project\'s compiled check files', async () => {
    const { code, stdout } = await sh('npx', ['splitvote', '--catalog', 'build/catalog.js', 'checks', '--dir', 'build/checks'], dir);
    expect(stdout).toContain('checks: 1 passed, 0 failed');
    expect(code).toBe(0);
  });

  test('npx splitvote runs the models shipped in the package without a catalog', async () => {
    const { code, stdout } = await sh('npx', ['splitvote', 'check', 'two-phase-commit', '--preset', 'rm2', '--quiet'], dir);
    expect(stdout).toContain('✓ every expectation met');
    expect(code).toBe(0);
  });

  test.runIf(kind === 'module')('npx splitvote viz graph bundles the state-graph viewer from the installed package', async () => {
    const { code, stdout } = await sh('npx', ['splitvote', 'viz', 'graph', 'two-phase-commit', '--preset', 'rm2', '-o', 'graph.html'], dir);
    expect(stdout).toContain('Wrote graph.html: 79 states');
    expect(code).toBe(0);
  });

  test.runIf(kind === 'commonjs')('a plain CommonJS catalog that require()s splitvote loads too (no "require() in a cycle")', async () => {
    writeFileSync(
      join(dir, 'plain.cjs'),
      "const { always } = require('splitvote');\nexports.catalog = [{ name: 'one', description: 'one state', presets: [{ name: 'p', description: 'p' }], variants: [], defaultVariants: [],\n  create: () => ({ name: 'one', initStates: () => [0], actions: () => {}, next: () => undefined, properties: [always('zero', (s) => s === 0)], isFinal: () => true }) }];\n",
    );
    const { code, stdout, stderr } = await sh('npx', ['splitvote', '--catalog', 'plain.cjs', 'check', 'one'], dir);
    expect(stderr).not.toContain('error');
    expect(stdout).toContain('✓ every expectation met');
    expect(code).toBe(0);
  });

  test('a TypeScript catalog on a Node without type stripping and no tsx gets a clear error, exit 2', async () => {
    const { code, stderr } = await sh('npx', ['splitvote', '--catalog', 'src/catalog.ts', 'list'], dir);
    if ((process.features as { typescript?: unknown }).typescript) return; // Node >= 22.18 imports it itself
    expect(stderr).toContain('the catalog is TypeScript, and Node');
    expect(stderr).toContain('Compile it with tsc and pass the .js file, install tsx in its project');
    expect(code).toBe(2);
  });
});
