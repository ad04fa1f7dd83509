/**
 * The app's routes (stable: people bookmark and share them) and a small router on the
 * History API: a route is a pattern, a match gives its parameters.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly page: 'library' }
  | { readonly page: 'scenario'; readonly id: string }
  | { readonly page: 'guide'; readonly id: string }
  | { readonly page: 'console'; readonly id: string }
  | { readonly page: 'projector'; readonly id: string }
  | { readonly page: 'join'; readonly code: string | null }
  | { readonly page: 'scorecard'; readonly id: string }
  | { readonly page: 'report'; readonly id: string }
  | { readonly page: 'history' }
  | { readonly page: 'not-found' };

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) return { page: 'library' };
  if (first === 'scenarios' && second && parts.length === 2)
    return { page: 'scenario', id: second };
  if (first === 'scenarios' && second && third === 'guide' && parts.length === 3)
    return { page: 'guide', id: second };
  if (first === 'drills' && second && parts.length === 2) return { page: 'console', id: second };
  if (first === 'drills' && second && third === 'projector' && parts.length === 3)
    return { page: 'projector', id: second };
  if (first === 'drills' && second && third === 'scorecard' && parts.length === 3)
    return { page: 'scorecard', id: second };
  if (first === 'drills' && second && third === 'report' && parts.length === 3)
    return { page: 'report', id: second };
  if (first === 'join' && parts.length <= 2) return { page: 'join', code: second ?? null };
  if (first === 'history' && parts.length === 1) return { page: 'history' };
  return { page: 'not-found' };
}

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current route; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return matchRoute(pathname);
}
