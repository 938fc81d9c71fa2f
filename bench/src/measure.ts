import { Bench, type Fn } from 'tinybench';

export interface RoundsOptions {
  /** How many times every task runs, in turn. */
  rounds: number;
  /** Time budget of one task in one round, in milliseconds (after its warm-up). */
  timeMs: number;
}

/** Per task: its median latency in each round, in milliseconds. */
export type RoundMedians = Record<string, number[]>;

/**
 * Runs every task once per round, in turn, and keeps each task's median latency per round. Running
 * the tasks side by side in several short rounds, rather than each in one long block, spreads drift
 * (GC, CPU frequency, the other core's load) over all of them alike; ratios are then taken per round.
 */
export async function medianLatencies(
  tasks: Record<string, Fn>,
  options: RoundsOptions,
): Promise<RoundMedians> {
  const medians: RoundMedians = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.timeMs,
      iterations: 20,
      warmup: true,
      warmupTime: Math.min(200, options.timeMs),
    });
    for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
    await bench.run();
    for (const task of bench.tasks) {
      const { result } = task;
      if (result.state === 'errored')
        throw new Error(`bench task ${task.name} failed`, { cause: result.error });
      if (result.state !== 'completed') throw new Error(`bench task ${task.name} ended ${result.state}`);
      medians[task.name]?.push(result.latency.p50);
    }
  }
  return medians;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median over rounds of `a / b`, each round's pair measured side by side. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, round) => value / (b[round] as number)));
}

/** The spread of the per-round ratios, (max - min) / median, as a noise figure. */
export function ratioSpread(a: readonly number[], b: readonly number[]): number {
  const ratios = a.map((value, round) => value / (b[round] as number));
  return (Math.max(...ratios) - Math.min(...ratios)) / median(ratios);
}

export interface InterleavedOptions {
  /** Untimed calls of every task first (JIT, connection pool). */
  warmup: number;
  /** Timed calls of every task. */
  samples: number;
}

/**
 * Per task, the latency of each call in milliseconds. The tasks take turns call by call (the order
 * rotating each turn), so a burst of load from elsewhere on the machine hits all of them alike: what a
 * comparison of request latencies on a shared 2-core machine needs.
 */
export async function interleavedLatencies(
  tasks: Record<string, () => Promise<unknown>>,
  options: InterleavedOptions,
): Promise<Record<string, number[]>> {
  const entries = Object.entries(tasks);
  const latencies: Record<string, number[]> = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let turn = 0; turn < options.warmup + options.samples; turn++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, fn] = entries[(turn + i) % entries.length] as [string, () => Promise<unknown>];
      const startedAt = performance.now();
      await fn();
      if (turn >= options.warmup) latencies[name]?.push(performance.now() - startedAt);
    }
  }
  return latencies;
}

/** Splits samples taken in turn into `count` consecutive blocks: medians per block give a noise figure. */
export function blocks(samples: readonly number[], count: number): number[][] {
  const size = Math.ceil(samples.length / count);
  return Array.from({ length: count }, (_, index) => samples.slice(index * size, (index + 1) * size));
}
