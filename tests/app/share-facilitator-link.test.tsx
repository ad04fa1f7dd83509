// @vitest-environment happy-dom
/**
 * The console's "share facilitator link": this drill's own token in `#token=`, never the
 * server key; a copy button; and, in a browser holding only the server key, no link at all.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareFacilitatorLink } from '../../src/app/console/share-facilitator-link';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  vi.restoreAllMocks();
});

describe('when this browser holds the drill’s facilitator token', () => {
  it('offers /drills/ID#token=… and copies it', async () => {
    window.localStorage.setItem('firedrill.key', 'server-key');
    window.localStorage.setItem('firedrill.drill.d1.facilitator', 'drill-token');
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ShareFacilitatorLink drillId="d1" />);
    const field = screen.getByLabelText<HTMLInputElement>('Share facilitator link');
    expect(field.value).toBe(`${window.location.origin}/drills/d1#token=drill-token`);
    expect(field.value).not.toContain('server-key');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(field.value);
  });
});

describe('when this browser holds only the server key', () => {
  it('shares no link and says what to hand on instead', () => {
    window.localStorage.setItem('firedrill.key', 'server-key');
    render(<ShareFacilitatorLink drillId="d1" />);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.body.textContent).not.toContain('server-key');
    expect(document.body.textContent).toContain('facilitator address the server printed');
  });
});
