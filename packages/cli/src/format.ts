import { type CostEstimate, type Resolution, typicalSecondsByResolution } from '@wan25/client';

/** `m:ss`, e.g. `2:05`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatUsd(usd: number): string {
  return `${usd.toFixed(2)} USD`;
}

/** `0.75 USD (5 s of 1080p at 0.15 USD/s)`. */
export function describeCost(cost: CostEstimate, resolution: Resolution): string {
  return `${formatUsd(cost.usd)} (${cost.seconds} s of ${resolution} at ${cost.usdPerSecond.toFixed(2)} USD/s)`;
}

/** `typical 1:00–3:00 for 720p`. */
export function describeTypical(resolution: Resolution): string {
  const [low, high] = typicalSecondsByResolution[resolution];
  return `typical ${formatDuration(low * 1000)}–${formatDuration(high * 1000)} for ${resolution}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

const quotedMax = 40;

/** A value as JSON for an error message, shortened when long: `"a very long prompt th…" (1501 characters)`. */
export function quote(value: unknown): string {
  if (typeof value === 'string' && value.length > quotedMax) {
    return `${JSON.stringify(value.slice(0, quotedMax)).slice(0, -1)}…" (${value.length} characters)`;
  }
  return JSON.stringify(value) ?? String(value);
}
