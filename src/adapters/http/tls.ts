import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { InputError } from '../../services/input-error.ts';

// HTTPS for `plenum serve` (issue 13, item 9): delegates' codes, staff passwords and electronic
// ballots cross the hall network, and must not in clear. Given a certificate and its key
// (--tls-cert/--tls-key, or PLENUM_TLS_CERT/PLENUM_TLS_KEY), the server speaks HTTPS itself, with
// HTTP/2 for browsers that offer it (the live-update streams then share one connection instead of
// using up the six a browser allows an HTTP/1.1 origin) and HTTP/1.1 for the others. The other
// set-up, a reverse proxy terminating TLS, is in README ("Running it").

export interface TlsFiles {
  readonly cert: Buffer;
  readonly key: Buffer;
  /** For the banner: whom the certificate names, and until when. */
  readonly subject: string;
  readonly validTo: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The certificate and key the options or the environment name, checked; null for plain HTTP. */
export async function readTls(
  options: { readonly tlsCert?: string; readonly tlsKey?: string },
  env: Env,
): Promise<TlsFiles | null> {
  const certFile = options.tlsCert ?? (env.PLENUM_TLS_CERT || undefined);
  const keyFile = options.tlsKey ?? (env.PLENUM_TLS_KEY || undefined);
  const flags = options.tlsCert !== undefined || options.tlsKey !== undefined;
  const certField = flags ? '--tls-cert' : 'PLENUM_TLS_CERT';
  const keyField = flags ? '--tls-key' : 'PLENUM_TLS_KEY';
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined)
    throw new InputError(certField, 'is needed with a TLS key', '指定了 TLS 私钥时还须指定证书');
  if (keyFile === undefined)
    throw new InputError(keyField, 'is needed with a TLS certificate', '指定了 TLS 证书时还须指定私钥');
  const cert = await readPem(certFile, certField);
  const key = await readPem(keyFile, keyField);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new InputError(
      certField,
      `${certFile} is not a PEM certificate`,
      `${certFile} 不是 PEM 格式的证书`,
    );
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new InputError(
      keyField,
      `${keyFile} is not a PEM private key (without a passphrase)`,
      `${keyFile} 不是 PEM 格式的私钥（不能设口令）`,
    );
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new InputError(keyField, `${keyFile} is not the key of ${certFile}`, '私钥与证书不匹配');
  }
  return { cert, key, subject: certificate.subject.replace(/\n/g, ', '), validTo: certificate.validTo };
}

async function readPem(file: string, field: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new InputError(field, `cannot read ${file}`, `无法读取文件 ${file}`);
  }
}

/** Fastify's options for HTTPS with HTTP/2, and HTTP/1.1 for clients that do not offer HTTP/2. */
export function tlsServerOptions(tls: TlsFiles) {
  return { http2: true, https: { allowHTTP1: true, cert: tls.cert, key: tls.key } } as const;
}

/** Whether `host` is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * The banner's warning when the server speaks plain HTTP where other machines reach it: what
 * crosses the network in clear, and the two ways out.
 */
export function plainHttpWarning(host: string, tls: TlsFiles | null): string[] {
  if (tls || isLoopback(host)) return [];
  return [
    `WARNING（警告）: plain HTTP on ${host}: delegates' codes, staff passwords and electronic ballots cross the network unencrypted.`,
    '  本服务以明文 HTTP 对外提供：代表凭证、工作人员密码和电子选票在网络上以明文传输。',
    '  Give --tls-cert FILE --tls-key FILE (or PLENUM_TLS_CERT / PLENUM_TLS_KEY) to serve HTTPS, or run behind',
    '  a TLS proxy with --host 127.0.0.1, PLENUM_SECURE_COOKIES=1 and PLENUM_TRUST_PROXY (README, "Running it").',
  ];
}
