import { useState } from 'react';
import type { CreateDrillReply } from '../../protocol/http-bodies';
import type { Scenario } from '../../scenario/types';
import { apiRequest } from '../api/api-client';
import { rememberFacilitatorToken, rememberProjectorKey } from '../api/credentials';
import { navigate } from '../router/router';

/** Seed, speed and team for a new drill; the facilitator token stays in this browser. */
export function StartDrillDialog({
  scenario,
  onClose,
}: {
  scenario: Scenario;
  onClose: () => void;
}) {
  const [team, setTeam] = useState('');
  const [seed, setSeed] = useState('');
  const [speed, setSpeed] = useState('1');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        scenario: scenario.id,
        team: team.trim(),
        speed: Number(speed),
        ...(seed.trim() === '' ? {} : { seed: Number(seed) }),
      };
      const created = await apiRequest<CreateDrillReply>('/api/drills', { body });
      rememberFacilitatorToken(created.id, created.facilitatorToken);
      rememberProjectorKey(created.id, created.projectorKey);
      navigate(`/drills/${created.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="start-title"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <form
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="start-title">Start a drill: {scenario.title}</h2>
        <label>
          Team name
          <input
            value={team}
            onChange={(event) => setTeam(event.target.value)}
            placeholder="e.g. Payments on-call"
            maxLength={100}
            autoFocus
          />
        </label>
        <label>
          Seed{' '}
          <span className="muted">(blank: random; the same seed gives the same surprises)</span>
          <input
            value={seed}
            onChange={(event) => setSeed(event.target.value.replace(/\D/g, ''))}
            inputMode="numeric"
          />
        </label>
        <label>
          Speed
          <select
            value={speed}
            onChange={(event) => setSpeed(event.target.value)}
            disabled={scenario.mode === 'gameday'}
          >
            <option value="0.5">×0.5</option>
            <option value="1">×1 (real time)</option>
            <option value="2">×2</option>
            <option value="4">×4</option>
          </select>
        </label>
        {scenario.mode === 'gameday' ? (
          <p className="muted">
            Game day: experiments run as dry runs unless real FIS experiments are armed, and the
            drill runs at real time.
          </p>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create drill'}
          </button>
        </div>
      </form>
    </div>
  );
}
