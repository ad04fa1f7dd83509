/** One drill of the scoring scenario, scored, for the renderer tests. */
import { scoreDrill } from '../../../src/engine/score/score-drill';
import { buildLog } from '../../support/log-builder';
import { scoringScenario } from '../score/scoring-scenario';

export const reportScenario = scoringScenario;

export const reportLog = buildLog((log) => {
  log.created({ seed: 7, team: 'Checkout blue' }); // 1
  log.started(); // 2
  log.fired('alarm', '1m'); // 3
  const page = log.escalate('4m', {
    to: 'ic',
    message: { situation: 'DB is down, "badly"\nsince 3m', ask: 'take IC' },
  }); // 4
  log.ack('5m30s', 'ic', page); // 5
  log.escalate('5m', { to: 'secondary', delivered: false, undelivered: 'unavailable' }); // 6
  log.escalate('6m', { from: null, to: 'director', system: true }); // 7
  const wrong = log.escalate('7m', { to: 'legal', channel: '=cmd|calc' }); // 8
  log.retract('8m', wrong); // 9
  log.check('9m', 'triage', 0); // 10
  log.ended('30m'); // 11
});

export const reportCard = scoreDrill(reportScenario, reportLog);
