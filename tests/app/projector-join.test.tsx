// @vitest-environment happy-dom
/** The projector's join panel: the code very large, the QR code and the URL; kept once seen. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProjectorJoin } from '../../src/app/projector/projector-join';
import { useRememberedJoin } from '../../src/app/projector/use-remembered-join';
import type { DrillSnapshot } from '../../src/protocol/drill-snapshot';
import { baseScenario, DrillHarness } from '../support/drill-harness';
import { projectorSnapshot } from './projector-support';

afterEach(cleanup);

const joinUrl = 'http://192.0.2.2:8080/join/123456';

describe('when the projector has the join code and URL', () => {
  it('shows the code, the URL and a QR code of the URL', async () => {
    render(<ProjectorJoin join={{ code: '123456', url: joinUrl }} />);
    expect(screen.getByLabelText('Join code').textContent).toBe('123456');
    expect(screen.getByText(joinUrl)).toBeTruthy();
    const qr = await screen.findByTestId('projector-join-qr');
    expect(qr.getAttribute('alt')).toBe(`QR code for ${joinUrl}`);
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });
});

describe('when the projector never received them', () => {
  it("says the join code is on the facilitator's console", () => {
    render(<ProjectorJoin join={null} />);
    expect(screen.getByText(/join code is on the facilitator.s console/)).toBeTruthy();
    expect(screen.queryByLabelText('Join code')).toBeNull();
  });
});

function Remembered({ snapshot }: { snapshot: DrillSnapshot }) {
  const join = useRememberedJoin(snapshot);
  return <p>{join ? `${join.code} ${join.url ?? ''}` : 'none'}</p>;
}

describe('when the briefing is over and the snapshot no longer carries them', () => {
  it('keeps the code and URL it saw, for the J key', () => {
    const harness = DrillHarness.started(baseScenario);
    const view = render(
      <Remembered snapshot={projectorSnapshot(harness, { code: '123456', url: joinUrl })} />,
    );
    view.rerender(<Remembered snapshot={projectorSnapshot(harness)} />);
    expect(screen.getByText(`123456 ${joinUrl}`)).toBeTruthy();
  });

  it('has nothing to show if it never saw them', () => {
    render(<Remembered snapshot={projectorSnapshot(DrillHarness.started(baseScenario))} />);
    expect(screen.getByText('none')).toBeTruthy();
  });
});
