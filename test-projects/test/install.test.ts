import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const consumerDir = inject('consumerDir');
const workspaceRoot = join(import.meta.dirname, '..', '..');

describe('the consumer project installs every package from its tarball', () => {
  it.each(inject('packageNames'))('%s is a real copy in node_modules, not a link', (name) => {
    const installed = join(consumerDir, 'node_modules', name);
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(lstatSync(installed).isDirectory()).toBe(true);
    expect(realpathSync(installed).startsWith(workspaceRoot)).toBe(false);
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).name).toBe(name);
  });

  it('has no other @wan25 package and no nested copy', () => {
    const scope = join(consumerDir, 'node_modules', '@wan25');
    const installed = readdirSync(scope).map((folder) => `@wan25/${folder}`);
    expect(installed.sort()).toEqual([...inject('packageNames')].sort());
    for (const folder of readdirSync(scope)) {
      const nested = join(scope, folder, 'node_modules', '@wan25');
      expect(() => lstatSync(nested), `${nested} exists`).toThrow();
    }
  });
});
