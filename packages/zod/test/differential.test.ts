import { specValidator } from '@wan25/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flavours } from './flavours.ts';

// GenerateTaskRequestSchema, classic and mini, must give the verdict that JSON Schema (Ajv on the bundled spec)
// gives, on valid bodies and on bodies broken one field at a time. Seeded, so a disagreement reproduces; it
// prints the body and the flavour.
const seed = 20_251_123;
const ajv = specValidator('GenerateTaskRequest');

type Body = Record<string, unknown>;

interface Verdicts {
  bodies: number;
  valid: number;
}

function agree(body: unknown, verdicts: Verdicts): void {
  const spec = ajv(body);
  verdicts.bodies += 1;
  if (spec) verdicts.valid += 1;
  for (const [flavour, schemas] of flavours) {
    const zod = schemas.GenerateTaskRequestSchema.safeParse(body).success;
    if (zod === spec) continue;
    throw new Error(
      `Ajv says ${spec ? 'valid' : 'invalid'}, zod (${flavour}) says ${zod ? 'valid' : 'invalid'} for\n${JSON.stringify(body)}`,
    );
  }
}

// Text in every width: ASCII, Latin with a combining mark, Chinese (BMP) and emoji or music symbols (astral,
// two UTF-16 units each). Each unit is one code point, so a string of n units is n characters to JSON Schema.
const unit = fc.constantFrom('a', 'Z', ' ', '.', 'é', '\u0301', '云', '生', '😀', '🎬', '𝄞');
const textOfLength = (length: number) =>
  fc.tuple(unit, unit).map(([fill, last]) => (length === 0 ? '' : fill.repeat(length - 1) + last));
const text = (min: number, max: number) =>
  fc.oneof(
    fc.string({ unit, minLength: min, maxLength: Math.min(max, 40) }),
    fc.constantFrom(min, max).chain(textOfLength),
  );

const host = fc.constantFrom(
  'example.com',
  'cdn.example.org',
  'file.apixo.ai',
  'localhost:8080',
  '127.0.0.1',
);
const urlPath = fc.constantFrom('', '/', '/video.mp4', '/a/b.png?x=1&y=2', '/hook#frag', '/%E4%BA%91.png');
const httpsUrl = fc.tuple(host, urlPath).map(([h, p]) => `https://${h}${p}`);
const mediaUrl = fc
  .tuple(fc.constantFrom('http', 'https'), host, urlPath)
  .map(([s, h, p]) => `${s}://${h}${p}`);

const ratios480p = ['16:9', '9:16', '1:1'] as const;
const ratiosHd = [...ratios480p, '4:3', '3:4'] as const;

/** Optional fields shared by both modes, each present or absent. */
const commonOptions = {
  negative_prompt: text(0, 500),
  duration: fc.constantFrom(5, 10),
  audio_urls: mediaUrl.map((url) => [url]),
  prompt_extend: fc.boolean(),
  watermark: fc.boolean(),
  seed: fc.oneof(fc.integer({ min: 0, max: 2_147_483_647 }), fc.constantFrom(0, 2_147_483_647)),
};

const textToVideo480p = fc.record(
  {
    mode: fc.constant('text-to-video'),
    prompt: text(1, 1500),
    resolution: fc.constant('480p'),
    aspect_ratio: fc.constantFrom(...ratios480p),
    ...commonOptions,
  },
  { requiredKeys: ['mode', 'prompt', 'resolution'] },
);
const textToVideoHd = fc.record(
  {
    mode: fc.constant('text-to-video'),
    prompt: text(1, 1500),
    resolution: fc.constantFrom('720p', '1080p'),
    aspect_ratio: fc.constantFrom(...ratiosHd),
    ...commonOptions,
  },
  { requiredKeys: ['mode', 'prompt'] },
);
const imageToVideo = fc.record(
  {
    mode: fc.constant('image-to-video'),
    image_urls: mediaUrl.map((url) => [url]),
    prompt: text(1, 1500),
    resolution: fc.constantFrom('480p', '720p', '1080p'),
    ...commonOptions,
  },
  { requiredKeys: ['mode', 'image_urls'] },
);
const input = fc.oneof(textToVideo480p, textToVideoHd, imageToVideo);
const validBody: fc.Arbitrary<Body> = fc.oneof(
  fc.record({ request_type: fc.constant('async'), input }),
  fc.record({ request_type: fc.constant('callback'), callback_url: httpsUrl, input }),
);

