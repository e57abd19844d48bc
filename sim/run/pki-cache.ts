// The embedded twin's serving certificate, kept between runs: minting a CA and a leaf costs a cold run ~30 ms of
// ASN.1 work, a twentieth of a Falcon 9 mission in lockstep. Kept: the CA certificate, the leaf certificate and the
// leaf's key, 0600 in the user's cache directory. The CA's private key is never stored (it has signed its one leaf),
// so a leaked cache can serve as that twin but mint nothing else; each run's bearer tokens are still new.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Twin } from '../twin/index.ts';

type Pki = Twin['pki'];

/** A fresh certificate set is minted when the cached one would expire within this margin. */
const RENEW_BEFORE_MS = 7 * 86_400_000;

/** `$XDG_CACHE_HOME/kis`, else `~/.cache/kis`, as the XDG base-directory spec puts per-user caches. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'kis');
}

export interface PkiCacheOptions {
  dir: string;
  /** DNS names and IP addresses the serving certificate must be valid for. */
  hosts: readonly string[];
  /** Wall-clock now (certificates are checked against real time by clients). */
  now: Date;
  /** Mints a new set (the twin's createPki). */
  mint: () => Promise<Pki>;
}

/**
 * The cached certificate set when it is whole, consistent (the leaf signed by the CA, the key the leaf's), valid
 * now and for a week more, and names every host; else a new one, minted and stored. A cache that cannot be
 * written (read-only home) only costs the minting.
 */
export async function cachedPki(o: PkiCacheOptions): Promise<Pki> {
  const file = join(o.dir, `twin-pki-${createHash('sha256').update(o.hosts.join('\n')).digest('hex').slice(0, 16)}.json`);
  const cached = readPki(file);
  if (cached && usable(cached, o.hosts, o.now)) return cached;
  const pki = await o.mint();
  try {
    mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    // Written whole, then renamed over: a concurrent run reads the old set or the new one, never half of one.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ caCertPem: pki.caCertPem, certPem: pki.certPem, keyPem: pki.keyPem }), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // No cache: the next run mints again.
  }
  return pki;
}

function readPki(file: string): Pki | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const { caCertPem, certPem, keyPem } = v;
    if (typeof caCertPem === 'string' && typeof certPem === 'string' && typeof keyPem === 'string') return { caCertPem, certPem, keyPem };
  } catch {
    // Missing or corrupt: minted afresh.
  }
  return undefined;
}

/** Whether a certificate set can serve these hosts now; anything malformed is simply not usable. */
export function usable(pki: Pki, hosts: readonly string[], now: Date): boolean {
  try {
    const ca = new X509Certificate(pki.caCertPem);
    const leaf = new X509Certificate(pki.certPem);
    const t = now.getTime();
    for (const c of [ca, leaf]) {
      if (!(Date.parse(c.validFrom) <= t && t + RENEW_BEFORE_MS < Date.parse(c.validTo))) return false;
    }
    if (!ca.ca || !leaf.checkIssued(ca) || !leaf.verify(ca.publicKey)) return false;
    if (!leaf.checkPrivateKey(createPrivateKey(pki.keyPem))) return false;
    return hosts.every((h) => (/^[\d.]+$|:/.test(h) ? leaf.checkIP(h) !== undefined : leaf.checkHost(h) !== undefined));
  } catch {
    return false;
  }
}
