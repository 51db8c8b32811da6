/**
 * Which network addresses `copydesk fetch` may connect to.
 *
 * A page URL, or any redirect it answers with, can name a host on the
 * machine's own network: the loopback interface, a private LAN, the cloud
 * metadata service at 169.254.169.254. By default copydesk connects to public
 * unicast addresses only. The check is made on the address the socket is
 * opened to (the DNS lookup of {@link guardedLookup}, IP literals
 * checked by {@link guardedConnector} before connecting), not on the URL's
 * name, so a name that resolves to a public address once and a private one
 * the next time (DNS rebinding) gains nothing. The ranges come from
 * ipaddr.js, which keeps the IANA special-purpose registries.
 */

import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, type Dispatcher } from 'undici';

/**
 * ipaddr.js range names, as said in an error message. Every range but
 * `unicast` is refused; the names not listed here (`6to4`, `teredo`, ...)
 * are said as ipaddr.js names them.
 */
const RANGE_NAMES: Readonly<Record<string, string>> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT (shared)',
  private: 'private',
  reserved: 'reserved',
  uniqueLocal: 'unique-local',
  discard: 'discard-only',
  rfc6145: 'IPv4-translated',
  ipv4Compatible: 'IPv4-compatible (deprecated)',
};

/**
 * The special-purpose range an address falls in, or null for a public unicast
 * address. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) and NAT64 (`64:ff9b::/96`)
 * addresses are judged by the IPv4 address they carry; an unparsable address
 * counts as not public.
 */
export function specialRangeOf(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    const bare = address.replace(/^\[|\]$/g, '');
    const zone = bare.indexOf('%'); // an IPv6 zone (fe80::1%eth0) names an interface, not an address
    parsed = ipaddr.parse(zone === -1 ? bare : bare.slice(0, zone));
  } catch {
    return 'unparsable';
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const range = v6.range();
    if (range === 'ipv4Mapped') return specialRangeOf(v6.toIPv4Address().toString());
    if (range === 'rfc6052') return specialRangeOf(ipaddr.fromByteArray(v6.toByteArray().slice(12)).toString());
    // ::a.b.c.d, the deprecated IPv4-compatible form, which ipaddr.js calls unicast.
    if (range === 'unicast' && v6.parts.slice(0, 6).every((p) => p === 0)) return 'ipv4Compatible';
    return range === 'unicast' ? null : range;
  }
  const range = parsed.range();
  return range === 'unicast' ? null : range;
}

/** A connection refused because the address is not public (error kind `blocked-address`). */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  /** Node-style error code, so the fetch code can tell this refusal from a network failure. */
  readonly code = 'EBLOCKEDADDRESS';
  constructor(
    /** The host name asked for. */
    readonly host: string,
    /** The address it resolved to (or the literal). */
    readonly address: string,
    /** The special-purpose range (an ipaddr.js name). */
    readonly range: string,
  ) {
    const via = host === address ? address : `${host} (${address})`;
    super(`refused to connect to ${via}: a ${RANGE_NAMES[range] ?? range} address; fetching from local or private networks needs --allow-private-network`);
  }
}

/** How a name is resolved and how an address is judged; tests replace them to stand for DNS and the public internet. */
export interface AddressPolicy {
  /** Resolves a host name (default `dns.lookup`). */
  lookup?: typeof dns.lookup;
  /** The special range of an address, null when it may be connected to (default {@link specialRangeOf}). */
  specialRange?: (address: string) => string | null;
}

/**
 * A `lookup` for `net.connect` that resolves every address of a name, drops
 * those outside public unicast, and fails with {@link BlockedAddressError}
 * when none is left. Only what it returns is connected to.
 */
export function guardedLookup(policy: AddressPolicy = {}): LookupFunction {
  const { lookup = dns.lookup, specialRange = specialRangeOf } = policy;
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, found) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      const list = found as unknown as dns.LookupAddress[];
      const allowed = list.filter((a) => specialRange(a.address) === null);
      if (allowed.length === 0) {
        const first = list[0];
        const blocked =
          first === undefined
            ? new Error(`no address for ${hostname}`)
            : new BlockedAddressError(hostname, first.address, specialRange(first.address) ?? 'unknown');
        callback(blocked as NodeJS.ErrnoException, '', 0);
        return;
      }
      // net.connect asks for every address when it tries several (autoSelectFamily).
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      else callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/**
 * undici's connector with {@link guardedLookup}; a URL whose host is an IP
 * literal (net.connect does no lookup for those) is checked here, before any
 * socket is opened.
 */
export function guardedConnector(policy: AddressPolicy = {}): buildConnector.connector {
  const specialRange = policy.specialRange ?? specialRangeOf;
  const connect = buildConnector({ lookup: guardedLookup(policy) });
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) {
      const range = specialRange(host);
      if (range !== null) {
        callback(new BlockedAddressError(host, host, range), null);
        return;
      }
    }
    connect(options, callback);
  };
}

/**
 * The dispatcher copydesk fetches with: public addresses only, unless
 * `allowPrivateNetwork` (then undici's ordinary agent).
 */
export function fetchDispatcher(allowPrivateNetwork: boolean): Dispatcher {
  return allowPrivateNetwork ? new Agent() : new Agent({ connect: guardedConnector() });
}

/** The {@link BlockedAddressError} behind a failed fetch, if that is why it failed. */
export function blockedAddressOf(e: unknown): BlockedAddressError | null {
  for (let cause: unknown = e, depth = 0; cause instanceof Error && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof BlockedAddressError) return cause;
  }
  return null;
}
