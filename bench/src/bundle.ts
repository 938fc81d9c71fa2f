import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Check, Section } from './report.ts';

const limitBytes = 10 * 1024;

interface Entry {
  name: string;
  source: string;
  external: string[];
}

// Bundled the way an app's bundler would: ESM, minified, every dependency inlined unless external.
const entries: Entry[] = [
  { name: '@wan25/client with zod', source: "export * from '@wan25/client';", external: [] },
  { name: '@wan25/client without zod', source: "export * from '@wan25/client';", external: ['zod', 'zod/*'] },
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

async function measure({ source, external }: Entry): Promise<Omit<BundleRow, 'name'>> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external,
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

/** The client's ESM entry (its built dist) with and without zod, and openapi-fetch alone. */
export async function measureBundles(): Promise<Section> {
  const rows: BundleRow[] = [];
  for (const entry of entries) rows.push({ name: entry.name, ...(await measure(entry)) });
  const withoutZod = rows.find((row) => row.name === '@wan25/client without zod');
  const baseline = rows.find((row) => row.name === 'openapi-fetch alone');
  if (!withoutZod || !baseline) throw new Error('a bundle is missing');
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  const checks: Check[] = [
    {
      name: 'client bundle without zod, min+gz, kB',
      value: withoutZod.gzippedBytes / 1024,
      limit: limitBytes / 1024,
      pass: withoutZod.gzippedBytes <= limitBytes,
    },
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
