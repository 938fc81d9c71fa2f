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
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minifiedBytes: code.byteLength, gzippedBytes: gzipSync(code, { level: 9 }).byteLength };
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
    head: ['bundle', 'minified', 'min + gzip', 'gzip / openapi-fetch'],
    rows: rows.map((row) => [
      row.name,
      kB(row.minifiedBytes),
      kB(row.gzippedBytes),
      `${(row.gzippedBytes / baseline.gzippedBytes).toFixed(2)}x`,
    ]),
    data: rows,
    checks,
  };
}
