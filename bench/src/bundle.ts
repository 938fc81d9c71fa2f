import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Check, Section } from './report.ts';

/** #16's limits: the client with validation and zod inlined, and the client with zod left to the app. */
const inlinedLimitBytes = 15 * 1024;
const externalLimitBytes = 10 * 1024;

interface Entry {
  name: string;
  source: string;
  external: string[];
}

const inlined = '@wan25/client with validation, zod inlined';
const external = '@wan25/client with validation, zod external';

// Bundled the way an app's bundler would: ESM, minified, every dependency inlined unless external.
const entries: Entry[] = [
  { name: inlined, source: "export * from '@wan25/client';", external: [] },
  { name: external, source: "export * from '@wan25/client';", external: ['zod', 'zod/*'] },
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

/** The client's ESM entry (its built dist, validating with `@wan25/zod/mini`) with zod inlined and external, and openapi-fetch alone. */
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
    check('client bundle with validation, zod inlined, min+gz, kB', find(inlined), inlinedLimitBytes),
    check('client bundle with validation, zod external, min+gz, kB', find(external), externalLimitBytes),
  ];
  return {
    key: 'bundle',
    title: '4. Bundle: ESM entry minified + gzipped (esbuild, gzip -9)',
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
    data: rows,
    checks,
  };
}
