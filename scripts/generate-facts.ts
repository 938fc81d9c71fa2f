// Generates packages/client/src/generated/facts.gen.ts from the `x-wan25-facts` block of the spec (prices,
// typical generation times, the polling schedule), and rewrites the prose of the spec and of the client's
// README that repeats those facts, so that changing a fact is a one-line spec edit and `pnpm generate`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { generatedHeader, root, specSource, writeGeneratedTs } from './lib/workspace.ts';

export interface ResolutionFacts {
  usdPerSecond: number;
  typicalSeconds: [number, number];
  firstPollSeconds: number;
}

export interface Facts {
  pollIntervalSeconds: number;
  resolutions: Record<string, ResolutionFacts>;
}

/** Prices are kept in ten-thousandths of a dollar, so that cost arithmetic is exact integer arithmetic. */
export const priceUnitsPerUsd = 10_000;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The facts block of a spec document, checked: every resolution of the `Resolution` enum, sane numbers. */
export function readFacts(spec: { info?: Record<string, unknown>; components?: unknown }): Facts {
  const facts = spec.info?.['x-wan25-facts'] as Facts | undefined;
  const problems: string[] = [];
  if (!facts || typeof facts !== 'object') throw new Error('spec: info.x-wan25-facts is missing');
  if (!isNumber(facts.pollIntervalSeconds) || facts.pollIntervalSeconds <= 0) {
    problems.push('pollIntervalSeconds must be a positive number');
  }
  const enumValues = (spec.components as { schemas?: { Resolution?: { enum?: string[] } } })?.schemas
    ?.Resolution?.enum;
  const listed = Object.keys(facts.resolutions ?? {});
  if (JSON.stringify(listed) !== JSON.stringify(enumValues)) {
    problems.push(
      `resolutions must be exactly the Resolution enum (${enumValues?.join(', ')}), in its order`,
    );
  }
  for (const [resolution, item] of Object.entries(facts.resolutions ?? {})) {
    const units = item.usdPerSecond * priceUnitsPerUsd;
    if (
      !isNumber(item.usdPerSecond) ||
      item.usdPerSecond <= 0 ||
      Math.abs(units - Math.round(units)) > 1e-6
    ) {
      problems.push(`${resolution}.usdPerSecond must be a positive price in steps of $0.0001`);
    }
    const [low, high] = item.typicalSeconds ?? [];
    if (!isNumber(low) || !isNumber(high) || low <= 0 || high < low) {
      problems.push(`${resolution}.typicalSeconds must be [low, high] seconds`);
    }
    if (!isNumber(item.firstPollSeconds) || item.firstPollSeconds < 0) {
      problems.push(`${resolution}.firstPollSeconds must be a non-negative number`);
    }
  }
  if (problems.length > 0) throw new Error(`spec: info.x-wan25-facts: ${problems.join('; ')}`);
  return facts;
}

/** `$0.05`: at least two decimals, more only when the price has them. */
export const formatUsd = (usd: number) =>
  `$${usd.toFixed(Math.max(2, (String(usd).split('.')[1] ?? '').length))}`;

/** The TypeScript module of the facts. */
export function renderFactsModule(facts: Facts): string {
  const entries = Object.entries(facts.resolutions);
  const record = (value: (item: ResolutionFacts) => string) =>
    `{ ${entries.map(([resolution, item]) => `'${resolution}': ${value(item)}`).join(', ')} }`;
  return `${generatedHeader('generate-facts.ts')}import type { Resolution } from '@wan25/types';

/** Price of one generated second per resolution, in US dollars, for both modes (the spec's billing table). */
export const usdPerSecondByResolution: Readonly<Record<Resolution, number>> = ${record((item) => String(item.usdPerSecond))};

/** The same prices in ten-thousandths of a dollar, for exact integer arithmetic. */
export const priceUnitsPerSecondByResolution: Readonly<Record<Resolution, number>> = ${record((item) => String(Math.round(item.usdPerSecond * priceUnitsPerUsd)))};

/** Ten-thousandths of a dollar in one dollar. */
export const priceUnitsPerUsd = ${priceUnitsPerUsd};

/** Typical generation time per resolution, \`[low, high]\` seconds. */
export const typicalSecondsByResolution: Readonly<Record<Resolution, readonly [number, number]>> = ${record((item) => `[${item.typicalSeconds.join(', ')}]`)};

/** The recommended first poll per resolution, in milliseconds after the task's creation. */
export const firstPollDelayMsByResolution: Readonly<Record<Resolution, number>> = ${record((item) => String(item.firstPollSeconds * 1000))};

/** The recommended delay between later polls, in milliseconds. */
export const pollIntervalMs = ${facts.pollIntervalSeconds * 1000};
`;
}

const resolutionPattern = '(\\d+p)';

