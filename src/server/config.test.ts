import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe("passkeys' relying party in the configuration", () => {
  it.each([
    [{}, 'localhost', 'http://localhost:8080'],
    [
      { PARLEY_PUBLIC_URL: 'https://talks.example.org/' },
      'talks.example.org',
      'https://talks.example.org',
    ],
    [
      { PARLEY_PUBLIC_URL: 'https://talks.example.org:8443', PARLEY_PASSKEY_RP_ID: 'example.org' },
      'example.org',
      'https://talks.example.org:8443',
    ],
  ])('with %o uses relying party %s and origin %s', (env, rpId, origin) => {
    const config = loadConfig(env);
    expect(config.passkeyRpId).toBe(rpId);
    expect(config.passkeyOrigin).toBe(origin);
  });

  it.each(['other.org', 'ample.org', 'talks.example.org.evil'])(
    'refuses %s, which is not the public host nor a parent domain of it',
    (rpId) => {
      expect(() =>
        loadConfig({
          PARLEY_PUBLIC_URL: 'https://talks.example.org',
          PARLEY_PASSKEY_RP_ID: rpId,
        }),
      ).toThrow(/PARLEY_PASSKEY_RP_ID: must be talks\.example\.org or a parent domain/);
    },
  );
});

describe('trusted proxies in the configuration', () => {
  it('trusts no proxy unless told, so the TCP peer is the client', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });

  it('reads a comma-separated list of addresses, CIDR ranges and named ranges', () => {
    expect(
      loadConfig({ PARLEY_TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,fd00::/8 ,loopback' })
        .trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it.each(['proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1', '10.0.0.0/x'])(
    'refuses %s, which is neither an address nor a CIDR range',
    (entry) => {
      expect(() => loadConfig({ PARLEY_TRUSTED_PROXIES: `10.0.0.5,${entry}` })).toThrow(
        /PARLEY_TRUSTED_PROXIES: must be a comma-separated list/,
      );
    },
  );
});

describe('private networks feeds may be fetched from, in the configuration', () => {
  it('allows none unless told, so feeds come from public addresses only', () => {
    expect(loadConfig({}).feedAllowNetworks).toEqual([]);
  });

  it('reads a comma-separated list of CIDR ranges and single addresses', () => {
    expect(
      loadConfig({
        PARLEY_FEED_ALLOW_NETWORKS: ' 10.20.0.0/16, 192.168.5.0/24,,fd00:1::/32,10.9.8.7',
      }).feedAllowNetworks,
    ).toEqual(['10.20.0.0/16', '192.168.5.0/24', 'fd00:1::/32', '10.9.8.7']);
  });

  it('refuses to start with an entry that is no range, naming each such entry', () => {
    expect(() =>
      loadConfig({ PARLEY_FEED_ALLOW_NETWORKS: '10.20.0.0/16,intranet.example.org,10.0.0.0/33' }),
    ).toThrow(
      /PARLEY_FEED_ALLOW_NETWORKS: must be a comma-separated list of CIDR ranges, such as 10\.20\.0\.0\/16,192\.168\.5\.0\/24; not a range: intranet\.example\.org, 10\.0\.0\.0\/33/,
    );
  });
});
