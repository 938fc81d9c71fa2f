import { createWanClient } from '@wan25/client';
import { statusVectors } from '@wan25/test-utils';
import { startLoopbackServer } from './loopback-server.ts';
import { blocks, interleavedLatencies, median, medianRatio, ratioSpread } from './measure.ts';
import type { Check, Section } from './report.ts';

const apiKey = 'bench-key';
const taskId = 'task_12345678';
const statusPath = `/statusTask/wan-2-5-video?taskId=${taskId}`;

function statusBody(id: string): string {
  const vector = statusVectors.find((candidate) => candidate.id === id);
  if (!vector) throw new Error(`no status vector ${id}`);
  return JSON.stringify(vector.body);
}

/** What a caller would write without the SDK: one `fetch` and a `JSON.parse` of the same URL. */
async function rawGet(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${apiKey}` } });
  return JSON.parse(await response.text());
}

/**
 * The same with a per-request deadline, which any client that cannot hang needs: an AbortSignal passed to
 * `fetch` and a timer. The floor a client with deadlines can reach.
 */
async function rawGetWithDeadline(url: string): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${apiKey}` },
      signal: controller.signal,
    });
    return JSON.parse(await response.text());
  } finally {
    clearTimeout(timer);
  }
}

interface OverheadRow {
  body: string;
  rawUs: number;
  rawWithDeadlineUs: number;
  validationOffUs: number;
  validationOnUs: number;
  validationOffRatio: number;
  validationOnRatio: number;
  ratioSpread: number;
}

/** `wan.getTask()` with validation on and off against raw fetch + JSON.parse, one loopback server per body. */
export async function measureOverhead(): Promise<Section> {
  const rows: OverheadRow[] = [];
  for (const body of ['processing-doc', 'success-doc']) {
    const server = await startLoopbackServer(statusBody(body));
    try {
      const clientOptions = { apiKey, baseUrl: server.url };
      const validating = createWanClient({ ...clientOptions, validate: true });
      const trusting = createWanClient({ ...clientOptions, validate: false });
      const latencies = await interleavedLatencies(
        {
          raw: () => rawGet(`${server.url}${statusPath}`),
          deadline: () => rawGetWithDeadline(`${server.url}${statusPath}`),
          off: () => trusting.getTask(taskId),
          on: () => validating.getTask(taskId),
        },
        { warmup: 500, samples: 4000 },
      );
      // Medians of 8 consecutive blocks: the ratios per block show how much the load around moved them.
      const blockMedians = (samples: number[] = []) => blocks(samples, 8).map(median);
      const raw = blockMedians(latencies.raw);
      const off = blockMedians(latencies.off);
      const on = blockMedians(latencies.on);
      rows.push({
        body,
        rawUs: median(latencies.raw ?? []) * 1000,
        rawWithDeadlineUs: median(latencies.deadline ?? []) * 1000,
        validationOffUs: median(latencies.off ?? []) * 1000,
        validationOnUs: median(latencies.on ?? []) * 1000,
        validationOffRatio: medianRatio(off, raw),
        validationOnRatio: medianRatio(on, raw),
        ratioSpread: Math.max(ratioSpread(off, raw), ratioSpread(on, raw)),
      });
    } finally {
      await server.close();
    }
  }

  const checks: Check[] = rows.flatMap((row) => [
    {
      name: `getTask (${row.body}), validation off, within 10% of raw fetch`,
      value: row.validationOffRatio,
      limit: 1.1,
      pass: row.validationOffRatio <= 1.1,
    },
    {
      name: `getTask (${row.body}), validation on, within 25% of raw fetch`,
      value: row.validationOnRatio,
      limit: 1.25,
      pass: row.validationOnRatio <= 1.25,
    },
  ]);
  const us = (value: number) => `${value.toFixed(1)} µs`;
  const ratio = (value: number) => `${value.toFixed(3)}x`;
  return {
    key: 'overhead',
    title: '1. Client overhead: wan.getTask() vs raw fetch + JSON.parse (loopback server, median per call)',
    head: [
      'status body',
      'raw fetch',
      'raw fetch + deadline',
      'validate: false',
      'validate: true',
      'off / raw',
      'on / raw',
      'noise',
    ],
    rows: rows.map((row) => [
      row.body,
      us(row.rawUs),
      us(row.rawWithDeadlineUs),
      us(row.validationOffUs),
      us(row.validationOnUs),
      ratio(row.validationOffRatio),
      ratio(row.validationOnRatio),
      `±${((row.ratioSpread / 2) * 100).toFixed(1)}%`,
    ]),
    notes: [
      "4,000 calls of each, taking turns call by call after 500 warm-up calls; times are medians per call, ratios the median of 8 blocks' ratios, noise half their spread.",
      '"raw fetch + deadline" adds what a client that cannot hang needs (an AbortSignal on `fetch` and a timer): the floor for the client, which has a per-request deadline.',
    ],
    data: rows,
    checks,
  };
}
