/**
 * The check the browser makes on frames from the server. Plain code rather than zod: it runs
 * on phones, and the participant page's whole JavaScript budget is 100 kB.
 */
import type { ServerFrame } from './ws-messages';

export const serverFrameTypes = [
  'snapshot',
  'entries',
  'ack',
  'refused',
  'error',
  'participants',
  'metric',
  'pong',
] as const;

export function isServerFrame(value: unknown): value is ServerFrame {
  if (typeof value !== 'object' || value === null) return false;
  const frame = value as Record<string, unknown>;
  switch (frame.type) {
    case 'snapshot':
      return (
        typeof frame.snapshot === 'object' &&
        frame.snapshot !== null &&
        Array.isArray((frame.snapshot as { entries?: unknown }).entries)
      );
    case 'entries':
      return typeof frame.seq === 'number' && Array.isArray(frame.entries);
    case 'ack':
      return typeof frame.seq === 'number';
    case 'refused':
    case 'error':
      return typeof frame.error === 'string';
    case 'participants':
      return Array.isArray(frame.participants);
    case 'metric':
      return typeof frame.seq === 'number' && Array.isArray(frame.points);
    case 'pong':
      return true;
    default:
      return false;
  }
}
