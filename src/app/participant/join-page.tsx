import { useState } from 'react';
import { joinReply } from '../../protocol/http-bodies';
import { apiRequest } from '../api/api-client';
import { participantToken, rememberParticipantToken } from '../api/credentials';
import { ParticipantView } from './participant-view';
import { joinFailureInWords } from './plain-words';
import { RolePicker } from './role-picker';

const lastDrillKey = 'firedrill.participant.lastDrill';
const lastCodeKey = 'firedrill.participant.lastCode';

/** Join with the code (or the QR), a name and a role picked by name; then the phone becomes a pager. */
export function JoinPage({ code: codeFromUrl }: { code: string | null }) {
  const [drillId, setDrillId] = useState<string | null>(() => remembered(lastDrillKey));
  const [code, setCode] = useState(codeFromUrl ?? remembered(lastCodeKey) ?? '');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (drillId && participantToken(drillId)) {
    const joinHref = code ? `/join/${code}` : '/join';
    return (
      <ParticipantView
        drillId={drillId}
        joinHref={joinHref}
        onLeave={() => {
          forget(lastDrillKey);
          setRole('');
          if (window.location.pathname !== joinHref)
            window.history.replaceState(null, '', joinHref);
          setDrillId(null);
        }}
      />
    );
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
        window.localStorage.setItem(lastCodeKey, code.trim());
      } catch {
        // storage refused: the participant stays joined for this visit
      }
      setDrillId(joined.drillId);
    } catch (caught) {
      setError(joinFailureInWords(caught));
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

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function forget(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // storage refused: nothing was kept
  }
}
