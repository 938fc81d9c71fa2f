// pnpm bench: every figure of the benchmark side by side in one run, printed as Markdown tables, written to
// bench/results.json and into BENCHMARKS.md. `pnpm bench overhead validation` runs only the sections named
// (against the packages' current dist) and writes nothing.
import { measureBuild } from './build.ts';
import {
  describeMachine,
  formatWithBiome,
  renderMarkdown,
  type Section,
  updateBenchmarksDoc,
  writeResults,
} from './report.ts';

// In the order the tables are numbered. The others import the packages' dist, so they load only once
// build (which runs first) has made it.
const sections: Record<string, () => Promise<Section>> = {
  overhead: async () => (await import('./overhead.ts')).measureOverhead(),
  validation: async () => (await import('./validation.ts')).measureValidation(),
  polling: async () => (await import('./polling.ts')).measurePolling(),
  bundle: async () => (await import('./bundle.ts')).measureBundles(),
  build: async () => measureBuild(),
  mock: async () => (await import('./mock.ts')).measureMock(),
  'wait-memory': async () => (await import('./wait-memory.ts')).measureWaitMemory(),
};
const tableOrder = Object.keys(sections);

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
const names = (requested.length > 0 ? requested : tableOrder).toSorted((a, b) =>
  a === 'build' ? -1 : b === 'build' ? 1 : 0,
);

const startedAt = performance.now();
const results: Section[] = [];
for (const name of names) {
  const sectionStartedAt = performance.now();
  process.stderr.write(`bench: ${name}...`);
  results.push(await (sections[name] as () => Promise<Section>)());
  process.stderr.write(` ${((performance.now() - sectionStartedAt) / 1000).toFixed(1)} s\n`);
}
const totalSeconds = (performance.now() - startedAt) / 1000;
results.sort((a, b) => tableOrder.indexOf(a.key) - tableOrder.indexOf(b.key));

const maxTotalSeconds = 300;
if (requested.length === 0) {
  results.push({
    key: 'run',
    title: 'Whole run',
    head: ['figure', 'value'],
    rows: [['`pnpm bench` wall clock, all sections', `${totalSeconds.toFixed(0)} s`]],
    data: { totalSeconds },
    checks: [
      {
        name: 'whole pnpm bench run, s',
        value: Math.round(totalSeconds),
        limit: maxTotalSeconds,
        pass: totalSeconds < maxTotalSeconds,
      },
    ],
  });
}

const machine = describeMachine();
const markdown = renderMarkdown(results, machine);
console.log(markdown);
if (requested.length === 0) {
  const resultsFile = new URL('../results.json', import.meta.url);
  const benchmarksDoc = new URL('../../BENCHMARKS.md', import.meta.url);
  writeResults(resultsFile, results, machine, totalSeconds);
  updateBenchmarksDoc(benchmarksDoc, markdown);
  formatWithBiome([resultsFile, benchmarksDoc]);
  console.log('\nwrote bench/results.json and the table in BENCHMARKS.md');
}
const failed = results.flatMap((section) => section.checks).filter((check) => !check.pass);
if (failed.length > 0) {
  console.error(`\n${failed.length} check(s) failed: ${failed.map((check) => check.name).join('; ')}`);
  process.exitCode = 1;
}
