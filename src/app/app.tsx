import { lazy, Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { absorbFragmentSecrets } from './api/credentials';
import { useRoute } from './router/router';
import type { Route } from './router/router';

// Each page loads its own code: a phone joining a drill never downloads the console or charts.
const LibraryPage = lazy(() =>
  import('./library/library-page').then((module) => ({ default: module.LibraryPage })),
);
const ScenarioPage = lazy(() =>
  import('./scenario/scenario-page').then((module) => ({ default: module.ScenarioPage })),
);
const GuidePage = lazy(() =>
  import('./scenario/guide-page').then((module) => ({ default: module.GuidePage })),
);
const ConsolePage = lazy(() =>
  import('./console/console-page').then((module) => ({ default: module.ConsolePage })),
);
const ProjectorPage = lazy(() =>
  import('./projector/projector-page').then((module) => ({ default: module.ProjectorPage })),
);
const ScorecardPage = lazy(() =>
  import('./review/scorecard-page').then((module) => ({ default: module.ScorecardPage })),
);
const ReportPage = lazy(() =>
  import('./review/report-page').then((module) => ({ default: module.ReportPage })),
);
const HistoryPage = lazy(() =>
  import('./review/history-page').then((module) => ({ default: module.HistoryPage })),
);
const JoinPage = lazy(() =>
  import('./participant/join-page').then((module) => ({ default: module.JoinPage })),
);

export function App() {
  const route = useRoute();
  useEffect(() => absorbFragmentSecrets('id' in route ? route.id : null), [route]);
  if (route.page === 'projector') {
    return (
      <Suspense fallback={<p className="loading">Loading…</p>}>
        <ProjectorPage drillId={route.id} />
      </Suspense>
    );
  }
  return (
    <div className="shell">
      <header className="topbar">
        {/* A phone in a drill is a pager: the facilitator's library and history would only
            lead a participant to a page asking for a key they do not have. */}
        {route.page === 'join' ? (
          <span className="brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            Firedrill
          </span>
        ) : (
          <>
            <a className="brand" href="/">
              <img src="/favicon.svg" alt="" width={28} height={28} />
              Firedrill
            </a>
            <span className="tagline">Escalation is encouraged.</span>
            <nav className="nav">
              <a href="/">Library</a>
              <a href="/history">History</a>
            </nav>
          </>
        )}
      </header>
      <main className="page">
        <Suspense fallback={<p className="loading">Loading…</p>}>{pageFor(route)}</Suspense>
      </main>
    </div>
  );
}

function pageFor(route: Route): ReactNode {
  switch (route.page) {
    case 'library':
      return <LibraryPage />;
    case 'scenario':
      return <ScenarioPage scenarioId={route.id} />;
    case 'guide':
      return <GuidePage scenarioId={route.id} />;
    case 'console':
      return <ConsolePage drillId={route.id} />;
    case 'join':
      return <JoinPage key={route.code ?? ''} code={route.code} />;
    case 'scorecard':
      return <ScorecardPage drillId={route.id} />;
    case 'report':
      return <ReportPage drillId={route.id} />;
    case 'history':
      return <HistoryPage />;
    default:
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            <a href="/">Back to the scenario library</a>
          </p>
        </section>
      );
  }
}
