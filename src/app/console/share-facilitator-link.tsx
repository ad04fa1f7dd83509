import { useState } from 'react';
import { drillFacilitatorToken } from '../api/credentials';

/**
 * A co-facilitator's way in (api.md v2): `/drills/ID#token=…` with this drill's own token,
 * never the server key, which would open every drill. A browser that opened the drill with
 * the server key holds no drill token to share, and says what to hand on instead.
 */
export function ShareFacilitatorLink({ drillId }: { drillId: string }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const token = drillFacilitatorToken(drillId);
  if (!token)
    return (
      <p className="muted">
        This browser opened the drill with the server’s facilitator key. To share it, hand on the
        facilitator address the server printed: it opens every drill.
      </p>
    );
  const link = `${window.location.origin}/drills/${drillId}#token=${encodeURIComponent(token)}`;
  const copy = () => {
    // The clipboard is refused on plain HTTP beyond localhost: the field stays there to copy by hand.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    void (clipboard ? clipboard.writeText(link) : Promise.reject(new Error('no clipboard'))).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="share-link">
      <label htmlFor="share-facilitator-link">Share facilitator link</label>
      <p className="muted">
        A co-facilitator who opens it runs this console too. It controls the drill: share it only
        with a facilitator.
      </p>
      <div className="share-link-row">
        <input
          id="share-facilitator-link"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="muted" role="status">
        {copied === 'copied'
          ? 'Copied.'
          : copied === 'failed'
            ? 'This browser refused the clipboard: select the link and copy it.'
            : ''}
      </p>
    </div>
  );
}
