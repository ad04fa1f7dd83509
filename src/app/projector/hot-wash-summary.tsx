import { lazy, Suspense } from 'react';
import type { DrillSnapshot } from '../../protocol/drill-snapshot';
import { drillSnapshot } from '../../protocol/drill-snapshot';
import type { ExpectationCard, Scorecard } from '../../protocol/scorecard';
import { scorecardReply } from '../../protocol/scorecard';
import { verdictLabels, verdictMarks } from '../../engine/report/report-wording';
import { apiRequest } from '../api/api-client';
import { useAsync } from '../components/use-async';

const HotWashTimeline = lazy(() =>
  import('./hot-wash-timeline').then((module) => ({ default: module.HotWashTimeline })),
);

/** The verdicts the room talks about, in the order it does; the rest are not counted. */
const countedVerdicts = ['on_time', 'late', 'missed'] as const;
const countLabels: Record<(typeof countedVerdicts)[number], string> = {
  on_time: 'met on time',
  late: 'met late',
  missed: 'missed',
};

/**
 * The hot wash at the end: the server's scorecard (the one the review page shows; nothing is
 * scored here), read with the projector's key once the drill is over, and its entries.
 */
export function HotWashSummary({ drillId, token }: { drillId: string; token: string }) {
  const loaded = useAsync(async () => {
    const [card, snapshot] = await Promise.all([
      apiRequest(`/api/drills/${drillId}/scorecard`, scorecardReply, { token }),
      apiRequest(`/api/drills/${drillId}`, drillSnapshot, { token }),
    ]);
    return { card, snapshot };
  }, `${drillId}:${token}`);
  if (loaded.status === 'loading') return <p className="hot-wash-note">Scoring the drill…</p>;
  if (loaded.status === 'failed')
    return (
      <p className="hot-wash-note" role="alert">
        The scorecard is on the facilitator&apos;s console ({loaded.error}).
      </p>
    );
  return <HotWashCard card={loaded.value.card} snapshot={loaded.value.snapshot} />;
}

/** The scorecard for a room: the overall score, the verdicts counted and listed, the timeline. */
export function HotWashCard({ card, snapshot }: { card: Scorecard; snapshot: DrillSnapshot }) {
  const roleName = (id: string | null) =>
    snapshot.scenario.roles.find((role) => role.id === id)?.name ?? id ?? '';
  const counted = card.expectations.filter((expectation) =>
    (countedVerdicts as readonly string[]).includes(expectation.verdict),
  );
  const untriggered = card.expectations.filter(
    (expectation) => expectation.verdict === 'not_triggered',
  ).length;
  return (
    <section className="hot-wash" aria-labelledby="hot-wash-title">
      <div className="hot-wash-head">
        <h2 id="hot-wash-title">Hot wash</h2>
        <p className="hot-wash-overall" aria-label="Overall score">
          <span className="hot-wash-score">{card.overall ?? '—'}</span>
          <span className="hot-wash-of"> / 100 overall</span>
        </p>
        <ul className="hot-wash-counts" aria-label="Verdicts">
          {countedVerdicts.map((verdict) => (
            <li key={verdict} className={`hot-wash-count verdict-${verdict}`}>
              <span className="hot-wash-count-number">
                {card.expectations.filter((expectation) => expectation.verdict === verdict).length}
              </span>{' '}
              {verdictMarks[verdict]} {countLabels[verdict]}
            </li>
          ))}
        </ul>
      </div>
      <div className="hot-wash-body">
        <ol className="hot-wash-list" aria-label="Expectations">
          {counted.map((expectation) => (
            <li key={expectation.id} className={`verdict-${expectation.verdict}`}>
              <span className="hot-wash-mark">{verdictMarks[expectation.verdict]}</span>{' '}
              {expectationWords(expectation, roleName)}
              <span className="hot-wash-verdict"> — {verdictLabels[expectation.verdict]}</span>
            </li>
          ))}
        </ol>
        {untriggered > 0 ? (
          <p className="hot-wash-note">
            {counted.length === 0 ? 'Nothing came due before the drill ended: ' : ''}
            {untriggered === 1
              ? '1 expectation was not triggered (the event that starts its clock never happened) and is'
              : `${untriggered} expectations were not triggered (the event that starts their clock never happened) and are`}{' '}
            left out of the score.
          </p>
        ) : null}
        <Suspense fallback={<p className="hot-wash-note">Loading the timeline…</p>}>
          <HotWashTimeline card={card} snapshot={snapshot} />
        </Suspense>
      </div>
    </section>
  );
}

/**
 * "Page the incident commander (Incident commander)": the expectation's title (the scorecard
 * names it; the projector gets the scorecard only once the drill has ended), and whom the
 * fact that met it reached.
 */
function expectationWords(
  expectation: ExpectationCard,
  roleName: (id: string | null) => string,
): string {
  return expectation.to ? `${expectation.title} (${roleName(expectation.to)})` : expectation.title;
}
