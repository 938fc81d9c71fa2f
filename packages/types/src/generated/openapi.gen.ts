// auto-generated from spec/openapi.yaml by scripts/generate-types.ts; do not edit; run `pnpm generate`
export interface paths {
  '/generateTask/wan-2-5-video': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a video generation task
     * @description Queues a text-to-video or image-to-video task and answers with its `taskId`.
     *
     *     Unknown properties are rejected. `prompt` (non-empty) is required for `text-to-video`,
     *     `image_urls` (exactly one URL) for `image-to-video`, `callback_url` for `request_type: callback`,
     *     and `aspect_ratio` is text-to-video only (480p allows `16:9`, `9:16`, `1:1`; 720p and 1080p also
     *     `4:3`, `3:4`). The spec checks the API's rules and nothing stricter: see "Fidelity decisions" in
     *     the spec's README for how each sentence of the API reference was read.
     *
     *     An accepted task is billed per generated second ($0.05/s at 480p, $0.10/s at 720p, $0.15/s at
     *     1080p). Submitting is **not idempotent**: resending a request that may have reached the server can
     *     create, and bill, a second task. A `429` was refused and is safe to retry after backing off.
     */
    post: operations['generateTask'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statusTask/wan-2-5-video': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a task's status and result
     * @description Reads the current state of a task: `pending`, `processing`, `success` or `failed`.
     *
     *     Poll first at the typical minimum generation time for the resolution, counted from
     *     `createTime` (40 s at 480p, 60 s at 720p, 90 s at 1080p), then every 10 s. On `success`,
     *     parse `resultJson` (a JSON string) to get `resultUrls`; the URLs are temporary.
     */
    get: operations['getTaskStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  taskFinished: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Final task status, POSTed to your callback_url
     * @description In callback mode (`request_type: callback`) the provider POSTs the task's final status to
     *     `callback_url` once it reaches `success` or `failed`. The body is the same envelope as
     *     `GET /statusTask/wan-2-5-video`.
     *
     *     Answer `200` within 30 seconds, before doing slow work. A delivery that does not get a `200` is
     *     retried (first retry about 30 s later), so receivers must tolerate the same body arriving more
     *     than once. No signature, secret or API key is sent (hence no security here): do not trust the
     *     body to prove who sent it; confirm with the status endpoint when that matters.
     */
    post: operations['taskFinishedWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    /**
     * @description A task submission. `request_type` selects how the result is delivered: `async` for polling
     *     the status endpoint, `callback` to have the final status POSTed to `callback_url`.
     */
    GenerateTaskRequest:
      | components['schemas']['AsyncGenerateTaskRequest']
      | components['schemas']['CallbackGenerateTaskRequest'];
    /** @description Submit a task and poll the status endpoint for its result. */
    AsyncGenerateTaskRequest: {
      /**
       * @description Poll `GET /statusTask/wan-2-5-video` for the result. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      request_type: 'async';
      /**
       * @description Permitted but not used in async mode: the reference requires `callback_url` only when
       *     `request_type` is `callback` and forbids it nowhere. To have the result delivered, use
       *     `request_type: callback`.
       */
      callback_url?: components['schemas']['CallbackUrl'];
      input: components['schemas']['GenerationInput'];
    };
    /** @description Submit a task and receive its final status at `callback_url`. */
    CallbackGenerateTaskRequest: {
      /**
       * @description POST the final task status to `callback_url`. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      request_type: 'callback';
      callback_url: components['schemas']['CallbackUrl'];
      input: components['schemas']['GenerationInput'];
    };
    /**
     * Format: uri
     * @description Public HTTPS URL that receives the final task status. It must answer `200` within 30 seconds;
     *     other answers are retried, so the same body may arrive more than once.
     * @example https://your-server.com/webhooks/apixo
     */
    CallbackUrl: string;
    /**
     * @description The model input, by `mode`. There is no `discriminator` here on purpose: `text-to-video` is itself
     *     a union by `resolution`, which a discriminator mapping cannot point to in most generators.
     */
    GenerationInput: components['schemas']['TextToVideoInput'] | components['schemas']['ImageToVideoInput'];
    /**
     * @description Text-to-video input. The allowed `aspect_ratio` values depend on `resolution`: 480p allows
     *     `16:9`, `9:16` and `1:1`; 720p and 1080p (the default) also allow `4:3` and `3:4`.
     */
    TextToVideoInput:
      | components['schemas']['TextToVideo480pInput']
      | components['schemas']['TextToVideoHdInput'];
    /** @description Text-to-video at 480p, which allows the aspect ratios `16:9`, `9:16` and `1:1`. */
    TextToVideo480pInput: {
      /**
       * @description Generate from a text prompt.
       * @enum {string}
       */
      mode: 'text-to-video';
      prompt: components['schemas']['Prompt'];
      negative_prompt?: components['schemas']['NegativePrompt'];
      /**
       * @description Output resolution; this variant is 480p.
       * @enum {string}
       */
      resolution: '480p';
      duration?: components['schemas']['Duration'];
      /**
       * @description Output aspect ratio. 480p allows `16:9`, `9:16` and `1:1`.
       * @default 16:9
       * @enum {string}
       */
      aspect_ratio?: '16:9' | '9:16' | '1:1';
      audio_urls?: components['schemas']['AudioUrls'];
      prompt_extend?: components['schemas']['PromptExtend'];
      watermark?: components['schemas']['Watermark'];
      seed?: components['schemas']['Seed'];
    };
    /**
     * @description Text-to-video at 720p or 1080p (the default when `resolution` is omitted), which allow the
     *     aspect ratios `16:9`, `9:16`, `1:1`, `4:3` and `3:4`.
     */
    TextToVideoHdInput: {
      /**
       * @description Generate from a text prompt.
       * @enum {string}
       */
      mode: 'text-to-video';
      prompt: components['schemas']['Prompt'];
      negative_prompt?: components['schemas']['NegativePrompt'];
      /**
       * @description Output resolution. Omitted means `1080p`.
       * @default 1080p
       * @enum {string}
       */
      resolution?: '720p' | '1080p';
      duration?: components['schemas']['Duration'];
      /**
       * @description Output aspect ratio. 720p and 1080p allow `16:9`, `9:16`, `1:1`, `4:3` and `3:4`.
       * @default 16:9
       * @enum {string}
       */
      aspect_ratio?: '16:9' | '9:16' | '1:1' | '4:3' | '3:4';
      audio_urls?: components['schemas']['AudioUrls'];
      prompt_extend?: components['schemas']['PromptExtend'];
      watermark?: components['schemas']['Watermark'];
      seed?: components['schemas']['Seed'];
    };
    /**
     * @description Image-to-video input: one reference image, animated as the optional prompt describes.
     *     `aspect_ratio` does not apply (the output follows the image).
     */
    ImageToVideoInput: {
      /**
       * @description Animate one reference image.
       * @enum {string}
       */
      mode: 'image-to-video';
      image_urls: components['schemas']['ImageUrls'];
      prompt?: components['schemas']['ImageToVideoPrompt'];
      negative_prompt?: components['schemas']['NegativePrompt'];
      resolution?: components['schemas']['Resolution'];
      duration?: components['schemas']['Duration'];
      audio_urls?: components['schemas']['AudioUrls'];
      prompt_extend?: components['schemas']['PromptExtend'];
      watermark?: components['schemas']['Watermark'];
      seed?: components['schemas']['Seed'];
    };
    /**
     * @description The text-to-video prompt: what the video should show, in Chinese or English, 1 to 1500
     *     characters (Unicode code points). Required and non-empty for `text-to-video`.
     * @example a cinematic shot of clouds drifting over a quiet mountain lake
     */
    Prompt: string;
    /**
     * @description The optional image-to-video prompt: how to animate the image, in Chinese or English, at most
     *     1500 characters (Unicode code points). The reference asks for "non-empty" only in text-to-video
     *     mode, so an empty prompt is accepted here.
     * @example turn this photo into a smooth cinematic shot with a slow push-in camera move
     */
    ImageToVideoPrompt: string;
    /**
     * @description What to avoid, in Chinese or English, at most 500 characters (Unicode code points).
     * @example low quality, blurry
     */
    NegativePrompt: string;
    /**
     * @description Output resolution; omitted means `1080p`. Billed per second: $0.05 at 480p, $0.10 at 720p,
     *     $0.15 at 1080p.
     * @default 1080p
     * @enum {string}
     */
    Resolution: '480p' | '720p' | '1080p';
    /**
     * @description Output duration in seconds, `5` (the default) or `10`.
     * @default 5
     * @enum {integer}
     */
    Duration: 5 | 10;
    /**
     * Format: uri
     * @description An absolute, publicly reachable `http` or `https` URL of a media file.
     * @example https://example.com/reference.png
     */
    MediaUrl: string;
    /**
     * @description Exactly one reference image URL. JPEG/JPG, PNG (no alpha), BMP or WEBP; width and height
     *     240-8000 px; at most 20 MB.
     * @example [
     *       "https://example.com/reference.png"
     *     ]
     */
    ImageUrls: components['schemas']['MediaUrl'][];
    /**
     * @description Optional soundtrack: exactly one WAV or MP3 URL, 3-30 s, at most 15 MB. Audio longer than
     *     `duration` is cut; shorter audio leaves the rest of the video silent.
     * @example [
     *       "https://example.com/music.mp3"
     *     ]
     */
    AudioUrls: components['schemas']['MediaUrl'][];
    /**
     * @description Rewrite the prompt before generation (the default). Helps short prompts, may add latency;
     *     `false` disables it.
     * @default true
     */
    PromptExtend: boolean;
    /**
     * @description Add a bottom-right watermark with the fixed text `AI 生成`. Off by default.
     * @default false
     */
    Watermark: boolean;
    /**
     * @description Random seed in [0, 2147483647]. A fixed seed improves reproducibility; identical seeds do not
     *     guarantee identical outputs.
     */
    Seed: number;
    /** @description The answer to an accepted submission. */
    GenerateTaskResponse: {
      /** @description API status code; `200` means the task was accepted. */
      code: number;
      /** @description Human-readable status message. */
      message: string;
      data: components['schemas']['SubmittedTask'];
    };
    /** @description The accepted task. */
    SubmittedTask: {
      taskId: components['schemas']['TaskIdentifier'];
    };
    /**
     * @description Unique task identifier, used with the status endpoint.
     * @example task_12345678
     */
    TaskIdentifier: string;
    /** @description The status envelope, answered by the status endpoint and POSTed to `callback_url`. */
    TaskStatusResponse: {
      /** @description API status code; `200` means the status was read. */
      code: number;
      /** @description Human-readable status message. */
      message: string;
      data: components['schemas']['Task'];
    };
    /** @description A task, by `state`. Only `success` carries `resultJson`; only `failed` carries `failCode`. */
    Task:
      | components['schemas']['PendingTask']
      | components['schemas']['ProcessingTask']
      | components['schemas']['SucceededTask']
      | components['schemas']['FailedTask'];
    /** @description Received and waiting to run. */
    PendingTask: {
      taskId: components['schemas']['TaskIdentifier'];
      /**
       * @description Received, waiting to run. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      state: 'pending';
      createTime: components['schemas']['CreateTime'];
    };
    /** @description Generating. */
    ProcessingTask: {
      taskId: components['schemas']['TaskIdentifier'];
      /**
       * @description Generating. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      state: 'processing';
      createTime: components['schemas']['CreateTime'];
    };
    /** @description Finished with a video. Parse `resultJson` for the result URLs. */
    SucceededTask: {
      taskId: components['schemas']['TaskIdentifier'];
      /**
       * @description Finished with a video. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      state: 'success';
      /**
       * @description A JSON **string** holding a `ResultPayload`, `{"resultUrls": ["https://..."]}`. The URLs are
       *     temporary: download what you need promptly.
       * @example {"resultUrls":["https://file.apixo.ai/video.mp4"]}
       */
      resultJson: string;
      createTime: components['schemas']['CreateTime'];
      completeTime?: components['schemas']['CompleteTime'];
      /**
       * Format: int64
       * @description Processing duration in milliseconds.
       */
      costTime?: number;
    };
    /** @description Finished without a video. See `failCode` and `failMsg`. */
    FailedTask: {
      taskId: components['schemas']['TaskIdentifier'];
      /**
       * @description Finished without a video. (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      state: 'failed';
      failCode: components['schemas']['FailCode'];
      /** @description Human-readable failure message. */
      failMsg?: string;
      createTime: components['schemas']['CreateTime'];
      completeTime?: components['schemas']['CompleteTime'];
    };
    /**
     * Format: int64
     * @description Task creation time, Unix epoch milliseconds.
     * @example 1767965610929
     */
    CreateTime: number;
    /**
     * Format: int64
     * @description Task completion time, Unix epoch milliseconds. Present once the task has finished.
     * @example 1767965752317
     */
    CompleteTime: number;
    /**
     * @description Machine-readable failure reason. An open set: any string may appear as the provider adds codes,
     *     so treat an unknown code like a generic failure. The codes documented today (also listed in
     *     `x-extensible-enum`):
     *     - `CONTENT_VIOLATION`: the prompt or reference image failed safety checks; change them.
     *     - `INVALID_IMAGE_URL`: a reference image URL could not be fetched or decoded; use a public, direct URL.
     *     - `INVALID_PARAMETER`: a model parameter is unsupported or malformed.
     *     - `INSUFFICIENT_BALANCE`: the account lacks balance for the task; add balance before retrying.
     *     - `TIMEOUT`: generation did not finish in time; retry, simplify the input, or use callback mode.
     * @example CONTENT_VIOLATION
     */
    FailCode: KnownFailCode | (string & {});
    /** @description The parsed content of `resultJson` on a succeeded task. */
    ResultPayload: {
      /** @description Temporary URLs of the generated videos. Download what you need promptly. */
      resultUrls: components['schemas']['MediaUrl'][];
    };
    /**
     * @description The body of an HTTP error answer. The reference documents the statuses but never shows an error
     *     body, so every field is optional and a body of another shape (or none) may arrive.
     */
    ErrorResponse: {
      /** @description The HTTP status code, repeated. */
      code?: number;
      /** @description What went wrong, for humans. */
      message?: string;
    };
  };
  responses: {
    /** @description Invalid request body, mode, parameter or media URL shape. Fix the request before retrying. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description Missing or invalid API key. Check the `Authorization` header. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description Insufficient balance or quota. Add balance or switch account or key. */
    PaymentRequired: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The key or account cannot access this model. Check account permissions. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description Rate or concurrency limit reached. The request was refused (no task was created), so it is safe
     *     to retry with exponential backoff.
     */
    TooManyRequests: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description Server error. Retry reads with backoff; a submit may or may not have created a task. */
    InternalServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description Third-party model service error. Retry reads with backoff; a submit may or may not have created a task. */
    BadGateway: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description Third-party model timeout. Retry reads, or use callback mode for long-running jobs; a submit may
     *     or may not have created a task.
     */
    GatewayTimeout: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /**
     * @description Any other error status. The reference documents no other; treat a 5XX like a `500` and a 4XX
     *     as not retryable.
     */
    UnexpectedError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: {
    /**
     * @description The `taskId` returned when the task was submitted.
     * @example task_12345678
     */
    TaskId: string;
  };
  requestBodies: {
    /** @description The task's final status, the same envelope as the status endpoint answers with. */
    TaskWebhook: {
      content: {
        'application/json': components['schemas']['TaskStatusResponse'];
      };
    };
  };
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  generateTask: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GenerateTaskRequest'];
      };
    };
    responses: {
      /** @description The task was accepted. Keep the `taskId` to poll for the result. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GenerateTaskResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      402: components['responses']['PaymentRequired'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      502: components['responses']['BadGateway'];
      504: components['responses']['GatewayTimeout'];
      default: components['responses']['UnexpectedError'];
    };
  };
  getTaskStatus: {
    parameters: {
      query: {
        /**
         * @description The `taskId` returned when the task was submitted.
         * @example task_12345678
         */
        taskId: components['parameters']['TaskId'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task's current state. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskStatusResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      402: components['responses']['PaymentRequired'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
      502: components['responses']['BadGateway'];
      504: components['responses']['GatewayTimeout'];
      default: components['responses']['UnexpectedError'];
    };
  };
  taskFinishedWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: components['requestBodies']['TaskWebhook'];
    responses: {
      /** @description Acknowledged. Answer within 30 seconds. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not acknowledged. The provider retries the delivery, first about 30 s later. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}

/** The documented values of `FailCode`, which also accepts any other string. */
export type KnownFailCode =
  | 'CONTENT_VIOLATION'
  | 'INVALID_IMAGE_URL'
  | 'INVALID_PARAMETER'
  | 'INSUFFICIENT_BALANCE'
  | 'TIMEOUT';
