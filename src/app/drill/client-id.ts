/**
 * Ids for actions, so a re-sent action applies once. Phones on a meeting-room network use
 * plain HTTP, which is not a secure context: `crypto.randomUUID` is missing there, but
 * `crypto.getRandomValues` is not.
 */
export function newClientId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
