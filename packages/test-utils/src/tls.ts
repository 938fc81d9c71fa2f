import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A TLS key and its self-signed certificate, both PEM. */
export interface LoopbackCertificate {
  key: string;
  cert: string;
}

/**
 * A fresh self-signed certificate for `127.0.0.1` and `localhost`, valid for a day, made with openssl:
 * for a loopback https server in a test (e.g. a webhook receiver, since `callback_url` must be https),
 * trusted by whoever is given `cert` as a CA (the mock's `callbackCa`).
 */
export function createLoopbackCertificate(): LoopbackCertificate {
  const folder = mkdtempSync(join(tmpdir(), 'wan25-tls-'));
  try {
    const key = join(folder, 'key.pem');
    const cert = join(folder, 'cert.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-days', '1'],
        ...['-keyout', key, '-out', cert],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
