import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runServer } from 'verdaccio';
import { withoutNpmConfig } from './run.ts';

export interface Registry {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  /** A publish token of the registry's one user, for a temporary .npmrc. */
  token: string;
  close(): Promise<void>;
}

/**
 * Starts Verdaccio on a free loopback port with its storage and users in `dir`. @wan25/* packages live only
 * here (published by the one user, never looked up upstream); every other package is proxied from the
 * registry npm is set up to use on this machine, and cached in `dir`.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  const upstream = execFileSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
    env: withoutNpmConfig,
  }).trim();
  const app: Server = await runServer({
    self_path: dir,
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
    uplinks: { upstream: { url: upstream, timeout: '120s' } },
    packages: {
      '@wan25/*': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated', proxy: 'upstream' },
    },
    // JWT tokens: a legacy token makes Verdaccio check the password (bcrypt, seconds) on every request.
    security: { api: { jwt: { sign: { expiresIn: '1h' } } } },
    web: { enable: false },
    // At warn, two managers fetching one tarball at once make Verdaccio log "error saving file ... this
    // package is already present" (verdaccio/verdaccio#1229): the second copy is not cached, both are served.
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  } as Parameters<typeof runServer>[0]);
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  const close = () => new Promise<void>((resolve) => app.close(() => resolve()));
  try {
    return { url, token: await addUser(url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Creates the registry's publisher the way `npm adduser` does, and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'wan25-release';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: randomBytes(16).toString('hex') }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || body.token === undefined)
    throw new Error(`Verdaccio refused the user (${response.status}): ${JSON.stringify(body)}`);
  return body.token;
}

/** An .npmrc that points a package manager at the registry, with the publisher's token. */
export function npmrc(registry: Registry, withToken: boolean): string {
  const auth = withToken ? `//${new URL(registry.url).host}/:_authToken=${registry.token}\n` : '';
  return `registry=${registry.url}\n${auth}`;
}
