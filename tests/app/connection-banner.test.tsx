// @vitest-environment happy-dom
/** The reconnect banner appears when the socket drops and clears itself when it is back. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionBanner } from '../../src/app/components/connection-banner';

afterEach(cleanup);

describe('the connection banner', () => {
  it('says the connection is lost, and how many actions wait', () => {
    render(<ConnectionBanner status="reconnecting" failure={null} queued={2} />);
    expect(screen.getByRole('status').textContent).toBe(
      'No connection to the drill — trying again. 2 actions wait and will be sent when the connection is back.',
    );
  });

  it('clears itself once the connection is open and nothing waits', () => {
    const { rerender } = render(
      <ConnectionBanner status="reconnecting" failure={null} queued={0} />,
    );
    rerender(<ConnectionBanner status="open" failure={null} queued={0} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('tells why the server refused the connection', () => {
    render(
      <ConnectionBanner status="failed" failure="not a valid token for this drill" queued={0} />,
    );
    expect(screen.getByRole('status').textContent).toBe('not a valid token for this drill');
  });
});
