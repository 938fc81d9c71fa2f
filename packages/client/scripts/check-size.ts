import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The limit for the main entry, minified and gzipped, with its dependencies except zod: 12 kB since the
 * webhook handler's confirmation and the transport's body limit, key masking and rate-limit gate.
 */
export const sizeLimitBytes = 12 * 1024;

/**
 * Bundles the main entry the way an app's bundler would (ESM, minified, every dependency inlined but
 * zod, which apps share) and returns its gzipped size. `platform: 'neutral'` also fails the build on any
 * `node:` import, which the main entry must not have.
 */
export async function measureEntry(): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['zod', 'zod/*'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

if (import.meta.main) {
  const { minified, gzipped } = await measureEntry();
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(
    `@wan25/client main entry: ${kB(gzipped)} minified + gzipped (${kB(minified)} minified), limit ${kB(sizeLimitBytes)}`,
  );
  if (gzipped > sizeLimitBytes) {
    console.error('@wan25/client is over its size limit');
    process.exitCode = 1;
  }
}
