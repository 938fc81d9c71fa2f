// Checks every published @wan25/* package as npm will ship it (run after `pnpm build`): packs it, runs
// publint and @arethetypeswrong/cli on the tarball, and checks the package.json fields that users and
// registries rely on. Prints one line per package; exits non-zero on any problem.
//
// The packages are ES modules that CommonJS can require() too, on Node >= 20.19 (require(esm)): each
// exports entry ends with a "default" condition, which both `import` and `require` resolve to the one ESM
// file (so there is never a second copy of a class for `instanceof` to trip on). attw runs its esm-only
// profile because its bundled TypeScript predates require(esm) and would flag every require as an error;
// test-projects/ requires every package from CommonJS on Node 20.19.0 and 24, and type-checks a .cts file
// that does, instead.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { type PackedPackage, packPublishedPackages, workspacePackages } from './lib/packages.ts';
import { root } from './lib/workspace.ts';

const run = promisify(execFile);
const repositoryUrl = 'git+https://github.com/wan25/wan25-sdk.git';
const shippedFile = /^(package\.json|README\.md|LICENSE|bin\/[^/]+\.js|dist\/.+|assets\/.+)$/;
const dependencyFields = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;
/** The workspace's own packages that no registry has: a published manifest must never name one. */
const privatePackages = new Set(
  workspacePackages()
    .filter((pkg) => pkg.manifest.private === true)
    .map((pkg) => pkg.manifest.name),
);

type Rule = (pkg: PackedPackage) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every conditions object of an exports map, with its subpath, e.g. ['.', { types, import }]. */
function conditionObjects(exports: unknown, at = 'exports'): [string, Record<string, unknown>][] {
  if (!isRecord(exports)) return [];
  const nested = Object.entries(exports).flatMap(([key, value]) =>
    conditionObjects(value, `${at}["${key}"]`),
  );
  return Object.keys(exports).some((key) => key.startsWith('.')) ? nested : [[at, exports], ...nested];
}

