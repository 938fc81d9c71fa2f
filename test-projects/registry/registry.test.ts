import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages, workspacePackages } from '../../scripts/lib/packages.ts';
import { startInstalledMock } from '../installed-mock.ts';
import { packageManagers } from './package-managers.ts';
import { releaseCopy } from './release.ts';
import { runIn } from './run.ts';
import { type Registry, startRegistry } from './verdaccio.ts';

const names = publishedPackages().map((pkg) => pkg.manifest.name);
const privateNames = workspacePackages()
  .filter((pkg) => pkg.manifest.private === true)
  .map((pkg) => pkg.manifest.name);
const workDir = mkdtempSync(join(tmpdir(), 'wan25-registry-'));
let registry: Registry;
let version: string;

beforeAll(async () => {
  registry = await startRegistry(join(workDir, 'verdaccio'));
  version = await releaseCopy(join(workDir, 'workspace'), registry);
});
afterAll(async () => {
  await registry?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('changeset version and changeset publish, on a copy of the workspace, to a local Verdaccio', () => {
  it('published every package at the new version', async () => {
    expect(version).not.toBe(publishedPackages()[0]?.manifest.version);
    for (const name of names) {
      const response = await fetch(new URL(name.replace('/', '%2f'), registry.url));
      expect(response.status, name).toBe(200);
      const { 'dist-tags': tags } = (await response.json()) as { 'dist-tags': Record<string, string> };
      expect(tags.latest, name).toBe(version);
    }
  });

  it.each(names)('%s: the published manifest depends only on published packages', async (name) => {
    const response = await fetch(new URL(`${name.replace('/', '%2f')}/${version}`, registry.url));
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest.devDependencies).toBeUndefined();
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dependency, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>)) {
        expect(privateNames, `${field}.${dependency}`).not.toContain(dependency);
        expect(range, `${field}.${dependency}`).not.toContain(':'); // no workspace:, file:, link: ...
        if (dependency.startsWith('@wan25/')) expect(range).toBe(version);
      }
    }
  });
});

describe.concurrent.each(packageManagers)('$name installs the published packages by name', (manager) => {
  it('imports the client and the spec JSON, runs wan25 --help, and starts wan25-mock', async () => {
    const dir = join(workDir, manager.name);
    mkdirSync(dir);
    const project = { name: `registry-test-${manager.name}`, private: true, type: 'module' };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(project, null, 2)}\n`);
    cpSync(join(import.meta.dirname, 'consumer'), dir, { recursive: true });
    manager.configure(dir, registry, join(workDir, `${manager.name}-cache`));

    await runIn(
      dir,
      manager.add,
      names.map((name) => `${name}@${version}`),
    );
    for (const name of names) {
      const installed = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
      expect(installed.version, name).toBe(version);
    }

    const help = await runIn(dir, manager.exec, ['wan25', '--help']);
    for (const command of ['generate', 'status', 'wait', 'cost']) expect(help.stdout).toContain(command);

    const mock = await startInstalledMock(dir);
    try {
      const { stdout } = await runIn(dir, [process.execPath, 'consumer.mjs', mock.url]);
      const { taskId } = JSON.parse(stdout) as { taskId: string };
      // The mock serves each task's result itself.
      expect(JSON.parse(stdout)).toEqual({
        openapi: '3.1.0',
        taskId: expect.stringMatching(/^task_[0-9a-f]+$/),
        state: 'success',
        resultUrls: [`${mock.url}/files/${taskId}/video.mp4`],
      });
    } finally {
      await mock.stop();
    }
  });
});
