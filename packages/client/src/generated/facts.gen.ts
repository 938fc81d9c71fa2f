// auto-generated from spec/openapi.yaml by scripts/generate-facts.ts; do not edit; run `pnpm generate`
import type { Resolution } from '@wan25/types';

/** Price of one generated second per resolution, in US dollars, for both modes (the spec's billing table). */
export const usdPerSecondByResolution: Readonly<Record<Resolution, number>> = {
  '480p': 0.05,
  '720p': 0.1,
  '1080p': 0.15,
};

/** The same prices in ten-thousandths of a dollar, for exact integer arithmetic. */
export const priceUnitsPerSecondByResolution: Readonly<Record<Resolution, number>> = {
  '480p': 500,
  '720p': 1000,
  '1080p': 1500,
};

/** Ten-thousandths of a dollar in one dollar. */
export const priceUnitsPerUsd = 10000;

/** Typical generation time per resolution, `[low, high]` seconds. */
export const typicalSecondsByResolution: Readonly<Record<Resolution, readonly [number, number]>> = {
  '480p': [40, 120],
  '720p': [60, 180],
  '1080p': [90, 250],
};

/** The recommended first poll per resolution, in milliseconds after the task's creation. */
export const firstPollDelayMsByResolution: Readonly<Record<Resolution, number>> = {
  '480p': 40000,
  '720p': 60000,
  '1080p': 90000,
};

/** The recommended delay between later polls, in milliseconds. */
export const pollIntervalMs = 10000;
