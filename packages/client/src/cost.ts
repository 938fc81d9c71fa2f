import type { Duration, Resolution } from '@wan25/types';
import { issue, WanValidationError } from './errors.ts';
import { priceUnitsPerSecondByResolution, priceUnitsPerUsd } from './generated/facts.gen.ts';

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
 * What a task costs by the billing table of the spec: seconds times the resolution's unit price. Accepts
 * a `GenerationInput` as it is. Exact: computed in whole ten-thousandths of a dollar, so never
 * `1.5000000000000002`.
 */
export function estimateCost({ resolution = '1080p', duration = 5 }: CostInput = {}): CostEstimate {
  const issues = [];
  if (!Object.hasOwn(priceUnitsPerSecondByResolution, resolution)) {
    const known = Object.keys(priceUnitsPerSecondByResolution).join(', ');
    issues.push(issue('resolution', `must be one of ${known}`, 'invalid_value'));
  }
  if (duration !== 5 && duration !== 10) issues.push(issue('duration', 'must be 5 or 10', 'invalid_value'));
  if (issues.length > 0) throw new WanValidationError('Cannot estimate the cost', issues);
  const units = priceUnitsPerSecondByResolution[resolution];
  return {
    usd: (units * duration) / priceUnitsPerUsd,
    seconds: duration,
    usdPerSecond: units / priceUnitsPerUsd,
  };
}
