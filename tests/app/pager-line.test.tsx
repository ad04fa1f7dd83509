// @vitest-environment happy-dom
/** The phone's pager: a system page reads as the alert it carries. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PagerLine } from '../../src/app/participant/pager-line';
import type { PageView } from '../../src/engine/projection/projection-views';

afterEach(cleanup);

const page = (fields: Partial<PageView>): PageView => ({
  seq: 3,
  drillMs: 60_000,
  from: null,
  to: 'oncall',
  channel: 'page',
  delivered: true,
  undelivered: null,
  system: true,
  via: { path: 'engineering', level: 0 },
  message: { situation: 'Alarm: checkout p99 above 2 s' },
  covered: [],
  ackSeq: null,
  ackedAtMs: null,
  retracted: false,
  ...fields,
});
const roles = [{ id: 'oncall', name: 'On-call' }];

describe('when a system page is open', () => {
  it('shows the alert it carries, from the paging system, at its level', () => {
    const { container } = render(<PagerLine page={page({})} roles={roles} />);
    expect(screen.getByText('Alarm: checkout p99 above 2 s').tagName).toBe('STRONG');
    expect(container.textContent).toContain('Page from the paging system (page), level 1');
  });
});

describe('when a team page is open', () => {
  it('names the sender and shows no alert line', () => {
    const { container } = render(
      <PagerLine
        page={page({ from: 'oncall', system: false, via: null, message: { situation: 'x' } })}
        roles={roles}
      />,
    );
    expect(container.textContent).toBe('Page from On-call (page)');
  });
});
