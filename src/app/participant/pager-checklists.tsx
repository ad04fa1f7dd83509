import { useState } from 'react';
import type { PublicScenario } from '../../protocol/drill-snapshot';
import type { QueuedAction } from '../drill/drill-store';
import { shownTick } from './optimistic-ticks';

const openKey = (drillId: string) => `firedrill.pager.${drillId}.checklistsOpen`;

/**
 * The role's checklists, folded away when the person chooses (remembered on this phone). A
 * tap ticks at once and says "sending" until the server has it; a refused tap goes back.
 */
export function PagerChecklists({
  drillId,
  checklists,
  recorded,
  queue,
  accepted,
  disabled,
  act,
}: {
  drillId: string;
  checklists: PublicScenario['checklists'];
  recorded: ReadonlyMap<string, readonly boolean[]>;
  queue: readonly QueuedAction[];
  accepted: readonly QueuedAction[];
  disabled: boolean;
  act: (action: Record<string, unknown>) => void;
}) {
  const [open, setOpen] = useState(() => readOpen(drillId));
  if (checklists.length === 0) return null;
  const toggle = () => {
    setOpen(!open);
    try {
      window.localStorage.setItem(openKey(drillId), open ? 'closed' : 'open');
    } catch {
      // storage refused: the choice holds for this visit
    }
  };
  const done = checklists.reduce(
    (sum, checklist) =>
      sum +
      checklist.items.filter(
        (_, item) =>
          shownTick(
            checklist.id,
            item,
            recorded.get(checklist.id)?.[item] ?? false,
            queue,
            accepted,
          ).checked,
      ).length,
    0,
  );
  const total = checklists.reduce((sum, checklist) => sum + checklist.items.length, 0);
  return (
    <section className="pager-checklists" aria-label="Checklists">
      <button
        type="button"
        className="checklists-toggle"
        aria-expanded={open}
        aria-controls="pager-checklists-body"
        onClick={toggle}
      >
        <span>Checklist{checklists.length === 1 ? '' : 's'}</span>
        <span className="muted">
          {done} of {total} done {open ? '▲' : '▼'}
        </span>
      </button>
      {open ? (
        <div id="pager-checklists-body">
          {checklists.map((checklist) => (
            <section key={checklist.id} className="checklist" aria-label={checklist.title}>
              <h2>{checklist.title}</h2>
              {checklist.items.map((itemText, item) => {
                const tick = shownTick(
                  checklist.id,
                  item,
                  recorded.get(checklist.id)?.[item] ?? false,
                  queue,
                  accepted,
                );
                return (
                  <label key={item} className="check big">
                    <input
                      type="checkbox"
                      checked={tick.checked}
                      disabled={disabled}
                      onChange={() =>
                        act({
                          [tick.checked ? 'uncheck' : 'check']: {
                            checklist: checklist.id,
                            item,
                            by: checklist.role,
                          },
                        })
                      }
                    />
                    <span>
                      {itemText}
                      {tick.sending ? <span className="sending"> sending…</span> : null}
                    </span>
                  </label>
                );
              })}
            </section>
          ))}
        </div>
      ) : null}
    </section>
  );
}

function readOpen(drillId: string): boolean {
  try {
    return window.localStorage.getItem(openKey(drillId)) !== 'closed';
  } catch {
    return true;
  }
}
