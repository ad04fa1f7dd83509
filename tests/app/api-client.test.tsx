// @vitest-environment happy-dom
/**
 * Replies are checked against their protocol schema: one that does not match becomes an
 * `ApiError` with a sentence a page can show, never a value cast to the wrong type.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../../src/app/api/api-client';
import { DrillResult } from '../../src/app/console/drill-result';
import { joinReply } from '../../src/protocol/http-bodies';

function serverAnswers(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('when a reply matches its schema', () => {
  it('resolves with the checked reply', async () => {
    serverAnswers(201, { drillId: 'd1', participantToken: 't1' });
    await expect(apiRequest('/api/join', joinReply, { body: {} })).resolves.toEqual({
      drillId: 'd1',
      participantToken: 't1',
    });
  });
});

describe('when a reply fails its schema', () => {
  it('rejects with an ApiError naming the field that did not match', async () => {
    serverAnswers(201, { drill_id: 'd1', participantToken: 't1' });
    const failure = apiRequest('/api/join', joinReply, { body: {} });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow(
      /reply to \/api\/join was not what this page expects at drillId/,
    );
  });

  it('shows that error on the page instead of crashing', async () => {
    serverAnswers(200, { overall: 80, dimensions: {}, expectations: 'none' });
    render(<DrillResult drillId="d1" token="t1" seq={3} titles={new Map()} />);
    expect(await screen.findByText(/was not what this page expects/)).toBeTruthy();
  });
});

describe('when the server answers with an error', () => {
  it('rejects with its status and its message written as a sentence', async () => {
    serverAnswers(409, { error: 'already taken: oncall' });
    await expect(apiRequest('/api/join', joinReply, { body: {} })).rejects.toMatchObject({
      status: 409,
      message: 'Already taken: oncall.',
    });
  });
});
