import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { browserAppSource } from '../../packages/client/scripts/check-size.ts';
import type { Check, Section } from './report.ts';

/** #16's limits, for a browser app using the client: with zod inlined, and with zod left to the app. */
const inlinedLimitBytes = 15 * 1024;
const externalLimitBytes = 10 * 1024;

interface Entry {
  name: string;
  source: string;
  external: string[];
}

const app = 'browser app using @wan25/client';
const inlined = `${app}, zod inlined`;
const external = `${app}, zod external`;
const zodExternal = ['zod', 'zod/*'];
const wholeEntry = "export * from '@wan25/client';";

// Bundled the way an app's bundler would: ESM, minified, tree-shaken, every dependency inlined unless
// external. The whole entry (every export kept, the webhook handler too) is shown for reference.
const entries: Entry[] = [
  { name: inlined, source: browserAppSource, external: [] },
  { name: external, source: browserAppSource, external: zodExternal },
  { name: 'whole @wan25/client entry, zod inlined', source: wholeEntry, external: [] },
  { name: 'whole @wan25/client entry, zod external', source: wholeEntry, external: zodExternal },
  { name: 'openapi-fetch alone', source: "export * from 'openapi-fetch';", external: [] },
];

interface BundleRow {
  name: string;
  minifiedBytes: number;
  gzippedBytes: number;
  /** Minified bytes in the output per package (or `(entry)`), largest first. */
  minifiedBytesByPackage: Record<string, number>;
}

/** `node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js` -> `zod`; workspace paths by folder. */
function packageOf(path: string): string {
  const inNodeModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inNodeModules) return inNodeModules[1] as string;
  const inWorkspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  return inWorkspace ? `@wan25/${inWorkspace[1]}` : '(entry)';
}

async function measure(entry: Entry): Promise<Omit<BundleRow, 'name'>> {
  const result = await build({
    stdin: { contents: entry.source, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: entry.external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return {
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    minifiedBytesByPackage: Object.fromEntries([...byPackage].sort(([, a], [, b]) => b - a)),
  };
}

/**
 * A browser app using the client's built dist (validating with `@wan25/zod/mini`), with zod inlined and
 * external; the whole entry for reference; openapi-fetch alone as the baseline.
 */
export async function measureBundles(): Promise<Section> {
  const rows: BundleRow[] = [];
  for (const entry of entries) rows.push({ name: entry.name, ...(await measure(entry)) });
  const find = (name: string) => {
    const row = rows.find((candidate) => candidate.name === name);
    if (!row) throw new Error(`the bundle ${name} is missing`);
    return row;
  };
  const baseline = find('openapi-fetch alone');
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  const check = (name: string, row: BundleRow, limitBytes: number): Check => ({
    name,
    value: row.gzippedBytes / 1024,
    limit: limitBytes / 1024,
    pass: row.gzippedBytes <= limitBytes,
  });
  const checks = [
    check(
      'browser app using the client, validating, zod inlined, min+gz, kB',
      find(inlined),
      inlinedLimitBytes,
    ),
    check(
      'browser app using the client, validating, zod external, min+gz, kB',
      find(external),
      externalLimitBytes,
    ),
  ];
  return {
    key: 'bundle',
    title: '4. Bundle: a browser app using the client, minified + gzipped (esbuild, tree-shaken, gzip -9)',
    head: ['bundle', 'minified', 'min + gzip', 'gzip / openapi-fetch', 'minified, by package'],
    rows: rows.map((row) => [
      row.name,
      kB(row.minifiedBytes),
      kB(row.gzippedBytes),
      `${(row.gzippedBytes / baseline.gzippedBytes).toFixed(2)}x`,
      Object.entries(row.minifiedBytesByPackage)
        .filter(([name]) => name !== '(entry)')
        .map(([name, bytes]) => `${name} ${kB(bytes)}`)
        .join(', '),
    ]),
    notes: [
      'The browser app imports `createWanClient` and `WanValidationError` and calls `submit`, `waitForTask` and ' +
        '`generate` (`browserAppSource` in packages/client/scripts/check-size.ts): what a bundler keeps for it, ' +
        'validation on (the default). The whole entry keeps every export, the webhook handler included.',
    ],
    data: rows,
    checks,
  };
}
