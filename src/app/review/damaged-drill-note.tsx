import { useState } from 'react';

/**
 * History's word on a damaged drill: why it cannot be opened, and (for a browser holding its
 * token) its stored rows to download, so nothing is lost before it is deleted.
 */
export function DamagedDrillNote({
  drillId,
  reason,
  token,
}: {
  drillId: string;
  reason: string;
  token: string | null;
}) {
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setFailed(false);
    const response = await fetch(`/api/drills/${drillId}/export`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    }).catch(() => null);
    if (!response?.ok) return setFailed(true);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `firedrill-${drillId}-stored-rows.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <span className="damaged">
      <strong>Damaged:</strong> {reason}{' '}
      {token ? (
        <button type="button" className="link" onClick={() => void download()}>
          Download its stored rows
        </button>
      ) : null}
      {failed ? <span className="error"> The rows could not be downloaded.</span> : null}
    </span>
  );
}
