import { useState } from 'react';
import { joinReply } from '../../protocol/http-bodies';
import { apiRequest } from '../api/api-client';
import { participantToken, rememberParticipantToken } from '../api/credentials';
import { ParticipantView } from './participant-view';
import { RolePicker } from './role-picker';

const lastDrillKey = 'firedrill.participant.lastDrill';

/** Join with the code (or the QR), a name and a role picked by name; then the phone becomes a pager. */
export function JoinPage({ code: codeFromUrl }: { code: string | null }) {
  const [drillId, setDrillId] = useState<string | null>(() => rememberedDrill());
  const [code, setCode] = useState(codeFromUrl ?? '');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (drillId && participantToken(drillId)) {
    return <ParticipantView drillId={drillId} onLeave={() => setDrillId(null)} />;
  }
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const joined = await apiRequest('/api/join', joinReply, {
        body: { code: code.trim(), name: name.trim(), roles: [role] },
        token: null,
      });
      rememberParticipantToken(joined.drillId, joined.participantToken);
      try {
        window.localStorage.setItem(lastDrillKey, joined.drillId);
      } catch {
        // storage refused: the participant stays joined for this visit
      }
      setDrillId(joined.drillId);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="join">
      <h1>Join a drill</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          Join code
          <input
            value={code}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="off"
            required
          />
        </label>
        <label>
          Your name
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            autoComplete="name"
            required
          />
        </label>
        <RolePicker code={code} role={role} onPick={setRole} />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary big" disabled={busy || role === ''}>
          {busy ? 'Joining…' : 'Join'}
        </button>
      </form>
    </section>
  );
}

function rememberedDrill(): string | null {
  try {
    return window.localStorage.getItem(lastDrillKey);
  } catch {
    return null;
  }
}
