import { useState } from 'react';

const downloads = [
  { label: 'After-action report (Markdown)', path: 'report?format=markdown', file: 'md' },
  {
    label: 'CSV: expectations',
    path: 'report?format=csv&table=expectations',
    file: 'expectations.csv',
  },
  {
    label: 'CSV: escalations',
    path: 'report?format=csv&table=escalations',
    file: 'escalations.csv',
  },
  {
    label: 'CSV: decisions',
    path: 'report?format=csv&table=decisions',
    file: 'decisions.csv',
  },
  {
    label: 'CSV: occurrences',
    path: 'report?format=csv&table=occurrences',
    file: 'occurrences.csv',
  },
  { label: 'JSON export', path: 'export', file: 'json' },
] as const;

/** Downloads that someone without Firedrill can read; the token never goes into a URL. */
export function ExportLinks({ drillId, token }: { drillId: string; token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [anonymise, setAnonymise] = useState(false);
  const download = async (path: string, file: string) => {
    setError(null);
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(
      `/api/drills/${drillId}/${path}${anonymise ? `${separator}anonymise=true` : ''}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    ).catch(() => null);
    if (!response?.ok) {
      setError('The export could not be made; is the server still running?');
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `firedrill-${drillId}.${file}`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="exports no-print" aria-labelledby="exports-title">
      <h2 id="exports-title">Share</h2>
      <div className="buttons left">
        <a className="button-link" href={`/drills/${drillId}/report`}>
          After-action report (read, print / PDF)
        </a>
        {downloads.map(({ label, path, file }) => (
          <button key={path} type="button" onClick={() => void download(path, file)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => window.print()}>
          Print / PDF
        </button>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={anonymise}
          onChange={(event) => setAnonymise(event.target.checked)}
        />
        Anonymise: no team name, action-item owners as “person 1”, notes withheld
      </label>
      {error ? <p className="error">{error}</p> : null}
    </section>
  );
}