const fields = [
  'request_type',
  'callback_url',
  'input',
  'input.mode',
  'input.prompt',
  'input.negative_prompt',
  'input.resolution',
  'input.duration',
  'input.aspect_ratio',
  'input.image_urls',
  'input.image_urls.0',
  'input.audio_urls',
  'input.audio_urls.0',
  'input.prompt_extend',
  'input.watermark',
  'input.seed',
] as const;
type Field = (typeof fields)[number];

const absent = Symbol('absent');

/** Sets (or, with `absent`, deletes) a field of the body, creating `input` if needed. */
function set(body: Body, field: Field, value: unknown): void {
  const keys = field.split('.');
  const last = keys.pop() as string;
  let parent: unknown = body;
  for (const key of keys) {
    const record = parent as Record<string, unknown>;
    if (record[key] === null || typeof record[key] !== 'object') record[key] = key === 'input' ? {} : [];
    parent = record[key];
  }
  if (parent === null || typeof parent !== 'object') return;
  const record = parent as Record<string, unknown>;
  if (value === absent) delete record[last];
  else record[last] = value;
}

interface Mutation {
  what: string;
  apply: (body: Body) => void;
}
const mutation = (what: string, apply: (body: Body) => void): Mutation => ({ what, apply });

const anyValue = fc.constantFrom<unknown>(null, 0, 1, -1, 1.5, '', 'x', '5', true, false, [], {}, ['x'], [1]);
const urlShapes = fc.constantFrom(
  'https://example.com/a.png',
  'http://example.com/a.png',
  'https://',
  'https:// example.com',
  'https://exa mple.com/a',
  'https://example.com/a b.png',
  'https://example.com/\ta',
  'ftp://example.com/a.png',
  '//example.com/a.png',
  'example.com/a.png',
  '/a.png',
  'HTTPS://EXAMPLE.COM/A.PNG',
  'https:example.com',
  'https://例子.测试/视频.mp4',
  'https://[::1]/a.png',
  'https://user:pass@example.com/a',
  'https://example.com:99999/a',
  'https://example.com/%zz',
  'http://localhost',
  'mailto:a@example.com',
);

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...fields), anyValue)
    .map(([field, value]) => mutation(`${field} = ${JSON.stringify(value)}`, (b) => set(b, field, value))),
  fc.constantFrom(...fields).map((field) => mutation(`delete ${field}`, (b) => set(b, field, absent))),
  fc
    .constantFrom(-1, 0, 2_147_483_647, 2_147_483_648, 1.5, -0.5, 1e21, 3e9)
    .map((seed) => mutation(`seed = ${seed}`, (b) => set(b, 'input.seed', seed))),
  fc
    .constantFrom(0, 4, 5, 5.0, 5.5, 7, 10, 15, -5)
    .map((duration) => mutation(`duration = ${duration}`, (b) => set(b, 'input.duration', duration))),
  fc
    .tuple(
      fc.constantFrom('input.prompt', 'input.negative_prompt'),
      fc.constantFrom(0, 1, 2, 499, 500, 501, 999, 1000, 1001, 1499, 1500, 1501, 3000).chain(textOfLength),
    )
    .map(([field, value]) =>
      mutation(`${field} of ${[...value].length} characters`, (b) => set(b, field, value)),
    ),
  fc
    .tuple(
      fc.constantFrom('', 'input'),
      fc.constantFrom(
        'extra',
        'Prompt',
        'image_url',
        'aspect-ratio',
        'callbackUrl',
        'constructor',
        'toString',
      ),
    )
    .map(([where, key]) =>
      mutation(`unknown key ${where}.${key}`, (b) => {
        const target = where === '' ? b : (b.input as Body | undefined);
        if (target && typeof target === 'object')
          Object.defineProperty(target, key, { value: 1, enumerable: true });
      }),
    ),
  fc.constant(
    mutation('swap mode', (b) => {
      const i = b.input as Body;
      i.mode = i.mode === 'text-to-video' ? 'image-to-video' : 'text-to-video';
    }),
  ),
  fc
    .tuple(
      fc.constantFrom(absent, '480p', '720p', '1080p', '4k', '480P'),
      fc.constantFrom(absent, ...ratiosHd, '21:9', '16/9'),
    )
    .map(([resolution, ratio]) =>
      mutation(`resolution ${String(resolution)} x aspect_ratio ${String(ratio)}`, (b) => {
        set(b, 'input.resolution', resolution);
        set(b, 'input.aspect_ratio', ratio);
      }),
    ),
  fc
    .tuple(
      fc.constantFrom('async', 'callback', 'Callback', 'webhook'),
      fc.option(urlShapes, { nil: undefined }),
    )
    .map(([type, url]) =>
      mutation(`request_type ${type}, callback_url ${url}`, (b) => {
        b.request_type = type;
        set(b, 'callback_url', url ?? absent);
      }),
    ),
  fc
    .tuple(fc.constantFrom('callback_url', 'input.image_urls.0', 'input.audio_urls.0'), urlShapes)
    .map(([field, url]) => mutation(`${field} = ${url}`, (b) => set(b, field, url))),
  fc
    .tuple(fc.constantFrom('input.image_urls', 'input.audio_urls'), fc.integer({ min: 0, max: 3 }), mediaUrl)
    .map(([field, count, url]) =>
      mutation(`${field} with ${count} URLs`, (b) =>
        set(
          b,
          field,
          Array.from({ length: count }, () => url),
        ),
      ),
    ),
);

