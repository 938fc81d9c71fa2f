import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WanError } from '@wan25/client';
import type { Output } from './output.ts';
import { showDownloadProgress } from './progress.ts';

/** A result could not be downloaded. */
export class DownloadError extends WanError {
  override name = 'DownloadError';
  readonly url: string;
  readonly status: number | undefined;

  constructor(message: string, options: { url: string; status?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.url = options.url;
    this.status = options.status;
  }
}

/**
 * Streams `url` into `file`: into a temporary file beside it first, renamed over `file` only once it is
 * complete and flushed, so `file` is never left half-written. Returns the number of bytes written.
 */
export async function download(
  url: string,
  file: string,
  { output, signal }: { output: Output; signal?: AbortSignal },
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new DownloadError(`Downloading ${url} failed: ${(error as Error).message}`, { url, cause: error });
  }
  if (response.status === 403 || response.status === 404) {
    await response.body?.cancel();
    throw new DownloadError(
      `The result URL has expired (HTTP ${response.status}): result URLs are temporary, so download soon after the task succeeds`,
      { url, status: response.status },
    );
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel();
    throw new DownloadError(`Downloading ${url} failed with HTTP ${response.status}`, {
      url,
      status: response.status,
    });
  }

  const length = Number(response.headers.get('Content-Length'));
  const progress = showDownloadProgress(output, Number.isInteger(length) && length > 0 ? length : undefined);
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.part`);
  const handle = await open(partial, 'wx');
  let bytes = 0;
  try {
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      await handle.write(chunk.value);
      bytes += chunk.value.byteLength;
      progress.advance(chunk.value.byteLength);
    }
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return bytes;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    if (signal?.aborted) throw signal.reason;
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(`Downloading ${url} to ${file} failed: ${(error as Error).message}`, {
      url,
      cause: error,
    });
  } finally {
    progress.stop();
  }
}
