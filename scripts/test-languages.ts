// The other-languages step of CI (`pnpm test:languages`): proves that clients in Python, Go, Java and C#
// can be generated from the built spec (packages/spec/dist/openapi.json) and work against the mock.
// For each language it generates models with quicktype, compiles them with Debian's toolchain, and runs
// the hand-written program in test-projects/languages/<language>/, which submits a text-to-video task,
// reads a succeeded task and decodes its `resultJson` into URLs, reads a failed task's `failCode`, and
// gets a 400 for an invalid body. Generated code is never edited: what a generator or compiler needs is
// an option below. docs/other-languages.md gives each recipe as run here; keep the two in step.
// Prints every command it runs, a line per language, and closes with "N passed, N failed"; exits
// non-zero if any language fails.
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { startMockServer } from '../packages/mock/src/index.ts';
import type { Json } from './lib/openapi.ts';
import { clientSchemaNames, componentSchemasDocument } from './lib/quicktype.ts';
import { bundledSpecJson, root } from './lib/workspace.ts';

interface Command {
  argv: string[];
  env?: Record<string, string>;
}

interface Language {
  name: string;
  /** Programs and files the steps need, each with the Debian package that brings it (.ci/run installs them). */
  needs: { file: string; debianPackage: string }[];
  /** The file quicktype writes (Java: the first of several, beside it). */
  generated: string;
  /** quicktype's options for the language, besides the input and `--out`. */
  quicktypeOptions: string[];
  /** Runs after `generate`, so it may list the generated files. */
  compile: (dir: string) => Command;
  run: (baseUrl: string) => Command;
}

/** What each program prints, one `ok <check>: ...` line per check, in this order. */
const checks = ['submit', 'succeeded', 'failed', 'invalid'];
const stepTimeoutMs = 180_000;

if (!existsSync(bundledSpecJson)) {
  console.error(`${relative(root, bundledSpecJson)} is missing: run \`pnpm generate\` first`);
  process.exit(1);
}

const quicktype = join(root, 'node_modules', '.bin', 'quicktype');
const spec: Json = JSON.parse(readFileSync(bundledSpecJson, 'utf8'));
/** quicktype's inputs: the client's schemas, each a top-level type, in the spec's schemas written to ../schemas.json. */
const quicktypeSources = clientSchemaNames(spec).map((name) => `../schemas.json#/definitions/${name}`);
const generate = ({ quicktypeOptions, generated }: Language): Command => ({
  argv: [quicktype, '--src-lang', 'schema', ...quicktypeOptions, '--out', generated, ...quicktypeSources],
});

const jacksonJars = ['jackson-databind', 'jackson-core', 'jackson-annotations'].map(
  (jar) => `/usr/share/java/${jar}.jar`,
);
const newtonsoftJson = '/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll';

const languages: Language[] = [
  {
    name: 'python',
    needs: [{ file: 'python3', debianPackage: 'python3' }],
    generated: 'wan25_models.py',
    quicktypeOptions: ['--lang', 'python', '--python-version', '3.7'],
    compile: () => ({ argv: ['python3', '-m', 'py_compile', 'wan25_models.py', 'main.py'] }),
    run: (baseUrl) => ({ argv: ['python3', 'main.py', baseUrl] }),
  },
  {
    name: 'go',
    needs: [{ file: 'go', debianPackage: 'golang-go' }],
    generated: 'wan25/models.go',
    quicktypeOptions: ['--lang', 'go', '--package', 'wan25'],
    // The module needs nothing but the standard library: no module proxy, and no toolchain download.
    compile: () => ({
      argv: ['go', 'build', '-o', 'program', '.'],
      env: { GOPROXY: 'off', GOTOOLCHAIN: 'local' },
    }),
    run: (baseUrl) => ({ argv: ['./program', baseUrl] }),
  },
  {
    name: 'java',
    needs: [
      { file: 'javac', debianPackage: 'default-jdk-headless' },
      ...jacksonJars.map((file) => ({ file, debianPackage: 'libjackson2-databind-java' })),
    ],
    generated: 'wan25/Converter.java',
    quicktypeOptions: ['--lang', 'java', '--package', 'wan25', '--array-type', 'list'],
    // Every generated file but Converter.java: its helpers do not compile against Debian's jackson-databind
    // 2.14.0, whose writeValueAsString declares IOException; the program reads and writes the generated
    // classes with an ObjectMapper of its own instead.
    compile: (dir) => ({
      argv: [
        'javac',
        ...['-d', 'classes', '-cp', jacksonJars.join(delimiter), 'Main.java'],
        ...readdirSync(join(dir, 'wan25'))
          .filter((file) => file.endsWith('.java') && file !== 'Converter.java')
          .map((file) => `wan25/${file}`),
      ],
    }),
    run: (baseUrl) => ({
      argv: ['java', '-cp', ['classes', ...jacksonJars].join(delimiter), 'Main', baseUrl],
    }),
  },
  {
    name: 'csharp',
    needs: [
      { file: 'mcs', debianPackage: 'mono-mcs' },
      { file: '/usr/lib/mono/4.5/System.Net.Http.dll', debianPackage: 'libmono-system-net-http4.0-cil' },
      { file: newtonsoftJson, debianPackage: 'libnewtonsoft-json5.0-cil' },
    ],
    // C# 6, which Mono's compiler reads (the default, 8, writes nullable reference types), and no
    // DateOnly/TimeOnly converters (.NET 6 only).
    generated: 'Wan25.cs',
    quicktypeOptions: [
      ...['--lang', 'csharp', '--namespace', 'Wan25', '--framework', 'NewtonSoft', '--csharp-version', '6'],
      '--no-dateonly-timeonly-converters',
    ],
    compile: () => ({
      argv: [
        'mcs',
        '-out:program.exe',
        `-r:${newtonsoftJson}`,
        '-r:System.Net.Http.dll',
        'Wan25.cs',
        'Program.cs',
      ],
    }),
    run: (baseUrl) => ({ argv: ['mono', 'program.exe', baseUrl] }),
  },
];

