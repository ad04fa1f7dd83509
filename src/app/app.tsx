import { LibraryPage } from './library/library-page';

/** The app shell. Until the server issue lands, the library is the only page. */
export function App() {
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Firedrill
        </a>
        <span className="tagline">Escalation is encouraged.</span>
      </header>
      <main className="page">
        <LibraryPage />
      </main>
    </div>
  );
}
