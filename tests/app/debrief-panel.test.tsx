// @vitest-environment happy-dom
/**
 * The debrief panel: items are added, edited and deleted as actions on the drill's log (an
 * edit supersedes, a delete retracts), the panel shows the debrief as it stands, and the
 * kind chosen stays chosen after each item, across the reload that follows a save.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DebriefPanel } from '../../src/app/review/debrief-panel';
import { parseAction } from '../../src/engine/actions';
import { baseScenario, DrillHarness } from '../support/drill-harness';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

let drillCount = 0;

/** An ended drill behind a fake server that applies each posted action to it. */
function endedDrill(): { harness: DrillHarness; drillId: string; posted: unknown[] } {
  const harness = DrillHarness.started(baseScenario).advanceTo('2m');
  harness.expectOk({ type: 'end' });
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_path: string, init: RequestInit) => {
      const body: unknown = JSON.parse(String(init.body));
      posted.push(body);
      const parsed = parseAction(body);
      if (!parsed.ok) return new Response(JSON.stringify({ error: 'bad' }), { status: 400 });
      const outcome = harness.act(parsed.action);
      if (!outcome.ok)
        return new Response(JSON.stringify({ error: outcome.error }), { status: outcome.status });
      return new Response(JSON.stringify({ seq: harness.drill.log.length, duplicate: false }), {
        status: 201,
      });
    }),
  );
  drillCount += 1;
  return { harness, drillId: `d${drillCount}`, posted };
}

/** The review page: each save reloads, which remounts the panel with the new entries. */
function ReviewPage({ harness, drillId }: { harness: DrillHarness; drillId: string }) {
  const [loads, setLoads] = useState(0);
  return (
    <DebriefPanel
      key={loads}
      drillId={drillId}
      token="t"
      entries={[...harness.drill.log]}
      canWrite
      onSaved={() => setLoads((count) => count + 1)}
    />
  );
}

async function add(text: string): Promise<void> {
  fireEvent.change(screen.getByLabelText('What', { exact: true }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add to the debrief' }));
  await screen.findByText(text);
}

describe('when the facilitator adds several debrief items', () => {
  it('keeps the kind chosen for the next item', async () => {
    const { harness, drillId } = endedDrill();
    render(<ReviewPage harness={harness} drillId={drillId} />);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'action_item' } });
    await add('Write the failover runbook');
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).value).toBe('action_item');
    await add('Add the DBA rota');
    expect(harness.drill.state().debrief.map((item) => item.kind)).toEqual([
      'action_item',
      'action_item',
    ]);
  });
});

describe('when the facilitator edits a debrief item', () => {
  it('sends a debrief that supersedes it and shows the new version only', async () => {
    const { harness, drillId, posted } = endedDrill();
    harness.expectOk({ type: 'debrief', kind: 'improve', text: 'Page sooner' });
    const first = harness.drill.log.length;
    render(<ReviewPage harness={harness} drillId={drillId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit “Page sooner”' }));
    const form = screen.getByRole('form', { name: 'Edit the debrief item' });
    fireEvent.change(within(form).getByLabelText('What (edited)'), {
      target: { value: 'Page the IC within 5 minutes' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the edit' }));
    await screen.findByText('Page the IC within 5 minutes');
    expect(screen.queryByText('Page sooner')).toBeNull();
    expect(posted).toEqual([
      { debrief: { kind: 'improve', text: 'Page the IC within 5 minutes', supersedes: first } },
    ]);
    expect(harness.entries('debrief.recorded')).toHaveLength(2);
  });
});

describe('when the facilitator deletes a debrief item', () => {
  it('retracts it, and the panel no longer shows it', async () => {
    const { harness, drillId, posted } = endedDrill();
    harness.expectOk({ type: 'debrief', kind: 'went_well', text: 'Quick paging' });
    const seq = harness.drill.log.length;
    render(<ReviewPage harness={harness} drillId={drillId} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Quick paging”' }));
    await waitFor(() => expect(screen.queryByText('Quick paging')).toBeNull());
    expect(posted).toEqual([{ retract: { seq, reason: 'deleted from the debrief' } }]);
    expect(harness.entries('debrief.recorded')).toHaveLength(1);
  });
});

describe('when the viewer may not write', () => {
  it('shows the items without edit or delete', () => {
    const { harness, drillId } = endedDrill();
    harness.expectOk({ type: 'debrief', kind: 'lesson', text: 'Runbooks age' });
    render(
      <DebriefPanel
        drillId={drillId}
        token="t"
        entries={harness.drill.log}
        canWrite={false}
        onSaved={() => undefined}
      />,
    );
    expect(screen.getByText('Runbooks age')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Edit|Delete/ })).toBeNull();
  });
});
