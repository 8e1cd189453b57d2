// Throwaway certificates for the probe tests, made with openssl: a test CA, and server certificates signed by it
// (or self-signed, trusted by nobody, for the bad-certificate case) with the subject alternative names asked for.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Files of one certificate and its key, plus the CA's. */
export interface TestCert {
  readonly dir: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

/** True when openssl is on PATH. */
export function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * A server certificate for `san` (e.g. `DNS:localhost,IP:127.0.0.1`), signed by a fresh test CA; with
 * `selfSigned`, a certificate signed by its own key instead.
 */
export function makeCert(san: string, options: { selfSigned?: boolean } = {}): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-probe-pki-'));
  writeFileSync(join(dir, 'ext.cnf'), `subjectAltName=${san}\n`);
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      '/CN=probe-test-ca',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=probe-test',
    ],
    dir,
  );
  if (options.selfSigned)
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-signkey',
        'server.key',
        '-out',
        'server.crt',
        '-days',
        '1',
        '-extfile',
        'ext.cnf',
      ],
      dir,
    );
  else
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'server.crt',
        '-days',
        '2',
        '-extfile',
        'ext.cnf',
      ],
      dir,
    );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, 'server.crt'),
    keyFile: join(dir, 'server.key'),
    cert: read('server.crt'),
    key: read('server.key'),
  };
}
