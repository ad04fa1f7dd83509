import { useState } from 'react';
import { createDrillReply } from '../../protocol/http-bodies';
import type { ChatName } from '../../protocol/integrations';
import type { Scenario } from '../../scenario/types';
import { apiRequest } from '../api/api-client';
import { rememberFacilitatorToken, rememberProjectorKey } from '../api/credentials';
import { Dialog } from '../components/dialog';
import { navigate } from '../router/router';
import { ChatMirrorChoice } from './chat-mirror-choice';

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
  const [chat, setChat] = useState<readonly ChatName[]>([]);
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
        ...(chat.length === 0 ? {} : { chat }),
      };
      const created = await apiRequest('/api/drills', createDrillReply, { body });
      rememberFacilitatorToken(created.id, created.facilitatorToken);
      rememberProjectorKey(created.id, created.projectorKey);
      navigate(`/drills/${created.id}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={<>Start a drill: {scenario.title}</>}
      submitLabel={busy ? 'Creating…' : 'Create drill'}
      busy={busy}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
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
        Seed <span className="muted">(blank: random; the same seed gives the same surprises)</span>
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
      <ChatMirrorChoice chosen={chat} onChange={setChat} />
      {scenario.mode === 'gameday' ? (
        <p className="muted">
          Game day: experiments run as dry runs unless real FIS experiments are armed, and the drill
          runs at real time.
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
