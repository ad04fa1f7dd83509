import { formatDuration } from '../../scenario/duration';
import { expectationSentence } from '../../scenario/guide/expectation-words';
import { decidedBy } from '../../scenario/guide/scenario-names';
import { InlineCode } from './inline-code';
import type { Scenario } from '../../scenario/types';

/** The expectations in words, as the facilitator will judge them. */
export function ScenarioExpectations({ scenario }: { scenario: Scenario }) {
  return (
    <>
      <h2>Expectations</h2>
      <ul className="expectations">
        {scenario.expectations.map((expectation) => (
          <li key={expectation.id} data-testid="scenario-expectation">
            <strong>{expectation.title}</strong>
            <br />
            {expectationSentence(scenario, expectation)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Decisions and their options, experiments, scoring weights and sources. */
export function ScenarioExtras({ scenario }: { scenario: Scenario }) {
  const weights = scenario.weights;
  return (
    <>
      {scenario.decisions.length > 0 ? (
        <>
          <h2>Decisions</h2>
          <ul>
            {scenario.decisions.map((decision) => (
              <li key={decision.id}>
                <strong>{decision.title}</strong>
                {decision.needs === null ? null : (
                  <span className="muted"> — taken by {decidedBy(scenario, decision.needs)}</span>
                )}
                {decision.options === null ? null : (
                  <ul>
                    {decision.options.map((option) => (
                      <li key={option}>
                        <code>{option}</code>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {scenario.experiments.length > 0 ? (
        <>
          <h2>Experiments</h2>
          <ul>
            {scenario.experiments.map((experiment) => (
              <li key={experiment.id}>
                <strong>{experiment.id}</strong>: FIS template <code>{experiment.template}</code> in{' '}
                {experiment.region}, {formatDuration(experiment.durationMs)}
                {experiment.description === '' ? null : (
                  <>
                    {' — '}
                    <InlineCode text={experiment.description} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Scoring weights</h2>
      <p>
        Timeliness {weights.timeliness} · communication {weights.communication} · acknowledgement{' '}
        {weights.acknowledgement} · checklists {weights.checklists}
      </p>
      {scenario.sources.length > 0 ? (
        <>
          <h2>Sources</h2>
          <ul aria-label="Sources">
            {scenario.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noreferrer noopener">
                  {source.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
