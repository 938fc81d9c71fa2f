import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

/** A "Must show" figure of the issue: `value` against `limit`. */
export interface Check {
  name: string;
  value: number;
  limit: number;
  pass: boolean;
}

/** One numbered part of the run: a printed table plus the raw figures for results.json. */
export interface Section {
  key: string;
  title: string;
  head: string[];
  rows: string[][];
  notes?: string[];
  data: unknown;
  checks: Check[];
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A Markdown table with its columns aligned, readable in a terminal as it is. */
function markdownTable(head: readonly string[], rows: readonly string[][]): string {
  const widths = head.map((cell, column) =>
    Math.max(3, cell.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** All sections and the checks as Markdown: what `pnpm bench` prints and BENCHMARKS.md shows. */
export function renderMarkdown(sections: readonly Section[], machine: Machine): string {
  const parts = sections.map((section) =>
    [
      `### ${section.title}`,
      '',
      markdownTable(section.head, section.rows),
      ...(section.notes ?? []).map((note) => `\n${note}`),
    ].join('\n'),
  );
  const checks = sections.flatMap((section) => section.checks);
  const checkRows = checks.map((check) => [
    check.pass ? 'pass' : 'FAIL',
    check.name,
    Number.isInteger(check.value) ? String(check.value) : check.value.toFixed(3),
    String(check.limit),
  ]);
  return [
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node} (${machine.platform}).`,
    ...parts,
    ['### Must show', '', markdownTable(['', 'check', 'measured', 'limit'], checkRows)].join('\n'),
  ].join('\n\n');
}

export function writeResults(
  file: URL,
  sections: readonly Section[],
  machine: Machine,
  totalSeconds: number,
): void {
  const results = {
    date: new Date().toISOString(),
    machine,
    totalSeconds,
    sections: Object.fromEntries(sections.map((section) => [section.key, section.data])),
    checks: sections.flatMap((section) => section.checks),
  };
  // Four significant digits: the rest is noise, and it keeps the file readable.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(4)) : value;
  writeFileSync(file, `${JSON.stringify(results, rounded, 2)}\n`);
}

const startMarker = '<!-- bench:start (written by pnpm bench) -->';
const endMarker = '<!-- bench:end -->';

/** Replaces the table between the markers in BENCHMARKS.md with this run's. */
export function updateBenchmarksDoc(file: URL, markdown: string): void {
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(startMarker);
  const end = doc.indexOf(endMarker);
  if (start === -1 || end < start)
    throw new Error(`${file.pathname} lacks the ${startMarker} ... ${endMarker} block`);
  writeFileSync(file, `${doc.slice(0, start + startMarker.length)}\n${markdown}\n${doc.slice(end)}`);
}

/** Formats the written files with the repository's Biome, so that `pnpm lint` accepts them as they are. */
export function formatWithBiome(files: readonly URL[]): void {
  const root = new URL('../../', import.meta.url);
  execFileSync(
    fileURLToPath(new URL('node_modules/.bin/biome', root)),
    ['format', '--write', ...files.map((file) => fileURLToPath(file))],
    {
      cwd: fileURLToPath(root),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
