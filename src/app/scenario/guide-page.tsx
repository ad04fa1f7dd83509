import { facilitatorGuide } from '../../scenario/guide/facilitator-guide';
import { renderGuideMarkdown } from '../../scenario/guide/guide-markdown';
import { scenarioDetailReply } from '../../protocol/scenario-detail';
import { apiRequest } from '../api/api-client';
import { FacilitatorKeyPrompt } from '../api/facilitator-key-prompt';
import { useKeyedLoad } from '../api/use-keyed-load';
import { MarkdownText } from '../components/markdown-text';

/**
 * The printable facilitator's guide: the same markdown `firedrill guide` prints, rendered
 * here and laid out for paper by the print stylesheet (`scenario.css`).
 */
export function GuidePage({ scenarioId }: { scenarioId: string }) {
  const { loaded, reload } = useKeyedLoad(
    () => apiRequest(`/api/scenarios/${encodeURIComponent(scenarioId)}`, scenarioDetailReply),
    scenarioId,
  );
  if (loaded.status === 'loading') return <p className="muted">Loading the guide…</p>;
  if (loaded.status === 'needs-key') return <FacilitatorKeyPrompt onAccepted={reload} />;
  if (loaded.status === 'failed')
    return (
      <div className="alert" role="alert">
        <strong>This guide could not be loaded.</strong> {loaded.error}{' '}
        <a href="/">Back to the library</a>
      </div>
    );
  const scenario = loaded.value.scenario;
  return (
    <article className="guide" aria-label="Facilitator's guide">
      <p className="muted no-print">
        <a href="/">Library</a> /{' '}
        <a href={`/scenarios/${encodeURIComponent(scenario.id)}`}>{scenario.id}</a> / guide{' '}
        <button type="button" onClick={() => window.print()}>
          Print…
        </button>
      </p>
      <MarkdownText text={renderGuideMarkdown(facilitatorGuide(scenario))} />
    </article>
  );
}