const manifestRules: Rule[] = [
  ({ folder, manifest }) =>
    manifest.name === `@wan25/${folder}` ? undefined : `name must be "@wan25/${folder}" (its folder)`,
  ({ manifest }) =>
    typeof manifest.description === 'string' && manifest.description !== ''
      ? undefined
      : 'description must be a non-empty string',
  ({ manifest }) => (manifest.type === 'module' ? undefined : 'type must be "module" (ESM-only packages)'),
  ({ manifest }) =>
    manifest.license === 'MIT' ? undefined : 'license must be "MIT", the license of the repository',
  ({ manifest }) =>
    Array.isArray(manifest.keywords) &&
    manifest.keywords.length > 0 &&
    manifest.keywords.every((k) => typeof k === 'string')
      ? undefined
      : 'keywords must be a non-empty array of strings',
  ({ manifest }) =>
    manifest.sideEffects === false ? undefined : 'sideEffects must be false, so bundlers can tree-shake',
  ({ manifest }) =>
    isRecord(manifest.engines) && typeof manifest.engines.node === 'string' && manifest.engines.node !== ''
      ? undefined
      : 'engines.node must name the supported Node.js range, e.g. ">=20.19"',
  ({ folder, manifest }) => {
    const repo = manifest.repository;
    return isRecord(repo) &&
      repo.type === 'git' &&
      repo.url === repositoryUrl &&
      repo.directory === `packages/${folder}`
      ? undefined
      : `repository must be {"type": "git", "url": "${repositoryUrl}", "directory": "packages/${folder}"}`;
  },
  ({ manifest }) =>
    Array.isArray(manifest.files) &&
    manifest.files.includes('dist') &&
    manifest.files.every((entry) => ['assets', 'bin', 'dist'].includes(entry))
      ? undefined
      : 'files must list "dist", and besides it only "bin" (commands) and "assets" (data files) (README.md, LICENSE and package.json are always packed)',
  ({ files }) => {
    const extra = files.filter((file) => !shippedFile.test(file));
    return extra.length === 0
      ? undefined
      : `the tarball must hold only dist/, assets/ and bin/*.js, but also holds ${extra.join(', ')}`;
  },
  ({ manifest }) => {
    const outside = Object.values(isRecord(manifest.bin) ? manifest.bin : {}).filter(
      (target) => typeof target !== 'string' || !/^\.\/bin\/[^/]+\.js$/.test(target),
    );
    return outside.length === 0
      ? undefined
      : `bin targets must be committed files in bin/ (pnpm links them before the first build), not ${outside.join(', ')}`;
  },
  ({ manifest }) =>
    manifest.devDependencies === undefined
      ? undefined
      : 'devDependencies must not be published (.pnpmfile.cjs removes them when packing)',
  ({ manifest }) => {
    const unpublishable = dependencyFields.flatMap((field) =>
      Object.entries(isRecord(manifest[field]) ? manifest[field] : {})
        .filter(([name, range]) => privatePackages.has(name) || String(range).includes(':'))
        .map(([name, range]) => `${field}.${name}@${String(range)}`),
    );
    return unpublishable.length === 0
      ? undefined
      : `dependencies must be registry ranges (no workspace:, file: or other protocol) of published packages, not ${unpublishable.join(', ')}`;
  },
  ({ files }) => (files.includes('README.md') ? undefined : 'README.md must exist and be packed'),
  ({ manifest }) => (isRecord(manifest.exports) ? undefined : 'exports must be an object of subpaths'),
  ({ manifest }) => {
    const misplaced = conditionObjects(manifest.exports)
      .filter(([, conditions]) => 'types' in conditions && Object.keys(conditions)[0] !== 'types')
      .map(([at]) => at);
    return misplaced.length === 0
      ? undefined
      : `"types" must be the first condition in ${misplaced.join(', ')}`;
  },
  ({ manifest }) => {
    const withoutDefault = conditionObjects(manifest.exports)
      .filter(([, conditions]) => Object.keys(conditions).at(-1) !== 'default')
      .map(([at]) => at);
    return withoutDefault.length === 0
      ? undefined
      : `"default" must be the last condition in ${withoutDefault.join(', ')}, so that require() resolves it too`;
  },
];

function manifestProblems(pkg: PackedPackage): string[] {
  return manifestRules.flatMap((rule) => rule(pkg) ?? []).map((problem) => `package.json: ${problem}`);
}

async function publintProblems(pkg: PackedPackage): Promise<string[]> {
  const tarball = readFileSync(pkg.tarball);
  const { messages, pkg: packed } = await publint({
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  return messages.map(
    (message) => `publint ${message.code}: ${formatMessage(message, packed, { color: false })}`,
  );
}

async function attwProblems(pkg: PackedPackage): Promise<string[]> {
  const attw = join(root, 'node_modules', '.bin', 'attw');
  const args = [
    pkg.tarball,
    '--profile',
    'esm-only',
    '--format',
    'table-flipped',
    '--no-color',
    '--no-emoji',
  ];
  try {
    await run(attw, args);
    return [];
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return [`@arethetypeswrong/cli (esm-only profile):\n${stdout}${stderr}`.trimEnd()];
  }
}

const destination = mkdtempSync(join(tmpdir(), 'wan25-check-packages-'));
try {
  const packed = await packPublishedPackages(destination);
  const checked = await Promise.all(
    packed.map(async (pkg) => {
      const [publint, attw] = await Promise.all([publintProblems(pkg), attwProblems(pkg)]);
      return { pkg, problems: [...manifestProblems(pkg), ...publint, ...attw] };
    }),
  );
  let failed = 0;
  for (const { pkg, problems } of checked) {
    if (problems.length === 0) {
      console.log(`ok ${pkg.manifest.name}: publint, attw --profile esm-only and the package.json rules`);
    } else {
      failed += 1;
      console.error(`FAIL ${pkg.manifest.name}: ${problems.length} problem(s)`);
      for (const problem of problems) console.error(`  - ${problem.replaceAll('\n', '\n    ')}`);
    }
  }
  console.log(`${packed.length - failed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
} finally {
  rmSync(destination, { recursive: true, force: true });
}