// Each body goes through Ajv and both flavours; the two property runs take seconds on a busy machine.
describe('GenerateTaskRequestSchema, classic and mini, gives the verdict of Ajv on the bundled spec', () => {
  it('on 3,000 valid bodies', () => {
    const verdicts = { bodies: 0, valid: 0 };
    fc.assert(
      fc.property(validBody, (body) => agree(body, verdicts)),
      { seed, numRuns: 3_000 },
    );
    expect(verdicts).toEqual({ bodies: 3_000, valid: 3_000 });
  }, 180_000);

  it('on 9,000 bodies mutated one field at a time', () => {
    const verdicts = { bodies: 0, valid: 0 };
    fc.assert(
      fc.property(validBody, mutations, (body, { apply }) => {
        const mutated = structuredClone(body);
        apply(mutated);
        agree(mutated, verdicts);
      }),
      { seed, numRuns: 9_000 },
    );
    expect(verdicts.bodies).toBe(9_000);
    // Both verdicts occur often, so the comparison is not one-sided.
    expect(verdicts.valid).toBeGreaterThan(900);
    expect(verdicts.bodies - verdicts.valid).toBeGreaterThan(4_500);
  }, 180_000);

  const pairs = ['text-to-video', 'image-to-video'].flatMap((mode) =>
    [undefined, '480p', '720p', '1080p'].flatMap((resolution) =>
      [undefined, ...ratiosHd].map((aspect_ratio) => ({ mode, resolution, aspect_ratio })),
    ),
  );
  it.each(pairs)('on every mode x resolution x aspect_ratio: %o', ({ mode, resolution, aspect_ratio }) => {
    const body: Body = {
      request_type: 'async',
      input: {
        mode,
        ...(mode === 'text-to-video' ? { prompt: 'clouds' } : { image_urls: ['https://example.com/a.png'] }),
        ...(resolution && { resolution }),
        ...(aspect_ratio && { aspect_ratio }),
      },
    };
    agree(body, { bodies: 0, valid: 0 });
  });
});
