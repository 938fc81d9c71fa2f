import { expect, it } from 'vitest';
import { measureEntry, sizeLimitBytes } from '../scripts/check-size.ts';

it('keeps the main entry, minified and gzipped without zod, within its limit (12 kB) and free of node: imports', async () => {
  const { gzipped } = await measureEntry();
  console.log(`@wan25/client main entry: ${(gzipped / 1024).toFixed(2)} kB minified + gzipped`);
  expect(gzipped).toBeLessThanOrEqual(sizeLimitBytes);
}, 30_000);
