import { Agent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

/** The provider waits this long for a receiver's answer; so does the mock. */
const answerTimeoutMs = 30_000;

export interface CallbackSenderOptions {
  /** Seconds between a delivery that did not get a 200 and the next attempt. */
  retrySeconds: number;
  /** A PEM certificate (or several) to trust besides Node's own CAs, e.g. a test receiver's self-signed one. */
  ca?: string | Buffer;
  /** Told about each attempt that did not get a 200. */
  onRetry?: (url: string, problem: string) => void;
}

/**
 * Delivers callbacks as the provider does: a JSON POST of the final status to `callback_url`, repeated
 * every `retrySeconds` until the receiver answers 200 (or the mock closes).
 */
export class CallbackSender {
  readonly #options: CallbackSenderOptions;
  readonly #agent: Agent;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #closed = new AbortController();

  constructor(options: CallbackSenderOptions) {
    this.#options = options;
    const ca = options.ca === undefined ? undefined : [...rootCertificates, options.ca.toString()];
    this.#agent = new Agent({ keepAlive: false, ...(ca === undefined ? {} : { ca }) });
  }

  /** Starts delivering `body` to `url` at `atMs` (epoch ms), then until it is acknowledged. */
  schedule(url: string, body: unknown, atMs: number): void {
    const text = JSON.stringify(body);
    const attempt = async () => {
      const problem = await this.#post(url, text);
      if (problem === undefined || this.#closed.signal.aborted) return;
      this.#options.onRetry?.(url, problem);
      this.#after(this.#options.retrySeconds * 1000, attempt);
    };
    this.#after(atMs - Date.now(), attempt);
  }

  /** Stops every pending and running delivery. */
  close(): void {
    this.#closed.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#agent.destroy();
  }

  #after(delayMs: number, run: () => Promise<void>): void {
    if (this.#closed.signal.aborted) return;
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        void run();
      },
      Math.max(0, delayMs),
    );
    this.#timers.add(timer);
  }

  /** One delivery: `undefined` when the receiver answered 200, else what went wrong. */
  #post(url: string, body: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const request = httpsRequest(url, {
        method: 'POST',
        agent: this.#agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
        signal: AbortSignal.any([this.#closed.signal, AbortSignal.timeout(answerTimeoutMs)]),
      });
      request.once('response', (response) => {
        response.resume();
        resolve(response.statusCode === 200 ? undefined : `answered ${response.statusCode}`);
      });
      request.once('error', (error) => resolve(error.message));
      request.end(body);
    });
  }
}
