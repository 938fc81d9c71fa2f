import { expect, it } from 'vitest';
import { measureEntry, sizeLimitBytes } from '../scripts/check-size.ts';

it('keeps a browser app using the client, minified and gzipped without zod, within 10 kB, and the main entry free of node: imports', async () => {
  const { app, wholeEntry } = await measureEntry();
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
  console.log(
    `browser app: ${kB(app.gzipped)}; whole main entry: ${kB(wholeEntry.gzipped)} (minified + gzipped)`,
  );
  expect(app.gzipped).toBeLessThanOrEqual(sizeLimitBytes);
}, 30_000);
