import { useEffect, useState } from 'react';
import type { DrillSnapshot } from '../../protocol/drill-snapshot';

export interface JoinDetails {
  readonly code: string;
  readonly url: string | null;
}

/**
 * The join code and URL, kept once seen: the projector's snapshot carries them only while the
 * drill is in briefing (api.md v2), and the room may still ask for them later (key `j`).
 */
export function useRememberedJoin(snapshot: DrillSnapshot | null): JoinDetails | null {
  const code = snapshot?.drill.joinCode ?? null;
  const url = snapshot?.drill.joinUrl ?? null;
  const [remembered, setRemembered] = useState<JoinDetails | null>(null);
  if (code !== null && (remembered?.code !== code || (url !== null && remembered.url !== url)))
    setRemembered({ code, url: url ?? remembered?.url ?? null });
  return code === null ? remembered : { code, url: url ?? remembered?.url ?? null };
}

/** Whether a key (without modifiers, outside form fields) has toggled something on. */
export function useKeyToggle(key: string): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)
        return;
      if (event.key.toLowerCase() === key) setShown((was) => !was);
      else if (event.key === 'Escape') setShown(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key]);
  return [shown, setShown];
}
