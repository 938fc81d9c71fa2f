import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { root } from '../../scripts/lib/workspace.ts';
import { runIn } from './run.ts';
import { npmrc, type Registry } from './verdaccio.ts';

/** Never copied: history, caches and the toolchain. node_modules is linked (see copyWorkspace). */
const notCopied = new Set(['.git', '.tools', '.turbo', '.release', 'node_modules']);

/**
 * The release flow of CONTRIBUTING.md on a copy of the workspace (built already): a changeset, then
 * `changeset version` and `changeset publish` to the registry. Returns the version it published.
 */
export async function releaseCopy(copy: string, registry: Registry): Promise<string> {
  copyWorkspace(copy);
  // One package is enough: the changeset config releases every @wan25/* package as one fixed group.
  writeFileSync(
    join(copy, '.changeset', 'registry-test-release.md'),
    "---\n'@wan25/client': patch\n---\n\nA release published by the registry test.\n",
  );
  writeFileSync(join(copy, '.npmrc'), npmrc(registry, true));
  const changeset = join(root, 'node_modules', '.bin', 'changeset');
  await runIn(copy, [changeset, 'version']);
  await runIn(copy, [changeset, 'publish', '--no-git-tag']);
  return JSON.parse(readFileSync(join(copy, 'packages', 'client', 'package.json'), 'utf8')).version;
}

/** Copies the workspace, built files included, linking node_modules (pnpm's links inside stay relative). */
function copyWorkspace(copy: string): void {
  cpSync(root, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => source === root || !notCopied.has(basename(source)) || !isTopLevel(source),
  });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
}

const isTopLevel = (source: string) => relative(root, source) === basename(source);
