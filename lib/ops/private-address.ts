import dns from 'node:dns';
import net from 'node:net';
import { bareHost, denyPrivateTargets, isPrivateAddress } from './private-target';

export { denyPrivateTargets, isPrivateAddress, literalTargetProblem } from './private-target';

export class PrivateTargetError extends Error {
  constructor(readonly url: string, readonly address: string) {
    super(`refusing to connect to ${address}: private, loopback or link-local address (RESULT_URL_DENY_PRIVATE=1)`);
  }
}

type LookupAll = (hostname: string, options: dns.LookupAllOptions) => Promise<dns.LookupAddress[]>;

/**
 * Delivery-time check: resolves the URL's host and refuses when any address it resolves to is
 * private (DNS may point a public-looking name at 10.0.0.1). Does nothing unless
 * RESULT_URL_DENY_PRIVATE=1. Throws PrivateTargetError; the outbox should record that as the
 * attempt's error (a retry may succeed if DNS changes, and the delivery goes dead after the last).
 *
 * A check before connecting leaves a window in which DNS can change (rebinding): the result
 * outbox's client (lib/results/result-fetch.ts) also resolves through `publicOnlyLookup` when it
 * connects, so the address checked is the address connected to.
 */
export async function assertPublicDestination(
  rawUrl: string,
  env: Record<string, string | undefined> = process.env,
  lookupAll: LookupAll = (h, o) => dns.promises.lookup(h, o),
): Promise<void> {
  if (!denyPrivateTargets(env)) return;
  const url = new URL(rawUrl);
  const host = bareHost(url);
  if (host === 'localhost' || host.endsWith('.localhost')) throw new PrivateTargetError(rawUrl, host);
  const addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await lookupAll(host, { all: true, verbatim: true });
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) throw new PrivateTargetError(rawUrl, bad.address);
}

/**
 * A dns.lookup replacement for node:http / node:https `lookup` (and net.connect) that fails
 * with PrivateTargetError when RESULT_URL_DENY_PRIVATE=1 and the host resolves to a private
 * address. With the flag off it is plain dns.lookup.
 */
export function publicOnlyLookup(
  hostname: string,
  options: dns.LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    if (denyPrivateTargets()) {
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new PrivateTargetError(hostname, bad.address), { code: 'EPRIVATE' }), '');
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    callback(null, first.address, first.family);
  });
}
