import { describe, expect, it } from 'vitest';
import { quote } from '../src/messages.ts';
import { flavours, type Parser } from './flavours.ts';

const textToVideo = { mode: 'text-to-video', prompt: 'clouds over a lake' };
const imageToVideo = { mode: 'image-to-video', image_urls: ['https://example.com/a.png'] };
const input = (fields: Record<string, unknown>) => ({ request_type: 'async', input: fields });

describe.each(flavours)('toValidationIssues with the %s schemas', (_, schemas) => {
  const issuesOf = (schema: Parser, value: unknown) => {
    const result = schema.safeParse(value);
    if (!result.error) throw new Error(`expected ${JSON.stringify(value)} to be invalid`);
    return schemas.toValidationIssues(result.error);
  };
  /** A request body's issues as `path: message` lines. */
  const issues = (body: unknown) =>
    issuesOf(schemas.GenerateTaskRequestSchema, body).map(({ path, message }) => `${path}: ${message}`);

  it('names the resolution in the rule on aspect ratios', () => {
    expect(issues(input({ ...textToVideo, resolution: '480p', aspect_ratio: '4:3' }))).toEqual([
      'input.aspect_ratio: must be one of 16:9, 9:16, 1:1 for 480p, not "4:3"',
    ]);
    expect(issues(input({ ...textToVideo, resolution: '720p', aspect_ratio: '21:9' }))).toEqual([
      'input.aspect_ratio: must be one of 16:9, 9:16, 1:1, 4:3, 3:4 for 720p or 1080p, not "21:9"',
    ]);
    expect(issues(input({ ...textToVideo, aspect_ratio: '21:9' }))).toEqual([
      'input.aspect_ratio: must be one of 16:9, 9:16, 1:1, 4:3, 3:4 for 720p or 1080p, not "21:9"',
    ]);
  });

  it('reports a missing field as required', () => {
    expect(issues(input({ mode: 'image-to-video', prompt: 'zoom in' }))).toEqual([
      'input.image_urls: is required',
    ]);
    expect(issues(input({ mode: 'text-to-video', resolution: '480p' }))).toEqual([
      'input.prompt: is required',
    ]);
    expect(issues({ request_type: 'callback', input: textToVideo })).toEqual(['callback_url: is required']);
  });

  it('rejects an optional key set to undefined, which JSON cannot carry', () => {
    expect(issuesOf(schemas.GenerateTaskRequestSchema, input({ ...textToVideo, seed: undefined }))).toEqual([
      { path: 'input.seed', code: 'invalid_type', message: 'is required' },
    ]);
  });

  it('reports each key that does not belong to the chosen variant', () => {
    expect(issues(input({ ...imageToVideo, aspect_ratio: '16:9', fps: 30 }))).toEqual([
      'input.aspect_ratio: is not allowed',
      'input.fps: is not allowed',
    ]);
    expect(issues({ request_type: 'async', input: textToVideo, callbackUrl: 'https://example.com' })).toEqual(
      ['callbackUrl: is not allowed'],
    );
  });

  it('lists the allowed values when the body matches no variant', () => {
    expect(issues({ request_type: 'webhook', input: textToVideo })).toEqual([
      'request_type: must be one of async, callback, not "webhook"',
    ]);
    expect(issues(input({ mode: 'video-to-video', prompt: 'x' }))).toEqual([
      'input.mode: must be one of text-to-video, image-to-video, not "video-to-video"',
    ]);
    expect(issues(input({ prompt: 'x' }))).toEqual([
      'input.mode: is required and must be one of text-to-video, image-to-video',
    ]);
    expect(issues(input({ ...textToVideo, resolution: '4k' }))).toEqual([
      'input.resolution: must be one of 480p, 720p, 1080p, not "4k"',
    ]);
    expect(issues(input({ ...imageToVideo, resolution: '4k', duration: 7 }))).toEqual([
      'input.resolution: must be one of 480p, 720p, 1080p, not "4k"',
      'input.duration: must be one of 5, 10, not 7',
    ]);
  });

  it('names limits in characters, items and numbers', () => {
    expect(issues(input({ ...textToVideo, prompt: '😀'.repeat(1501), negative_prompt: '' }))).toEqual([
      `input.prompt: must be at most 1500 characters, not "${'😀'.repeat(37)}…"`,
    ]);
    expect(issues(input({ ...textToVideo, prompt: '' }))).toEqual(['input.prompt: must not be empty']);
    expect(issues(input({ ...imageToVideo, image_urls: [] }))).toEqual([
      'input.image_urls: must have exactly 1 item',
    ]);
    expect(
      issues(input({ ...textToVideo, audio_urls: ['https://a.example/1.mp3', 'https://a.example/2.mp3'] })),
    ).toEqual(['input.audio_urls: must have exactly 1 item']);
    expect(issues(input({ ...textToVideo, seed: -1 }))).toEqual(['input.seed: must be at least 0, not -1']);
    expect(issues(input({ ...textToVideo, seed: 2 ** 31 }))).toEqual([
      'input.seed: must be at most 2147483647, not 2147483648',
    ]);
    expect(issues(input({ ...textToVideo, seed: 1.5, watermark: 'no' }))).toEqual([
      'input.watermark: must be a boolean, not "no"',
      'input.seed: must be an integer, not 1.5',
    ]);
  });

  it('reports a string given for an array once, not also as too long', () => {
    expect(issues(input({ ...imageToVideo, image_urls: 'https://example.com/a.png' }))).toEqual([
      'input.image_urls: must be an array, not "https://example.com/a.png"',
    ]);
  });

  it('says what a URL must be in words, one issue per broken URL, with array indexes in the path', () => {
    expect(issues(input({ ...imageToVideo, image_urls: ['example.com/a.png'] }))).toEqual([
      'input.image_urls[0]: must be an http or https URL, not "example.com/a.png"',
    ]);
    expect(issues(input({ ...imageToVideo, image_urls: ['https://example.com/é.png'] }))).toEqual([
      'input.image_urls[0]: must be a valid URL (RFC 3986), not "https://example.com/é.png"',
    ]);
    expect(
      issues({ request_type: 'callback', callback_url: 'http://example.com/hook', input: textToVideo }),
    ).toEqual(['callback_url: must be an https URL, not "http://example.com/hook"']);
  });

  it('shortens a long value it quotes', () => {
    const url = `ftp://example.com/${'a'.repeat(500)}`;
    const [issue] = issues(input({ ...imageToVideo, image_urls: [url] }));
    expect(issue).toBe(`input.image_urls[0]: must be an http or https URL, not ${quote(url)}`);
    expect(quote(url)).toBe(`"ftp://example.com/${'a'.repeat(19)}…"`);
    expect(quote(url)).toHaveLength(40);
  });

  it("uses '' for the root", () => {
    expect(issues([])).toEqual([': must be an object, not []']);
  });

  it('carries zod issue codes for programs', () => {
    const body = {
      request_type: 'callback',
      callback_url: 'http://example.com/hook',
      extra: 1,
      input: { ...textToVideo, prompt: 'x'.repeat(1501), resolution: '480p', aspect_ratio: '4:3', seed: 'x' },
    };
    expect(
      issuesOf(schemas.GenerateTaskRequestSchema, body).map(({ path, code }) => `${path} ${code}`),
    ).toEqual([
      'callback_url invalid_format',
      'input.prompt too_big',
      'input.aspect_ratio invalid_value',
      'input.seed invalid_type',
      'extra unrecognized_keys',
    ]);
    expect(issuesOf(schemas.GenerateTaskRequestSchema, input({ mode: 'x' }))).toEqual([
      {
        path: 'input.mode',
        code: 'invalid_union',
        message: 'must be one of text-to-video, image-to-video, not "x"',
      },
    ]);
  });

  it('works for any schema of the package, e.g. the input alone or a status answer', () => {
    expect(issuesOf(schemas.GenerationInputSchema, { ...textToVideo, seed: 'x' })).toEqual([
      { path: 'seed', code: 'invalid_type', message: 'must be an integer, not "x"' },
    ]);
    const status = { code: 200, message: 'success', data: { taskId: 't', state: 'success', createTime: 1 } };
    expect(issuesOf(schemas.TaskStatusResponseSchema, status)).toEqual([
      { path: 'data.resultJson', code: 'invalid_type', message: 'is required' },
    ]);
  });
});

describe('quote', () => {
  it('writes values as JSON and survives what JSON cannot hold', () => {
    expect(quote('4:3')).toBe('"4:3"');
    expect(quote(7)).toBe('7');
    expect(quote(undefined)).toBe('undefined');
    expect(quote(10n)).toBe('10');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(quote(cycle)).toBe('[object Object]');
    expect(quote({ list: Array.from({ length: 50 }, (_, i) => i) })).toBe(
      `{"list":[0,1,2,3,4,5,6,7,8,9,10,11,12,…`,
    );
  });
});
