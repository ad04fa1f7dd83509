import { useState } from 'react';
import { formatDuration } from '../../scenario/duration';
import { facilitatorGuide } from '../../scenario/guide/facilitator-guide';
import { scenarioDetailReply } from '../../protocol/scenario-detail';
import { apiRequest } from '../api/api-client';
import { FacilitatorKeyPrompt } from '../api/facilitator-key-prompt';
import { useKeyedLoad } from '../api/use-keyed-load';
import { MarkdownText } from '../components/markdown-text';
import { navigate } from '../router/router';
import { ScenarioExpectations, ScenarioExtras } from './scenario-extras';
import { ScenarioInjects } from './scenario-injects';
import { ScenarioRoles } from './scenario-roles';
import { StartDrillDialog } from './start-drill-dialog';

export function ScenarioPage({ scenarioId }: { scenarioId: string }) {
  const { loaded, reload } = useKeyedLoad(
    () => apiRequest(`/api/scenarios/${encodeURIComponent(scenarioId)}`, scenarioDetailReply),
    scenarioId,
  );
  const [starting, setStarting] = useState(false);
  if (loaded.status === 'loading') return <p className="muted">Loading the scenario…</p>;
  if (loaded.status === 'needs-key') return <FacilitatorKeyPrompt onAccepted={reload} />;
  if (loaded.status === 'failed') {
    return (
      <div className="alert" role="alert">
        <strong>This scenario could not be loaded.</strong> {loaded.error}{' '}
        <a href="/">Back to the library</a>
      </div>
    );
  }
  const scenario = loaded.value.scenario;
  const guideHref = `/scenarios/${encodeURIComponent(scenario.id)}/guide`;
  return (
    <article className="detail">
      <div className="page-head">
        <div>
          <p className="muted">
            <a href="/">Library</a> / {scenario.id}
          </p>
          <h1>{scenario.title}</h1>
        </div>
        <div className="detail-actions">
          <a
            className="button"
            href={guideHref}
            onClick={(event) => {
              event.preventDefault();
              navigate(guideHref);
            }}
          >
            Facilitator's guide
          </a>
          <button type="button" className="primary" onClick={() => setStarting(true)}>
            Start drill…
          </button>
        </div>
      </div>
      <p className="muted">
        {scenario.mode === 'gameday' ? 'Game day' : 'Tabletop'} ·{' '}
        {formatDuration(scenario.durationMs)}
        {scenario.difficulty === null ? '' : ` · ${scenario.difficulty}`} ·{' '}
        {scenario.tags.join(', ')}
      </p>
      <h2>Briefing</h2>
      <MarkdownText text={scenario.summary} />

      <ScenarioRoles scenario={scenario} />
      <ScenarioExpectations scenario={scenario} />
      <ScenarioInjects guide={facilitatorGuide(scenario)} />
      <ScenarioExtras scenario={scenario} />
      {starting ? (
        <StartDrillDialog scenario={scenario} onClose={() => setStarting(false)} />
      ) : null}
    </article>
  );
}