/** `m:ss`, as the CLI prints durations. */
const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Rewrites the prose forms of the facts in a document: `$0.05/s at 480p` and `$0.05 at 480p` (prices),
 * `40 s at 480p` / `40 s for 480p` (first polls), `then every 10 s` / `then one every 10 s` (interval) and
 * the rows of a `| 480p | 40-120 s | 40 s | 10 s |` table, and the CLI's output as quoted
 * (`estimated cost 0.50 USD (5 s of 720p at 0.10 USD/s)`, `typical 1:00–3:00 for 720p`). Returns the
 * text and how many facts it found.
 */
export function rewriteProse(text: string, facts: Facts): { text: string; found: number } {
  let found = 0;
  const of = (resolution: string) => {
    const item = facts.resolutions[resolution];
    if (item) found++;
    return item;
  };
  const interval = `${facts.pollIntervalSeconds} s`;
  const rewritten = text
    .replace(
      new RegExp(`\\$\\d+(?:\\.\\d+)?(/s)?(\\s+at\\s+)${resolutionPattern}`, 'g'),
      (match, perSecond, at, resolution) => {
        const item = of(resolution);
        return item ? `${formatUsd(item.usdPerSecond)}${perSecond ?? ''}${at}${resolution}` : match;
      },
    )
    // Typical ranges, `40–120 s at 480p`, before first polls, whose form ends theirs.
    .replace(
      new RegExp(`\\b\\d+–\\d+ s(\\s+at\\s+)${resolutionPattern}\\b`, 'g'),
      (match, at, resolution) => {
        const item = of(resolution);
        if (!item) return match;
        const [low, high] = item.typicalSeconds;
        return `${low}–${high} s${at}${resolution}`;
      },
    )
    .replace(
      new RegExp(`(?<![–\\d])\\b\\d+ s(\\s+(?:at|for)\\s+)${resolutionPattern}\\b`, 'g'),
      (match, at, resolution) => {
        const item = of(resolution);
        return item ? `${item.firstPollSeconds} s${at}${resolution}` : match;
      },
    )
    // The CLI's output as the READMEs quote it: `estimated cost 0.50 USD (5 s of 720p at 0.10 USD/s)`.
    .replace(
      new RegExp(
        `estimated cost \\d+\\.\\d+ USD \\((\\d+) s of ${resolutionPattern} at \\d+\\.\\d+ USD/s\\)`,
        'g',
      ),
      (match, seconds, resolution) => {
        const item = of(resolution);
        if (!item) return match;
        const usd = (Number(seconds) * item.usdPerSecond).toFixed(2);
        return `estimated cost ${usd} USD (${seconds} s of ${resolution} at ${item.usdPerSecond.toFixed(2)} USD/s)`;
      },
    )
    // ... and `typical 1:00–3:00 for 720p`.
    .replace(
      new RegExp(`typical \\d+:\\d\\d–\\d+:\\d\\d for ${resolutionPattern}`, 'g'),
      (match, resolution) => {
        const item = of(resolution);
        if (!item) return match;
        const [low, high] = item.typicalSeconds;
        return `typical ${minutes(low)}–${minutes(high)} for ${resolution}`;
      },
    )
    .replace(/\bthen (one )?every \d+ s\b/g, (_, one) => {
      found++;
      return `then ${one ?? ''}every ${interval}`;
    })
    .replace(
      new RegExp(`^(\\s*\\| ${resolutionPattern}\\s*\\|)([^|\\n]*)\\|([^|\\n]*)\\|([^|\\n]*)\\|$`, 'gm'),
      (match, lead, resolution, typical, first, every) => {
        const item = of(resolution);
        if (!item) return match;
        const cell = (old: string, value: string) => ` ${value}`.padEnd(old.length);
        const [low, high] = item.typicalSeconds;
        return `${lead}${cell(typical, `${low}-${high} s`)}|${cell(first, `${item.firstPollSeconds} s`)}|${cell(every, interval)}|`;
      },
    );
  return { text: rewritten, found };
}

/** Documents whose prose repeats the facts, each with the least number of facts it must be found to state. */
export const proseFiles: readonly [path: string, minimumFacts: number][] = [
  ['spec/openapi.yaml', 15],
  ['packages/client/README.md', 6],
  ['packages/cli/README.md', 4],
  ['README.md', 4],
];

if (import.meta.main) {
  const facts = readFacts(parse(readFileSync(specSource, 'utf8')));
  writeGeneratedTs(
    join(root, 'packages', 'client', 'src', 'generated', 'facts.gen.ts'),
    renderFactsModule(facts),
  );
  for (const [path, minimumFacts] of proseFiles) {
    const file = join(root, path);
    const before = readFileSync(file, 'utf8');
    const { text, found } = rewriteProse(before, facts);
    if (found < minimumFacts) {
      throw new Error(
        `${path}: found ${found} stated facts, expected at least ${minimumFacts}: was the prose reworded?`,
      );
    }
    if (text !== before) {
      writeFileSync(file, text);
      console.log(`rewrote the facts in ${relative(root, file)}`);
    }
  }
}
