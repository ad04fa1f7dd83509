import { useState } from 'react';
import { conditionText, goalText } from '../../scenario/describe';
import { formatDuration } from '../../scenario/duration';
import type { Scenario } from '../../scenario/types';
import { scenarioDetailReply } from '../../protocol/scenario-detail';
import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';
import { formatDrillClock } from '../drill/drill-time';
import { plainText } from '../library/plain-text';
import { StartDrillDialog } from './start-drill-dialog';

export function ScenarioPage({ scenarioId }: { scenarioId: string }) {
  const loaded = useAsync(
    () => apiRequest(`/api/scenarios/${encodeURIComponent(scenarioId)}`, scenarioDetailReply),
    scenarioId,
  );
  const [starting, setStarting] = useState(false);
  if (loaded.status === 'loading') return <p className="muted">Loading the scenario…</p>;
  if (loaded.status === 'failed') {
    return (
      <div className="alert" role="alert">
        <strong>This scenario could not be loaded.</strong> {loaded.error}{' '}
        <a href="/">Back to the library</a>
      </div>
    );
  }
  const scenario = loaded.value.scenario;
  const roleName = (id: string) => scenario.roles.find((role) => role.id === id)?.name ?? id;
  return (
    <article className="detail">
      <div className="page-head">
        <div>
          <p className="muted">
            <a href="/">Library</a> / {scenario.id}
          </p>
          <h1>{scenario.title}</h1>
        </div>
        <button type="button" className="primary" onClick={() => setStarting(true)}>
          Start drill…
        </button>
      </div>
      <p className="lead">{plainText(scenario.summary)}</p>
      <p className="muted">
        {scenario.mode === 'gameday' ? 'Game day' : 'Tabletop'} ·{' '}
        {formatDuration(scenario.durationMs)} · {scenario.tags.join(', ')}
      </p>

      <h2>Roles</h2>
      <ul className="roles">
        {scenario.roles.map((role) => (
          <li key={role.id}>
            <strong>{role.name}</strong> <code>{role.id}</code>
            {role.npc ? <span className="badge badge-npc">played by the simulator</span> : null}
            {role.authority.length > 0 ? (
              <span className="muted"> — may {role.authority.join(', ')}</span>
            ) : null}
          </li>
        ))}
      </ul>

      <h2>Escalation paths</h2>
      <div className="ladders">
        {scenario.escalationPaths.map((path) => (
          <section key={path.id} className="ladder" aria-label={`Escalation path ${path.id}`}>
            <h3>
              {path.id}{' '}
              {path.autoAdvance ? <span className="badge badge-auto">auto-advance</span> : null}
            </h3>
            <ol reversed>
              {[...path.levels].reverse().map((level) => (
                <li key={level.role}>
                  {roleName(level.role)}{' '}
                  <span className="muted">acks within {formatDuration(level.ackWithinMs)}</span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>

      <h2>Expectations</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>Expectation</th>
              <th>What</th>
              <th>On time within</th>
              <th>Missed after</th>
            </tr>
          </thead>
          <tbody>
            {scenario.expectations.map((expectation) => (
              <tr key={expectation.id}>
                <td>{expectation.title}</td>
                <td>
                  {goalText(expectation.goal, roleName)}
                  {expectation.everyMs !== null
                    ? `, every ${formatDuration(expectation.everyMs)}`
                    : ''}
                </td>
                <td>{formatDuration(expectation.targetMs)}</td>
                <td>{formatDuration(expectation.deadlineMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Injects</h2>
      <ol className="timeline">
        {scenario.injects.map((inject) => (
          <li key={inject.id} className={inject.kind === 'surprise' ? 'surprise' : ''}>
            <span className="when">{timingText(inject.timing)}</span>
            <span className={`kind kind-${inject.kind}`}>{inject.kind}</span>
            <span>{inject.title ?? inject.id}</span>
            {inject.chance < 1 ? (
              <span className="muted"> ({Math.round(inject.chance * 100)}% chance)</span>
            ) : null}
          </li>
        ))}
      </ol>
      {starting ? (
        <StartDrillDialog scenario={scenario} onClose={() => setStarting(false)} />
      ) : null}
    </article>
  );
}

function timingText(timing: Scenario['injects'][number]['timing']): string {
  switch (timing.type) {
    case 'at':
      return formatDrillClock(timing.atMs);
    case 'between':
      return `${formatDrillClock(timing.fromMs)}–${formatDrillClock(timing.toMs).slice(2)}`;
    default:
      return conditionText(timing);
  }
}
