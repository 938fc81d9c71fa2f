// Builds the API reference of the bundled spec (run `node scripts/bundle-spec.ts` first): one
// self-contained HTML page rendered by Redoc (@redocly/cli build-docs) at docs/dist/index.html.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bundledSpecJson, root } from './lib/workspace.ts';

const redocly = join(root, 'node_modules', '.bin', 'redocly');
execFileSync(
  redocly,
  [
    'build-docs',
    bundledSpecJson,
    '--title',
    'Wan 2.5 Video API reference',
    '--inlineBundle', // Redoc's scripts inside the page: it works offline, with no CDN
    '--openapi.disableTelemetry', // the page itself reports nothing to Redocly
    '--output',
    join(root, 'docs', 'dist', 'index.html'),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
);
