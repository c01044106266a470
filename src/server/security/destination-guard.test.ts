import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  destinationGuard,
  embeddedIpv4,
  ForbiddenDestination,
  parseNetwork,
  reservedRangeOf,
  type Resolver,
} from './destination-guard.js';

describe('which IPv4 addresses are not public', () => {
  it.each([
    // Each range at its first and last address, and its neighbours outside.
    ['0.0.0.0', '0.0.0.0/8'],
    ['0.255.255.255', '0.0.0.0/8'],
    ['1.0.0.0', null],
    ['9.255.255.255', null],
    ['10.0.0.0', '10.0.0.0/8'],
    ['10.255.255.255', '10.0.0.0/8'],
    ['11.0.0.0', null],
    ['100.63.255.255', null],
    ['100.64.0.0', '100.64.0.0/10'],
    ['100.127.255.255', '100.64.0.0/10'],
    ['100.128.0.0', null],
    ['126.255.255.255', null],
    ['127.0.0.0', '127.0.0.0/8'],
    ['127.0.0.1', '127.0.0.0/8'],
    ['127.255.255.255', '127.0.0.0/8'],
    ['128.0.0.0', null],
    ['169.253.255.255', null],
    ['169.254.0.0', '169.254.0.0/16'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['169.254.255.255', '169.254.0.0/16'],
    ['169.255.0.0', null],
    ['172.15.255.255', null],
    ['172.16.0.0', '172.16.0.0/12'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['172.32.0.0', null],
    ['191.255.255.255', null],
    ['192.0.0.0', '192.0.0.0/24'],
    ['192.0.0.255', '192.0.0.0/24'],
    ['192.0.1.0', null],
    ['192.0.2.0', '192.0.2.0/24'],
    ['192.0.2.255', '192.0.2.0/24'],
    ['192.0.3.0', null],
    ['192.88.99.1', '192.88.99.0/24'],
    ['192.167.255.255', null],
    ['192.168.0.0', '192.168.0.0/16'],
    ['192.168.255.255', '192.168.0.0/16'],
    ['192.169.0.0', null],
    ['198.17.255.255', null],
    ['198.18.0.0', '198.18.0.0/15'],
    ['198.19.255.255', '198.18.0.0/15'],
    ['198.20.0.0', null],
    ['198.51.99.255', null],
    ['198.51.100.0', '198.51.100.0/24'],
    ['198.51.100.255', '198.51.100.0/24'],
    ['198.51.101.0', null],
    ['203.0.112.255', null],
    ['203.0.113.0', '203.0.113.0/24'],
    ['203.0.113.255', '203.0.113.0/24'],
    ['203.0.114.0', null],
    ['223.255.255.255', null],
    ['224.0.0.0', '224.0.0.0/4'],
    ['239.255.255.255', '224.0.0.0/4'],
    ['240.0.0.0', '240.0.0.0/4'],
    ['255.255.255.255', '240.0.0.0/4'],
    ['8.8.8.8', null],
    ['93.184.216.34', null],
  ])('%s is in %s', (address, range) => {
    expect(reservedRangeOf(address)).toBe(range);
  });
});

describe('which IPv6 addresses are not public', () => {
  it.each([
    ['::', '::/128'],
    ['::1', '::1/128'],
    ['0:0:0:0:0:0:0:1', '::1/128'],
    ['[::1]', '::1/128'],
    ['::2', '::/96'],
    // IPv4-mapped, in every spelling, judged by the IPv4 address.
    ['::ffff:127.0.0.1', '127.0.0.0/8'],
    ['::ffff:7f00:1', '127.0.0.0/8'],
    ['::FFFF:7F00:1', '127.0.0.0/8'],
    ['0:0:0:0:0:ffff:10.1.2.3', '10.0.0.0/8'],
    ['::ffff:a9fe:a9fe', '169.254.0.0/16'],
    ['::ffff:0.0.0.0', '0.0.0.0/8'],
    ['::ffff:8.8.8.8', null],
    // NAT64 and 6to4, judged by the IPv4 address they lead to.
    ['64:ff9b::7f00:1', '127.0.0.0/8'],
    ['64:ff9b::10.0.0.1', '10.0.0.0/8'],
    ['64:ff9b::192.168.1.1', '192.168.0.0/16'],
    ['64:ff9b::8.8.8.8', null],
    ['64:ff9b:1::1', '64:ff9b:1::/48'],
    ['2002:7f00:1::', '127.0.0.0/8'],
    ['2002:a9fe:a9fe::1', '169.254.0.0/16'],
    ['2002:808:808::1', null],
    ['100::1', '100::/64'],
    ['2001::1', '2001::/32'],
    ['2001:2::1', '2001:2::/48'],
    ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', null],
    ['2001:db8::', '2001:db8::/32'],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '2001:db8::/32'],
    ['2001:db9::', null],
    ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'outside 2000::/3'],
    ['fc00::', 'fc00::/7'],
    ['fd12:3456::1', 'fc00::/7'],
    ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fc00::/7'],
    ['fe80::', 'fe80::/10'],
    ['fe80::1%eth0', 'fe80::/10'],
    ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::/10'],
    ['fec0::1', 'fec0::/10'],
    ['ff00::', 'ff00::/8'],
    ['ff02::1', 'ff00::/8'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ff00::/8'],
    ['1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'outside 2000::/3'],
    ['4000::1', 'outside 2000::/3'],
    ['2000::', null],
    ['2606:4700:4700::1111', null],
    ['2a00:1450:4001:82b::200e', null],
    ['3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', null],
  ])('%s is in %s', (address, range) => {
    expect(reservedRangeOf(address)).toBe(range);
  });

  it.each(['', 'localhost', '127.1', '1.2.3.4.5', '::ffff:300.1.1.1', 'fe80::1::2'])(
    'answers %j, which is no address, as never to be connected to',
    (text) => {
      expect(reservedRangeOf(text)).toBe('invalid');
    },
  );

  it('finds the IPv4 address inside a mapped, NAT64 or 6to4 address, and none elsewhere', () => {
    expect(embeddedIpv4('::ffff:c0a8:101')).toBe('192.168.1.1');
    expect(embeddedIpv4('64:ff9b::c0a8:101')).toBe('192.168.1.1');
    expect(embeddedIpv4('2002:c0a8:101::')).toBe('192.168.1.1');
    expect(embeddedIpv4('64:ff9b:0:0:1::c0a8:101')).toBeNull();
    expect(embeddedIpv4('::fffe:c0a8:101')).toBeNull();
    expect(embeddedIpv4('2001:db8::1')).toBeNull();
  });
});

describe('the networks an operator may allow', () => {
  it.each([
    ['10.20.0.0/16', { address: '10.20.0.0', prefix: 16, family: 'ipv4' }],
    [' 192.168.5.0/24 ', { address: '192.168.5.0', prefix: 24, family: 'ipv4' }],
    ['10.0.0.7', { address: '10.0.0.7', prefix: 32, family: 'ipv4' }],
    ['0.0.0.0/0', { address: '0.0.0.0', prefix: 0, family: 'ipv4' }],
    ['fd00:1::/32', { address: 'fd00:1::', prefix: 32, family: 'ipv6' }],
    ['::1/128', { address: '::1', prefix: 128, family: 'ipv6' }],
  ])('reads %j', (text, network) => {
    expect(parseNetwork(text)).toEqual(network);
  });

  it.each([
    '',
    'intranet.example.org',
    '10.0.0.0/33',
    '10.0.0.0/-1',
    '10.0.0.0/',
    '10.0.0.0/1a',
    '10.0.0.0/8/8',
    '300.0.0.0/8',
    'fd00::/129',
    '[fd00::]/8',
  ])('refuses %j, which is no CIDR range', (text) => {
    expect(parseNetwork(text)).toBeNull();
  });
});

describe('the destination guard', () => {
  it('permits public addresses and refuses private ones by default', () => {
    const guard = destinationGuard();
    for (const a of ['8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(guard.permits(a), a).toBe(true);
    for (const a of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '::1', '::ffff:7f00:1', 'x'])
      expect(guard.permits(a), a).toBe(false);
  });

  it('permits the networks the operator allowed, and nothing beside them', () => {
    const guard = destinationGuard(['10.20.0.0/16', '127.0.0.1/32', 'fd00:1::/32']);
    expect(guard.permits('10.20.0.0')).toBe(true);
    expect(guard.permits('10.20.255.255')).toBe(true);
    expect(guard.permits('10.21.0.0')).toBe(false);
    expect(guard.permits('10.19.255.255')).toBe(false);
    expect(guard.permits('127.0.0.1')).toBe(true);
    expect(guard.permits('127.0.0.2')).toBe(false);
    // The same IPv4 host written as IPv4-mapped IPv6 is allowed alike.
    expect(guard.permits('::ffff:127.0.0.1')).toBe(true);
    expect(guard.permits('::ffff:127.0.0.2')).toBe(false);
    expect(guard.permits('fd00:1:ffff::5')).toBe(true);
    expect(guard.permits('fd00:2::5')).toBe(false);
    expect(guard.permits('::1')).toBe(false);
  });

  it('refuses to be built with a network that is no CIDR range', () => {
    expect(() => destinationGuard(['10.0.0.0/33'])).toThrow(/Not a CIDR range: 10\.0\.0\.0\/33/);
  });

  const lookupOf = (answers: Record<string, LookupAddress[]>, allow: string[] = []) => {
    const resolve: Resolver = async (host) => answers[host] ?? [];
    const guard = destinationGuard(allow, resolve);
    return (host: string, options: { all?: boolean; family?: number }) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
        (done) =>
          guard.lookup(host, options, (err, address, family) => done({ err, address, family })),
      );
  };

  it('answers every address of a public name when asked for all (autoSelectFamily)', async () => {
    const lookup = lookupOf({
      'feeds.example.org': [
        { address: '2606:4700::1', family: 6 },
        { address: '93.184.216.34', family: 4 },
      ],
    });
    expect(await lookup('feeds.example.org', { all: true })).toEqual({
      err: null,
      address: [
        { address: '2606:4700::1', family: 6 },
        { address: '93.184.216.34', family: 4 },
      ],
      family: undefined,
    });
    expect(await lookup('feeds.example.org', {})).toEqual({
      err: null,
      address: '2606:4700::1',
      family: 6,
    });
    expect(await lookup('feeds.example.org', { family: 4 })).toEqual({
      err: null,
      address: '93.184.216.34',
      family: 4,
    });
  });

  it.each([
    ['all addresses', { all: true }],
    ['one address', {}],
  ])(
    'refuses a name with any private address among its public ones, asked for %s',
    async (_, options) => {
      const lookup = lookupOf({
        'rebound.example.org': [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ],
      });
      const { err, address } = await lookup('rebound.example.org', options);
      expect(err).toBeInstanceOf(ForbiddenDestination);
      expect((err as ForbiddenDestination).host).toBe('rebound.example.org');
      expect(address).toBe('');
    },
  );

  it('lets a private address through when its network is allowed', async () => {
    const lookup = lookupOf({ intranet: [{ address: '10.20.1.5', family: 4 }] }, ['10.20.0.0/16']);
    expect(await lookup('intranet', { all: true })).toMatchObject({
      err: null,
      address: [{ address: '10.20.1.5', family: 4 }],
    });
  });

  it('answers a name without an address as not found, like the system resolver', async () => {
    const { err } = await lookupOf({})('nowhere.example.org', { all: true });
    expect(err?.code).toBe('ENOTFOUND');
  });

  it('hands on the resolver’s own failure', async () => {
    const failing: Resolver = () =>
      Promise.reject(Object.assign(new Error('down'), { code: 'EAI_AGAIN' }));
    const guard = destinationGuard([], failing);
    const err = await new Promise<NodeJS.ErrnoException | null>((done) =>
      guard.lookup('feeds.example.org', { all: true }, (e) => done(e)),
    );
    expect(err?.code).toBe('EAI_AGAIN');
  });
});
