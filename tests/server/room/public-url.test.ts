/** The join address phones can reach (public-url.ts): `--public-url`, else picked from the interfaces. */
import { describe, expect, it } from 'vitest';
import type { NetworkInterfaces } from '../../../src/server/public-url';
import { checkPublicUrl, firstLanIpv4, joinBaseFor } from '../../../src/server/public-url';

const loopbackOnly: NetworkInterfaces = {
  lo: [
    {
      address: '127.0.0.1',
      netmask: '255.0.0.0',
      family: 'IPv4',
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '127.0.0.1/8',
    },
    {
      address: '::1',
      netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      family: 'IPv6',
      mac: '00:00:00:00:00:00',
      internal: true,
      cidr: '::1/128',
      scopeid: 0,
    },
  ],
};
const laptop: NetworkInterfaces = {
  ...loopbackOnly,
  wlan0: [
    {
      address: 'fe80::1',
      netmask: 'ffff:ffff:ffff:ffff::',
      family: 'IPv6',
      mac: 'aa:bb:cc:dd:ee:ff',
      internal: false,
      cidr: 'fe80::1/64',
      scopeid: 3,
    },
    {
      address: '192.168.1.20',
      netmask: '255.255.255.0',
      family: 'IPv4',
      mac: 'aa:bb:cc:dd:ee:ff',
      internal: false,
      cidr: '192.168.1.20/24',
    },
  ],
  docker0: [
    {
      address: '172.17.0.1',
      netmask: '255.255.0.0',
      family: 'IPv4',
      mac: '02:42:00:00:00:00',
      internal: false,
      cidr: '172.17.0.1/16',
    },
  ],
};

describe('when the server listens beyond loopback', () => {
  it('uses the first non-loopback IPv4 address with the port', () => {
    expect(joinBaseFor({ host: '0.0.0.0', port: 8080 }, laptop)).toBe('http://192.168.1.20:8080');
    expect(joinBaseFor({ host: '::', port: 8080 }, laptop)).toBe('http://192.168.1.20:8080');
  });

  it('uses the address it was told to listen on when that is one address', () => {
    expect(joinBaseFor({ host: '10.0.0.5', port: 9000 }, laptop)).toBe('http://10.0.0.5:9000');
    expect(joinBaseFor({ host: 'fd00::5', port: 9000 }, laptop)).toBe('http://[fd00::5]:9000');
  });

  it('gives no address rather than a loopback one when the machine has no network', () => {
    expect(joinBaseFor({ host: '0.0.0.0', port: 8080 }, loopbackOnly)).toBeNull();
    expect(firstLanIpv4(loopbackOnly)).toBeNull();
  });
});

describe('when the server listens on loopback only', () => {
  it('uses the listening address (no phone is expected)', () => {
    expect(joinBaseFor({ host: '127.0.0.1', port: 8080 }, laptop)).toBe('http://127.0.0.1:8080');
    expect(joinBaseFor({ host: 'localhost', port: 8080 }, laptop)).toBe('http://localhost:8080');
    expect(joinBaseFor({ host: '::1', port: 8080 }, laptop)).toBe('http://[::1]:8080');
  });
});

describe('when --public-url is checked', () => {
  it.each([
    ['http://192.168.1.20:8080', 'http://192.168.1.20:8080'],
    ['https://drill.example.org/', 'https://drill.example.org'],
    ['  http://Drill.Example.org:8080/  ', 'http://drill.example.org:8080'],
  ])('accepts %j as %j', (given, base) => {
    expect(checkPublicUrl(given)).toEqual({ ok: true, baseUrl: base });
  });

  it.each([
    ['a bare host', '192.168.1.20:8080', 'not an absolute address'],
    ['no address at all', 'drills', 'not an absolute address'],
    ['another scheme', 'ftp://192.168.1.20', 'must start with http:// or https://'],
    ['a path', 'http://192.168.1.20:8080/firedrill', 'no path, query or fragment'],
    ['a query', 'http://192.168.1.20:8080/?a=1', 'no path, query or fragment'],
    ['a fragment', 'http://192.168.1.20:8080#x', 'no path, query or fragment'],
    ['credentials', 'http://me:secret@192.168.1.20', 'no user name or password'],
  ])('refuses %s, saying why', (_case, given, why) => {
    const checked = checkPublicUrl(given);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error).toContain(why);
      expect(checked.error).toContain('--public-url');
    }
  });
});
