import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillConnection } from './drill-connection';
import { connectDrill } from './drill-connection';
import type { DrillStore, DrillStoreOptions } from './drill-store';
import { createDrillStore } from './drill-store';

/** A store and a live connection for one drill, for as long as the page shows it. */
export function useDrillConnection(
  drillId: string,
  token: string | null,
  options: DrillStoreOptions = {},
): { store: DrillStore; act: (action: Record<string, unknown>) => void } {
  const [store] = useState(() => createDrillStore(options));
  const connection = useRef<DrillConnection | null>(null);
  useEffect(() => {
    if (!token) return undefined;
    const opened = connectDrill(drillId, token, store);
    connection.current = opened;
    return () => {
      opened.close();
      connection.current = null;
    };
  }, [drillId, token, store]);
  const act = useCallback((action: Record<string, unknown>) => {
    connection.current?.act(action);
  }, []);
  return { store, act };
}
