import { createWanClient, type WanClient, WanValidationError } from '@wan25/client';
import { UsageError } from './exit.ts';
import { pollSchedule, type RequestFlags, requestHeaders, withPollSchedule } from './request-options.ts';

export interface ConnectionFlags extends RequestFlags {
  baseUrl?: string;
}

export const apiKeyEnv = 'APIXO_API_KEY';

/**
 * A client for the API at `--base-url`, else `APIXO_BASE_URL`, else the real API. The key comes only from
 * `APIXO_API_KEY`: never from a flag, so that it stays out of shell history and process lists.
 */
export function connect(flags: ConnectionFlags): WanClient {
  const apiKey = process.env[apiKeyEnv];
  if (!apiKey) {
    throw new UsageError(`${apiKeyEnv} is not set: export your APIXO API key as ${apiKeyEnv} first`);
  }
  const headers = requestHeaders(flags, process.env);
  const schedule = pollSchedule(flags, process.env);
  try {
    // The client reads APIXO_BASE_URL when no --base-url is given, and checks either.
    const wan = createWanClient({
      apiKey,
      headers,
      ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
    });
    return withPollSchedule(wan, schedule);
  } catch (error) {
    if (!(error instanceof WanValidationError)) throw error;
    const named = error.issues.map(
      ({ path, message }) => `${path === 'baseUrl' ? '--base-url' : path} ${message}`,
    );
    throw new UsageError(named.join('\n'));
  }
}