/** Whether a program is on PATH, or a file exists. */
function isAvailable(file: string): boolean {
  if (file.includes('/')) return existsSync(file);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, file), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

interface StepResult {
  ok: boolean;
  output: string;
  ms: number;
}

function runCommand(command: Command, cwd: string): Promise<StepResult> {
  const started = performance.now();
  const [file, ...args] = command.argv as [string, ...string[]];
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd, env: { ...process.env, ...command.env }, timeout: stepTimeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trimEnd();
        const why = error && !error.code ? `\n(${error.message.split('\n')[0]})` : '';
        resolve({ ok: error === null, output: output + why, ms: performance.now() - started });
      },
    );
  });
}

/** How a command reads in a shell. */
function shown(command: Command): string {
  const env = Object.entries(command.env ?? {}).map(([name, value]) => `${name}=${value}`);
  const words = command.argv.map((word) =>
    word === quicktype ? 'quicktype' : word.includes('#') ? `'${word}'` : word,
  );
  return [...env, ...words].join(' ');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Generates, compiles and runs one language in its own folder; returns its report and whether it passed. */
async function testLanguage(
  language: Language,
  workDir: string,
  baseUrl: string,
): Promise<[string, boolean]> {
  const dir = join(workDir, language.name);
  cpSync(join(root, 'test-projects', 'languages', language.name), dir, { recursive: true });
  mkdirSync(join(dir, dirname(language.generated)), { recursive: true });
  const lines: string[] = [];
  const fail = (why: string): [string, boolean] => {
    lines.push(`${language.name}: FAILED, ${why}`);
    return [lines.join('\n'), false];
  };

  const missing = language.needs.filter(({ file }) => !isAvailable(file));
  if (missing.length > 0) {
    return fail(
      `missing ${missing.map(({ file, debianPackage }) => `${file} (Debian package ${debianPackage})`).join(', ')}`,
    );
  }
  const timings: string[] = [];
  for (const [step, command] of [
    ['generate', () => generate(language)],
    ['compile', () => language.compile(dir)],
    ['run', () => language.run(baseUrl)],
  ] as const) {
    const resolved = command();
    lines.push(`$ ${shown(resolved)}`);
    const result = await runCommand(resolved, dir);
    timings.push(`${step} ${seconds(result.ms)}`);
    if (result.output !== '' && (step === 'run' || !result.ok)) lines.push(result.output);
    if (!result.ok) return fail(`${step} failed after ${seconds(result.ms)}`);
    if (step === 'run') {
      const done = result.output.split('\n').flatMap((line) => line.match(/^ok (\w+):/)?.[1] ?? []);
      if (done.join() !== checks.join()) {
        return fail(
          `expected the checks ${checks.join(', ')}, the program reported ${done.join(', ') || 'none'}`,
        );
      }
    }
  }
  lines.push(`${language.name}: passed (${timings.join(', ')})`);
  return [lines.join('\n'), true];
}

const started = performance.now();
const mock = await startMockServer();
const workDir = mkdtempSync(join(tmpdir(), 'wan25-languages-'));
let results: boolean[];
try {
  writeFileSync(join(workDir, 'schemas.json'), componentSchemasDocument(spec));
  console.log(
    `languages: generating from ${relative(root, bundledSpecJson)}, running against the mock at ${mock.url}`,
  );
  // The languages run side by side: much of each step is waiting on a compiler's or quicktype's start-up.
  results = await Promise.all(
    languages.map(async (language) => {
      const [report, passed] = await testLanguage(language, workDir, mock.url);
      console.log(`\n${report}`);
      return passed;
    }),
  );
} finally {
  await mock.close();
  rmSync(workDir, { recursive: true, force: true });
}
const passed = results.filter(Boolean).length;
console.log(`\nlanguages: ${languages.length} languages in ${seconds(performance.now() - started)}`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length ? 0 : 1;
