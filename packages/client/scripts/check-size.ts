import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** #16's limit for a browser app using the client, minified and gzipped, zod left to the app. */
export const sizeLimitBytes = 10 * 1024;

/**
 * A browser or edge app as its bundler sees it: it imports what it uses from the main entry and calls
 * the client (submit, wait, generate, and the validation error it shows). The bundler keeps only what
 * this reaches (the package has `sideEffects: false`), so the webhook handler, which only servers use,
 * costs such an app nothing.
 */
export const browserAppSource = `
import { createWanClient, WanValidationError } from '@wan25/client';
const wan = createWanClient({ apiKey: 'key' });
export const submit = (input) => wan.submit(input);
export const waitForTask = (taskId) => wan.waitForTask(taskId);
export const generate = (input) => wan.generate(input);
export const issuesOf = (error) => (error instanceof WanValidationError ? error.issues : []);
`;

const mainEntry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/**
 * Bundles `source` the way an app's bundler would (ESM, minified, tree-shaken, every dependency inlined
 * but zod, which apps share), with `@wan25/client` read from its source, and returns its sizes.
 * `platform: 'neutral'` also fails the build on any `node:` import.
 */
async function measure(source: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'js' },
    alias: { '@wan25/client': mainEntry },
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

/** The browser app's size, and the whole main entry's (every export kept), which must not import `node:`. */
export async function measureEntry(): Promise<{
  app: { minified: number; gzipped: number };
  wholeEntry: { minified: number; gzipped: number };
}> {
  return {
    app: await measure(browserAppSource),
    wholeEntry: await measure("export * from '@wan25/client';"),
  };
}

if (import.meta.main) {
  const { app, wholeEntry } = await measureEntry();
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(
    `a browser app using @wan25/client: ${kB(app.gzipped)} minified + gzipped (${kB(app.minified)} minified), limit ${kB(sizeLimitBytes)}`,
  );
  console.log(`the whole main entry, every export kept: ${kB(wholeEntry.gzipped)} minified + gzipped`);
  if (app.gzipped > sizeLimitBytes) {
    console.error('@wan25/client is over its size limit');
    process.exitCode = 1;
  }
}
