import { useEffect, useState } from 'react';
import { isModalDialogOpen } from '../components/dialog';

const shortcuts = [
  ['Space', 'Pause or resume the drill'],
  ['E', 'Record an escalation said out loud'],
  ['N', 'Take a note'],
  ['?', 'Show or hide these shortcuts'],
  ['Esc', 'Close a dialog'],
] as const;

/** Start drill, Pause, Resume, End drill, Abort — and the keyboard shortcuts for them. */
export function ConsoleControls({
  phase,
  act,
  onRecord,
}: {
  phase: string;
  act: (action: Record<string, unknown>) => void;
  onRecord: (kind: 'escalation' | 'note') => void;
}) {
  const [help, setHelp] = useState(false);
  const live = phase === 'running' || phase === 'paused';
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      )
        return;
      // A modal dialog owns the keyboard: Space must not resume the drill behind it.
      if (isModalDialogOpen()) return;
      if (event.key === ' ' && live) {
        event.preventDefault();
        act(phase === 'running' ? { pause: {} } : { resume: {} });
      } else if (event.key === '?') setHelp((shown) => !shown);
      else if (event.key === 'Escape') setHelp(false);
      else if ((event.key === 'e' || event.key === 'E') && live) {
        // The key opens a form whose field takes focus at once: it must not type itself there.
        event.preventDefault();
        onRecord('escalation');
      } else if ((event.key === 'n' || event.key === 'N') && live) {
        event.preventDefault();
        onRecord('note');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, live, onRecord, phase]);
  return (
    <div className="controls">
      {phase === 'briefing' ? (
        <button type="button" className="primary big" onClick={() => act({ start: {} })}>
          Start drill
        </button>
      ) : null}
      {phase === 'running' ? (
        <button type="button" className="big" onClick={() => act({ pause: {} })}>
          Pause
        </button>
      ) : null}
      {phase === 'paused' ? (
        <button type="button" className="primary big" onClick={() => act({ resume: {} })}>
          Resume
        </button>
      ) : null}
      {live ? (
        <>
          <button type="button" onClick={() => onRecord('escalation')}>
            Record escalation
          </button>
          <button type="button" onClick={() => onRecord('note')}>
            Note
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => window.confirm('End the drill now?') && act({ end: {} })}
          >
            End drill
          </button>
        </>
      ) : null}
      {phase === 'briefing' || live ? (
        <button
          type="button"
          className="link"
          onClick={() =>
            window.confirm('Abort the drill? It will not be scored as a full run.') &&
            act({ abort: { reason: 'aborted by the facilitator' } })
          }
        >
          Abort
        </button>
      ) : null}
      <button
        type="button"
        className="link"
        onClick={() => setHelp((shown) => !shown)}
        aria-expanded={help}
      >
        Shortcuts (?)
      </button>
      {help ? (
        <div className="help" role="dialog" aria-label="Keyboard shortcuts">
          <h3>Keyboard shortcuts</h3>
          <dl>
            {shortcuts.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
