import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure.ts';
import type { Section } from './report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Timed {
  seconds: number;
  output: string;
}

/** Runs `pnpm <script>` in the repository root and times it; a failure stops the bench. */
function timePnpm(script: string): Timed {
  const startedAt = performance.now();
  const run = spawnSync('pnpm', [script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0)
    throw new Error(`pnpm ${script} failed (${run.status ?? run.signal}):\n${output.slice(-2000)}`);
  return { seconds, output };
}

function timeRepeated(script: string, times: number, check?: (output: string) => void): number[] {
  return Array.from({ length: times }, () => {
    const { seconds, output } = timePnpm(script);
    check?.(output);
    return seconds;
  });
}

interface BuildFigures {
  generateSeconds: number[];
  firstBuildSeconds: number;
  firstBuildCached: string;
  noChangeBuildSeconds: number[];
}

/**
 * `pnpm generate` (bundle the spec, generate types and zod), then `pnpm build` once so that every package
 * is built (this run measures the built `dist` of each package afterwards), then a no-change `pnpm build`,
 * which must be a full turbo cache hit.
 */
export function measureBuild(): Section {
  const generateSeconds = timeRepeated('generate', 3);
  const first = timePnpm('build');
  const firstBuildCached = /Cached:\s+(\d+ cached, \d+ total)/.exec(first.output)?.[1] ?? 'unknown';
  const noChangeBuildSeconds = timeRepeated('build', 5, (output) => {
    if (!output.includes('FULL TURBO'))
      throw new Error(`a no-change pnpm build missed the turbo cache:\n${output}`);
  });
  const figures: BuildFigures = {
    generateSeconds,
    firstBuildSeconds: first.seconds,
    firstBuildCached,
    noChangeBuildSeconds,
  };
  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  return {
    key: 'build',
    title: '5. Build (wall clock, including pnpm start-up)',
    head: ['step', 'median', 'runs'],
    rows: [
      ['`pnpm generate`', s(median(generateSeconds)), generateSeconds.map(s).join(', ')],
      [`\`pnpm build\` before the no-change runs (${firstBuildCached})`, s(first.seconds), '1'],
      [
        '`pnpm build`, no change (FULL TURBO)',
        s(median(noChangeBuildSeconds)),
        noChangeBuildSeconds.map(s).join(', '),
      ],
    ],
    data: figures,
    checks: [],
  };
}
