import { describe, expect, it } from 'vitest';
import { estimateCost, type GenerationInput, WanValidationError } from '../src/index.ts';

describe('estimateCost', () => {
  it('uses the API defaults, 1080p for 5 s', () => {
    expect(estimateCost()).toEqual({ usd: 0.75, seconds: 5, usdPerSecond: 0.15 });
  });

  it.each([
    ['480p', 5, 0.25, 0.05],
    ['480p', 10, 0.5, 0.05],
    ['720p', 5, 0.5, 0.1],
    ['720p', 10, 1, 0.1],
    ['1080p', 5, 0.75, 0.15],
    ['1080p', 10, 1.5, 0.15],
  ] as const)('%s for %i s costs exactly $%d', (resolution, duration, usd, usdPerSecond) => {
    expect(estimateCost({ resolution, duration })).toEqual({ usd, seconds: duration, usdPerSecond });
  });

  it('accepts a generation input as it is', () => {
    const input: GenerationInput = {
      mode: 'image-to-video',
      image_urls: ['https://example.com/a.png'],
      duration: 10,
    };
    expect(estimateCost(input).usd).toBe(1.5);
  });

  it('names a bad field and its rule', () => {
    expect(() => estimateCost({ resolution: '4k' as never, duration: 7 as never })).toThrow(
      WanValidationError,
    );
    expect(() => estimateCost({ resolution: '4k' as never })).toThrow(
      /resolution: must be one of 480p, 720p, 1080p/,
    );
    expect(() => estimateCost({ duration: 7 as never })).toThrow(/duration: must be 5 or 10/);
  });
});
