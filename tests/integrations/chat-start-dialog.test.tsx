// @vitest-environment happy-dom
/** The new-drill form offers the chats the server has, and sends the ones ticked as `chat`. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StartDrillDialog } from '../../src/app/scenario/start-drill-dialog';
import { baseScenario, scenarioFrom } from '../support/drill-harness';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server with these chats; records the body of POST /api/drills. */
function serverWithChats(chat: readonly string[]) {
  const created: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      if (path === '/api/integrations')
        return new Response(JSON.stringify({ chat, pageRoutingKeys: [] }), { status: 200 });
      created.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ error: 'stop here' }), { status: 400 });
    }),
  );
  return created;
}

const scenario = scenarioFrom(baseScenario);

describe('when the server can post to Slack and Teams', () => {
  it('offers a checkbox for each and sends the ticked one as chat', async () => {
    const created = serverWithChats(['slack', 'teams']);
    render(<StartDrillDialog scenario={scenario} onClose={() => {}} />);
    fireEvent.click(await screen.findByLabelText('Slack'));
    expect((screen.getByLabelText('Microsoft Teams') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Create drill' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ chat: ['slack'] });
  });
});

describe('when the server has no chat', () => {
  it('shows no chat choice and sends no chat', async () => {
    const created = serverWithChats([]);
    render(<StartDrillDialog scenario={scenario} onClose={() => {}} />);
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/integrations', expect.anything()));
    expect(screen.queryByText(/Mirror into the team’s chat/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create drill' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).not.toHaveProperty('chat');
  });
});
