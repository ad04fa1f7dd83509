import { useEffect, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: string };

/** Runs an async load when its key changes; the latest load wins. */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [settled, setSettled] = useState<{ key: string; state: AsyncState<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setSettled({ key, state: { status: 'ready', value } }),
      (error: unknown) =>
        current &&
        setSettled({
          key,
          state: {
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          },
        }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; the key says when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return settled?.key === key ? settled.state : { status: 'loading' };
}
