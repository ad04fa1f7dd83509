import { useState } from 'react';
import { libraryReply } from '../../protocol/library';
import { apiRequest } from './api-client';
import { rememberServerKey, serverKey } from './credentials';
import { isKeyRefusal } from './use-keyed-load';

/**
 * What a page the server's facilitator key opens shows a browser without it: why, the way
 * the key normally arrives (the `#key=` link `firedrill serve` prints), and a field to paste
 * it. A key is kept only once the server accepts it, so a mistyped one is never stored.
 */
export function FacilitatorKeyPrompt({ onAccepted }: { onAccepted: () => void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heldKey = serverKey() !== null;
  const submit = async () => {
    const key = typed.trim();
    if (key === '') return setError('Paste the facilitator key first.');
    setBusy(true);
    setError(null);
    try {
      await apiRequest('/api/scenarios', libraryReply, { token: key });
      rememberServerKey(key);
      onAccepted();
    } catch (caught) {
      setError(
        isKeyRefusal(caught)
          ? 'The server did not accept that key. Check it against the link firedrill serve printed, and try again.'
          : caught instanceof Error
            ? caught.message
            : String(caught),
      );
      setBusy(false);
    }
  };
  return (
    <section className="key-prompt" aria-labelledby="key-prompt-title">
      <h1 id="key-prompt-title">The facilitator key is needed</h1>
      <p>
        {heldKey
          ? 'The server did not accept the facilitator key this browser holds: it may have been restarted with a new one.'
          : 'This server is open to the network, so its library, scenarios, guides and History need its facilitator key.'}{' '}
        Open the facilitator link that <code>firedrill serve</code> printed (it ends in{' '}
        <code>#key=…</code>) in this browser, or paste the key here.
      </p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          Facilitator key
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoFocus
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Use this key'}
        </button>
      </form>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
