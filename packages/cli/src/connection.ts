import { createWanClient, type FetchLike, type WanClient } from '@wan25/client';
import { UsageError } from './exit.ts';
import { pollSchedule, type RequestFlags, requestHeaders, withPollSchedule } from './request-options.ts';

export interface ConnectionFlags extends RequestFlags {
  baseUrl?: string;
}

export const apiKeyEnv = 'APIXO_API_KEY';
export const baseUrlEnv = 'APIXO_BASE_URL';

/**
 * A client for the API at `--base-url`, else `APIXO_BASE_URL`, else the real API. The key comes only from
 * `APIXO_API_KEY`: never from a flag, so that it stays out of shell history and process lists.
 */
export function connect(
  flags: ConnectionFlags,
  options: { fetch?: FetchLike; env?: NodeJS.ProcessEnv } = {},
): WanClient {
  const env = options.env ?? process.env;
  const apiKey = env[apiKeyEnv];
  if (!apiKey) {
    throw new UsageError(`${apiKeyEnv} is not set: export your APIXO API key as ${apiKeyEnv} first`);
  }
  const baseUrl = flags.baseUrl ?? (env[baseUrlEnv] || undefined);
  if (baseUrl !== undefined && !/^https?:\/\/\S+$/.test(baseUrl)) {
    const source = flags.baseUrl === undefined ? baseUrlEnv : '--base-url';
    throw new UsageError(`${source} must be an http(s) URL, e.g. https://api.apixo.ai/api/v1`);
  }
  const wan = createWanClient({
    apiKey,
    headers: requestHeaders(flags, env),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return withPollSchedule(wan, pollSchedule(flags, env));
}
