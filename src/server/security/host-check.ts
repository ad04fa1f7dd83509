/**
 * Requests to a server listening on loopback must name a loopback host: a page on another
 * site that rebinds its DNS name to 127.0.0.1 would otherwise reach the API (DNS rebinding).
 * WebSocket upgrades from a browser must come from this server's own origin.
 */
const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  return loopbackNames.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The hostname part of a Host header (`[::1]:8080` → `[::1]`). */
export function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

export function isAllowedHost(
  hostHeader: string | undefined,
  listeningOnLoopback: boolean,
): boolean {
  if (!listeningOnLoopback) return true;
  return hostHeader !== undefined && isLoopbackHost(hostnameOf(hostHeader.toLowerCase()));
}

/** A browser's WebSocket must come from the page this server served; tools send no Origin. */
export function isAllowedOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
): boolean {
  if (origin === undefined) return true;
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader.toLowerCase();
  } catch {
    return false;
  }
}
