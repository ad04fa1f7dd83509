import type { AarBlock, AfterActionReport } from '../../protocol/after-action-report';
import { afterActionReport } from '../../protocol/after-action-report';
import { apiRequest } from '../api/api-client';
import { facilitatorToken } from '../api/credentials';
import { useAsync } from '../components/use-async';

/**
 * The after-action report as a page to read and print (`/drills/:id/report`): the same
 * document the Markdown and the JSON export carry, from `report?format=json`. Printing it
 * leaves out the navigation; every section keeps its "Exercise data" mark.
 */
export function ReportPage({ drillId }: { drillId: string }) {
  const token = facilitatorToken(drillId);
  const loaded = useAsync(
    () =>
      apiRequest(`/api/drills/${drillId}/report?format=json`, afterActionReport, {
        token,
      }),
    drillId,
  );
  if (!token)
    return <p className="alert">This browser holds no facilitator token for this drill.</p>;
  if (loaded.status === 'loading') return <p className="muted">Writing the report…</p>;
  if (loaded.status === 'failed')
    return (
      <p className="alert" role="alert">
        {loaded.error}
      </p>
    );
  return <ReportDocument drillId={drillId} report={loaded.value} />;
}

export function ReportDocument({
  drillId,
  report,
}: {
  drillId: string;
  report: AfterActionReport;
}) {
  return (
    <article className="aar">
      <nav className="breadcrumb muted no-print" aria-label="Breadcrumb">
        <a href={`/drills/${drillId}`}>Console</a> /{' '}
        <a href={`/drills/${drillId}/scorecard`}>scorecard</a> / after-action report
      </nav>
      <p className="exercise">{report.notice}</p>
      <div className="page-head">
        <h1>{report.title}</h1>
        <button type="button" className="no-print" onClick={() => window.print()}>
          Print / PDF
        </button>
      </div>
      {report.sections.map((section, index) => (
        <section key={section.title} aria-labelledby={`aar-section-${index}`}>
          <h2 id={`aar-section-${index}`}>{section.title}</h2>
          <p className="aar-mark">{report.mark}</p>
          {section.blocks.map((block, blockIndex) => (
            <Block key={blockIndex} block={block} />
          ))}
        </section>
      ))}
      <p className="muted">
        The scorecard, with every figure traced to the log, is the appendix of this report:{' '}
        <a href={`/drills/${drillId}/scorecard`}>open the scorecard</a>.
      </p>
    </article>
  );
}

function Block({ block }: { block: AarBlock }) {
  switch (block.kind) {
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'facts':
      return (
        <dl className="aar-facts">
          {block.items.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>
              {item.label === null ? null : <strong>{item.label}: </strong>}
              {item.text}
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.columns.map((column) => (
                <th
                  key={column.header}
                  scope="col"
                  className={column.align === 'right' ? 'num' : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {block.columns.map((column, index) => (
                  <td key={column.header} className={column.align === 'right' ? 'num' : undefined}>
                    {row[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
