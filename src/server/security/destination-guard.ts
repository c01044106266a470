/**
 * Where the server may send a request of its own (a feed fetch): only to a public address, unless
 * the operator allowed a private network (PARLEY_FEED_ALLOW_NETWORKS). Otherwise a member who may
 * add a feed could make the server ask its own loopback services, the cloud's metadata endpoint
 * (169.254.169.254) or intranet hosts, and read the answers back as feed entries or learn from
 * the errors what answers where.
 *
 * The check is made on the address a connection is about to use, not on the name in the URL:
 * `lookup` replaces the resolver of a node:http(s) request, so a name that resolves to a public
 * address when looked at and to a private one when connected (DNS rebinding) cannot pass, and
 * nothing is connected to before the check. A name that resolves to several addresses is refused
 * when any of them is refused. A literal address in a URL skips the resolver and is checked with
 * `permits` before the request.
 *
 * An IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4
 * 2002::/16) is judged by the IPv4 address it leads to; any other IPv6 address outside 2000::/3,
 * the global unicast space, is refused.
 */
import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** One CIDR range, with the family its address is in. */
export interface Network {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** Ranges that are not public, IPv4 (RFC 6890 and the IANA special-purpose registries). */
const reservedV4 = [
  '0.0.0.0/8', // "this network"; 0.0.0.0 reaches the host itself on Linux
  '10.0.0.0/8', // private (RFC 1918)
  '100.64.0.0/10', // carrier-grade NAT, shared address space
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, where cloud metadata endpoints answer
  '172.16.0.0/12', // private (RFC 1918)
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation (TEST-NET-1)
  '192.88.99.0/24', // former 6to4 relay anycast
  '192.168.0.0/16', // private (RFC 1918)
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation (TEST-NET-2)
  '203.0.113.0/24', // documentation (TEST-NET-3)
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the broadcast address 255.255.255.255
];

/** Ranges that are not public, IPv6; the ones that carry an IPv4 address are handled apart. */
const reservedV6 = [
  '::/128', // unspecified
  '::1/128', // loopback
  '::/96', // IPv4-compatible (deprecated)
  '64:ff9b:1::/48', // NAT64 for local use
  '100::/64', // discard-only
  '2001::/32', // Teredo: the IPv4 address inside is obfuscated and a relay may reach anything
  '2001:2::/48', // benchmarking
  '2001:db8::/32', // documentation
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
];

/** A CIDR range as a network, or null when it is not one. A bare address is a range of one. */
export function parseNetwork(text: string): Network | null {
  const [address = '', prefix, ...rest] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const max = version === 4 ? 32 : 128;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return null;
  const bits = prefix === undefined ? max : Number(prefix);
  if (bits > max) return null;
  return { address, prefix: bits, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** One range per list, so that a match can be named. A list checks only its own family. */
function listOf(cidr: string): { cidr: string; list: BlockList } {
  const n = parseNetwork(cidr);
  if (!n) throw new Error(`Not a CIDR range: ${cidr}`);
  const list = new BlockList();
  list.addSubnet(n.address, n.prefix, n.family);
  return { cidr, list };
}

const v4Lists = reservedV4.map(listOf);
const v6Lists = reservedV6.map(listOf);
const globalUnicast = listOf('2000::/3').list;

/** The eight 16-bit groups of an IPv6 address (already known to be one, zone id removed). */
function groupsOf(address: string): number[] {
  let text = address;
  // A trailing dotted IPv4 part (::ffff:1.2.3.4) becomes two groups.
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number];
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((h) => parseInt(h, 16)));
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The IPv4 address two groups hold. */
const ipv4Of = (high: number, low: number): string =>
  `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/**
 * The IPv4 address an IPv6 address leads to, when it carries one: IPv4-mapped (::ffff:0:0/96),
 * NAT64 (64:ff9b::/96) and 6to4 (2002::/16); otherwise null.
 */
export function embeddedIpv4(address: string): string | null {
  const g = groupsOf(address);
  const at = (i: number) => g[i] ?? 0;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && at(5) === 0xffff) return ipv4Of(at(6), at(7));
  if (at(0) === 0x64 && at(1) === 0xff9b && zeros(2, 6)) return ipv4Of(at(6), at(7));
  if (at(0) === 0x2002) return ipv4Of(at(1), at(2));
  return null;
}

/** An address without brackets or a zone id (fe80::1%eth0), or null when it is no IP address. */
function plainAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return null;
  return { address: bare.toLowerCase(), family: version === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * The reserved range an address is in (as CIDR, e.g. `127.0.0.0/8`; for an IPv6 address that
 * carries an IPv4 one, the range of the IPv4 address; `outside 2000::/3` for IPv6 beyond global
 * unicast), or null when the address is public. What is not an IP address at all is answered as
 * reserved (`invalid`): it is never connected to.
 */
export function reservedRangeOf(address: string): string | null {
  const ip = plainAddress(address);
  if (!ip) return 'invalid';
  if (ip.family === 'ipv4')
    return v4Lists.find((r) => r.list.check(ip.address, 'ipv4'))?.cidr ?? null;
  const inner = embeddedIpv4(ip.address);
  if (inner !== null) return reservedRangeOf(inner);
  const named = v6Lists.find((r) => r.list.check(ip.address, 'ipv6'))?.cidr;
  if (named) return named;
  // Only 2000::/3 is global unicast today; the rest is unassigned or for special use.
  return globalUnicast.check(ip.address, 'ipv6') ? null : 'outside 2000::/3';
}

/** Raised (to the request, through `lookup`) when a destination is not permitted. */
export class ForbiddenDestination extends Error {
  /** Like a system error's code, so that it reads alike in logs. */
  readonly code = 'EPARLEYFORBIDDEN';
  constructor(readonly host: string) {
    super(`${host} is on a private or reserved network`);
  }
}

/** Resolves a host name to all its addresses (the system resolver unless a test gives another). */
export type Resolver = (hostname: string) => Promise<ReadonlyArray<LookupAddress>>;

/** The system's resolver, as `dns.lookup` answers it (hosts file included). */
export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true });

/** Decides destinations: public addresses, and those in the networks the operator allowed. */
export interface DestinationGuard {
  /** Whether a connection to this address may be made. */
  permits(address: string): boolean;
  /**
   * A replacement for a request's resolver: resolves with `resolve`, and fails with
   * ForbiddenDestination, before any connection, when an address it found is not permitted.
   */
  lookup: LookupFunction;
}

/** A guard that lets through public addresses and the `allowNetworks` (CIDR ranges). */
export function destinationGuard(
  allowNetworks: readonly string[] = [],
  resolve: Resolver = systemResolver,
): DestinationGuard {
  const allowed = { ipv4: new BlockList(), ipv6: new BlockList() };
  for (const text of allowNetworks) {
    const n = parseNetwork(text);
    if (!n) throw new Error(`Not a CIDR range: ${text}`);
    allowed[n.family].addSubnet(n.address, n.prefix, n.family);
  }
  const isAllowed = (address: string, family: 'ipv4' | 'ipv6') =>
    allowed[family].check(address, family);

  function permits(address: string): boolean {
    const ip = plainAddress(address);
    if (!ip) return false;
    if (reservedRangeOf(ip.address) === null) return true;
    if (isAllowed(ip.address, ip.family)) return true;
    const inner = ip.family === 'ipv6' ? embeddedIpv4(ip.address) : null;
    return inner !== null && isAllowed(inner, 'ipv4');
  }

  const lookup = ((
    hostname: string,
    options: LookupOptions,
    callback: (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    resolve(hostname).then(
      (found) => {
        const family =
          options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = found.filter((a) => !family || a.family === family);
        const first = addresses[0];
        if (!first) {
          const none: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          none.code = 'ENOTFOUND';
          callback(none, '');
          return;
        }
        if (!addresses.every((a) => permits(a.address))) {
          callback(new ForbiddenDestination(hostname), '');
          return;
        }
        if (options.all)
          callback(
            null,
            addresses.map((a) => ({ ...a })),
          );
        else callback(null, first.address, first.family);
      },
      (e: NodeJS.ErrnoException) => callback(e, ''),
    );
  }) as LookupFunction;

  return { permits, lookup };
}
