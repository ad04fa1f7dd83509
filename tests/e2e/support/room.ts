/**
 * A room for one e2e file: the real server with the built app and one Chromium, started
 * before its tests and closed after them, and pages that each get their own browser context
 * (a phone, the console, the projector) with dialogs accepted.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { StartAppOptions } from './app-server';
import { startApp } from './app-server';
import { launchBrowser } from './browser';

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export interface Room {
  /** The app's base URL (valid inside tests). */
  readonly url: () => string;
  readonly newPage: (options?: Parameters<Browser['newContext']>[0]) => Promise<Page>;
}

/** `options.lan`: the server listens on 0.0.0.0 (app-server.ts), the pages still open 127.0.0.1. */
export function openRoom(options: StartAppOptions = {}): Room {
  let url = '';
  let close: (() => Promise<void>) | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    const [app, launched] = await Promise.all([startApp(options), launchBrowser()]);
    url = app.url;
    close = () => app.close();
    browser = launched;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await close?.();
  });
  return {
    url: () => url,
    newPage: async (options = {}) => {
      if (!browser) throw new Error('the room is not open yet: call newPage inside a test');
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      return page;
    },
  };
}
