import { useEffect, useRef, useState } from 'react';
import { participantToken } from '../api/credentials';
import { ConnectionBanner } from '../components/connection-banner';
import { DrillFeed } from '../components/drill-feed';
import { formatDrillClock } from '../drill/drill-time';
import { useDrillConnection } from '../drill/use-drill-connection';
import { useDrillScreen } from '../drill/use-drill-screen';
import { EscalateForm } from './escalate-form';
import { PagerLine } from './pager-line';

/** A phone's view of the drill: the pager, Acknowledge, Escalate, and the role's checklist. */
export function ParticipantView({ drillId, onLeave }: { drillId: string; onLeave: () => void }) {
  const { store, act } = useDrillConnection(drillId, participantToken(drillId));
  const { status, failure, queued, snapshot, view, refusal, nowMs } = useDrillScreen(store);
  const [writing, setWriting] = useState<'escalate' | 'handoff' | null>(null);
  const roles = snapshot?.you?.roles ?? [];
  const openPages = (view?.pages ?? []).filter(
    (page) =>
      roles.includes(page.to) && page.delivered && page.ackedAtMs === null && !page.retracted,
  );
  useAlertOnNewPage(openPages.length);
  if (status === 'failed') {
    return (
      <div className="alert" role="alert">
        <strong>{failure}</strong>{' '}
        <button type="button" className="link" onClick={onLeave}>
          Join another drill
        </button>
      </div>
    );
  }
  return (
    <section className="participant">
      <ConnectionBanner status={status} failure={failure} queued={queued} />
      <header className="participant-head">
        <div>
          <strong>{snapshot?.you?.name}</strong> <span className="muted">{roles.join(', ')}</span>
          {view?.currentPhase ? (
            <p className="participant-phase muted" aria-label="Phase">
              {view.currentPhase.title}
            </p>
          ) : null}
        </div>
        <div className="clock small">{formatDrillClock(nowMs)}</div>
      </header>
      {openPages.length > 0 ? (
        <div className="pager" role="alert">
          {openPages.map((page) => (
            <PagerLine key={page.seq} page={page} roles={snapshot?.scenario.roles ?? []} />
          ))}
          <button
            type="button"
            className="primary huge"
            onClick={() =>
              roles.forEach(
                (role) => openPages.some((page) => page.to === role) && act({ ack: { by: role } }),
              )
            }
          >
            Acknowledge
          </button>
        </div>
      ) : null}
      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
      <div className="participant-actions">
        {(['escalate', 'handoff'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="big"
            onClick={() => setWriting(kind)}
            disabled={view?.phase !== 'running' && view?.phase !== 'paused'}
          >
            {kind === 'escalate' ? 'Escalate' : 'Hand off'}
          </button>
        ))}
      </div>
      {writing && snapshot ? (
        <EscalateForm
          kind={writing}
          scenario={snapshot.scenario}
          roles={roles}
          act={act}
          onClose={() => setWriting(null)}
        />
      ) : null}
      {snapshot?.scenario.checklists.map((checklist) => (
        <section key={checklist.id} className="checklist" aria-label={checklist.title}>
          <h2>{checklist.title}</h2>
          {checklist.items.map((itemText, item) => {
            const checked = view?.checklists.get(checklist.id)?.[item] ?? false;
            return (
              <label key={itemText} className="check big">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() =>
                    act({
                      [checked ? 'uncheck' : 'check']: {
                        checklist: checklist.id,
                        item,
                        by: checklist.role,
                      },
                    })
                  }
                />
                {itemText}
              </label>
            );
          })}
        </section>
      ))}
      <h2>Pager</h2>
      <DrillFeed items={view?.feed ?? []} limit={50} />
    </section>
  );
}

/** A short vibration and beep when a new page arrives; iOS has no vibration, so it just beeps. */
function useAlertOnNewPage(openCount: number): void {
  const previous = useRef(openCount);
  useEffect(() => {
    if (openCount > previous.current) {
      navigator.vibrate?.([200, 100, 200]);
      beep();
    }
    previous.current = openCount;
  }, [openCount]);
}

function beep(): void {
  try {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    oscillator.frequency.value = 880;
    oscillator.connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + 0.25);
  } catch {
    // no audio (autoplay rules, old browsers): the visual pager is enough
  }
}
