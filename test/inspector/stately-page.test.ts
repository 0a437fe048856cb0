// The page in a real browser reports its position to --stately: its own POSTs pass the server's
// Origin check (Chromium sends Origin and Sec-Fetch-Site: same-origin with them), while a page of
// another origin that posts to the inspector is refused.
import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadScenario } from '../../src/api/scenario.js';
import { startInspectorServer, type InspectorServer } from '../../src/inspector/server.js';
import { launchChromium } from '../helpers/inspector-page.js';
import { ARTICLE } from '../helpers/scenarios.js';

const scenario = loadScenario(ARTICLE);
const sent: StatelyInspectionEvent[] = [];
let server: InspectorServer;
let browser: Browser;
let elsewhere: Server;

beforeAll(async () => {
  server = await startInspectorServer({ scenario, stately: createInspector({ send: (e) => void sent.push(e) }) });
  browser = await launchChromium();
  // Another origin (another port of this machine): its page tries to drive the inspector.
  elsewhere = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  elsewhere?.close();
});

/** Waits until `sent` has an event for which `test` holds (the page reports as it settles). */
async function waitForSent(test: (e: StatelyInspectionEvent) => boolean): Promise<void> {
  while (!sent.some(test)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the page and --stately in Chromium', () => {
  it('the page’s own position reports are taken', async () => {
    const page = await browser.newPage();
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/position'));
    await page.goto(`${server.url}#at=2`);
    const response = await answered;
    expect(response.status()).toBe(204);
    expect(await response.request().headerValue('origin')).toBe(new URL(server.url).origin);
    await waitForSent((e) => e.type === '@xstate.snapshot');
    await page.close();
  });

  it('a page of another origin cannot post a position (403), whatever it sends', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
    const before = sent.length;
    // What reached the server and came back, as the browser saw it before hiding it from the page.
    const seen: string[] = [];
    page.on('response', (r) => void seen.push(String(r.status())));
    page.on('requestfailed', (r) => void seen.push(r.failure()?.errorText ?? 'failed'));
    const settled = await page.evaluate(async (target) => {
      const body = JSON.stringify({ moves: [] });
      // no-cors: the browser sends the request as a form could (no preflight); the answer, if
      // any, is hidden from the page, so the server itself must refuse.
      const outcomes: string[] = [];
      for (const type of ['text/plain', 'application/json'])
        outcomes.push(
          await fetch(`${target}api/position`, {
            method: 'POST',
            mode: 'no-cors',
            body,
            headers: { 'content-type': type },
          })
            .then((r) => r.type)
            .catch(() => 'blocked'),
        );
      return outcomes;
    }, server.url);
    // Both answers came back (the resource policy then hid them): the server had decided, and
    // showed nothing.
    expect(settled).toEqual(['blocked', 'blocked']);
    expect(seen).toEqual(['net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin', 'net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin']);
    expect(sent.length).toBe(before);
    await page.close();
  });
});
