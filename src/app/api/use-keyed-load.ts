/**
 * Loads what only the server's facilitator key opens (library, scenario, guide, History),
 * telling a refused key apart from every other failure, so the page can ask for the key
 * instead of showing the server's refusal; `reload` runs the load again once a key is kept.
 */
import { useMemo, useState } from 'react';
import { useAsync } from '../components/use-async';
import { ApiError } from './api-client';

export type KeyedLoad<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: string }
  | { readonly status: 'needs-key' };

/** Whether the server refused the call for want of its facilitator key (401 on these routes). */
export const isKeyRefusal = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 401;

export function useKeyedLoad<T>(
  load: () => Promise<T>,
  key: string,
): { readonly loaded: KeyedLoad<T>; readonly reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const settled = useAsync(async () => {
    try {
      return { value: await load() };
    } catch (error) {
      if (isKeyRefusal(error)) return null;
      throw error;
    }
  }, `${key}#${attempt}`);
  // One object per settled load, so a page's memos over it do not run on every render.
  const loaded = useMemo((): KeyedLoad<T> => {
    if (settled.status !== 'ready') return settled;
    return settled.value === null
      ? { status: 'needs-key' }
      : { status: 'ready', value: settled.value.value };
  }, [settled]);
  return { loaded, reload: () => setAttempt((count) => count + 1) };
}
