/**
 * The address phones open to join a drill (api.md v2): `--public-url` when given, else the
 * machine's first non-loopback IPv4 address when the server listens beyond loopback, else
 * (loopback only, no phones expected) the listening address. Never a loopback address when
 * phones are expected, whichever address the facilitator opened the console at.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost } from './security/host-check';

/** What `os.networkInterfaces()` answers. */
export type NetworkInterfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export type PublicUrlCheck =
  { readonly ok: true; readonly baseUrl: string } | { readonly ok: false; readonly error: string };

/**
 * Checks `--public-url` (or FIREDRILL_PUBLIC_URL): an absolute http or https address with no
 * path beyond an optional trailing slash; the base comes back without that slash.
 */
export function checkPublicUrl(text: string): PublicUrlCheck {
  const refuse = (why: string): PublicUrlCheck => ({
    ok: false,
    error: `--public-url (FIREDRILL_PUBLIC_URL) ${JSON.stringify(text)}: ${why} (for example http://192.168.1.20:8080)`,
  });
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('not an absolute address: start it with http:// or https://');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return refuse('the address must start with http:// or https://');
  if (url.username !== '' || url.password !== '') return refuse('no user name or password');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text))
    return refuse('only the scheme, host and port: no path, query or fragment');
  return { ok: true, baseUrl: url.origin };
}

/** Where the server listens: the `--host` it was given and the port it is bound to. */
export interface Listening {
  readonly host: string;
  readonly port: number;
}

/**
 * The join base (`http://192.168.1.20:8080`) for a server listening at `listening`, or null
 * when it listens beyond loopback and the machine has no address a phone could reach (no
 * network): then the console says to start with `--public-url`.
 */
export function joinBaseFor(listening: Listening, interfaces: NetworkInterfaces): string | null {
  const { host, port } = listening;
  if (isLoopbackHost(host)) return `http://${bracketed(host)}:${port}`;
  if (host !== '0.0.0.0' && host !== '::' && host !== '')
    return `http://${bracketed(host)}:${port}`;
  const lan = firstLanIpv4(interfaces);
  return lan === null ? null : `http://${lan}:${port}`;
}

/** The address a phone opens to join with this code, or null when no address is known. */
export const joinUrlOf = (baseUrl: string | null, code: string): string | null =>
  baseUrl === null ? null : `${baseUrl}/join/${code}`;

/** The first IPv4 address of the machine that is not loopback, in the order the system lists them. */
export function firstLanIpv4(interfaces: NetworkInterfaces): string | null {
  for (const addresses of Object.values(interfaces))
    for (const address of addresses ?? [])
      if (isIpv4(address.family) && !address.internal && !address.address.startsWith('127.'))
        return address.address;
  return null;
}

/** Node 18.0–18.3 reported the family as a number. */
const isIpv4 = (family: string | number) => family === 'IPv4' || family === 4;

const bracketed = (host: string) =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
