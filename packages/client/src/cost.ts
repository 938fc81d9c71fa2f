import type { Duration, Resolution } from '@wan25/types';
import { WanValidationError } from './errors.ts';

// Whole cents, so that the products are exact (0.15 * 10 in floats is 1.5000000000000002).
const centsPerSecond: Record<Resolution, number> = { '480p': 5, '720p': 10, '1080p': 15 };

export interface CostInput {
  /** Defaults to `1080p`, as the API does. */
  resolution?: Resolution;
  /** Seconds; defaults to `5`, as the API does. */
  duration?: Duration;
}

export interface CostEstimate {
  usd: number;
  seconds: number;
  usdPerSecond: number;
}

/**
 * What a task costs by the billing table: seconds times the resolution's unit price. Accepts a
 * `GenerationInput` as it is.
 */
export function estimateCost({ resolution = '1080p', duration = 5 }: CostInput = {}): CostEstimate {
  const issues = [];
  if (!Object.hasOwn(centsPerSecond, resolution)) {
    issues.push({ path: 'resolution', code: 'invalid_value', message: 'must be one of 480p, 720p, 1080p' });
  }
  if (duration !== 5 && duration !== 10)
    issues.push({ path: 'duration', code: 'invalid_value', message: 'must be 5 or 10' });
  if (issues.length > 0) throw new WanValidationError('Cannot estimate the cost', issues);
  const cents = centsPerSecond[resolution];
  return { usd: (cents * duration) / 100, seconds: duration, usdPerSecond: cents / 100 };
}
