// A throwaway certificate authority and serving certificate for the twin's HTTPS endpoint.
// client-node refuses plain HTTP and kubectl verifies TLS, so the twin mints its own CA and writes a
// kubeconfig that trusts it. ECDSA P-256 keeps generation fast (milliseconds) and Go's crypto/tls accepts it.
// @peculiar/x509 resolves its ASN.1 providers through tsyringe, which needs the Reflect metadata polyfill.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface Pki {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

export interface PkiOptions {
  /** DNS names and IP addresses the serving certificate is valid for. */
  hosts: readonly string[];
  /** Wall-clock instant the certificates start being valid (clients check against real time, not mission time). */
  notBefore: Date;
  /** Validity in days (default 365). */
  days?: number;
}

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export async function createPki(opts: PkiOptions): Promise<Pki> {
  // Back-date by an hour so small clock skew between processes does not make the cert "not yet valid".
  const notBefore = new Date(opts.notBefore.getTime() - 3600_000);
  const notAfter = new Date(opts.notBefore.getTime() + (opts.days ?? 365) * 86_400_000);
  const subtle = webcrypto.subtle as unknown as SubtleCrypto;

  const caKeys = await subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: 'CN=kis-twin-ca,O=kis',
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const leafKeys = await subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const names = opts.hosts.map((h) => ({ type: IPV4.test(h) || h.includes(':') ? 'ip' : 'dns', value: h }) as const);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=kis-twin-apiserver,O=kis',
    issuer: caCert.subject,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const pkcs8 = await subtle.exportKey('pkcs8', leafKeys.privateKey);
  return {
    caCertPem: caCert.toString('pem'),
    certPem: leaf.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}

function randomSerial(): string {
  // Positive 16-byte serial (top bit clear), as RFC 5280 asks.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}
