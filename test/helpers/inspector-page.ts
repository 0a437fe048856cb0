import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startInspectorServer, type InspectorServer } from '../../src/inspector/server.js';
import type { Scenario } from '../../src/api/scenario.js';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from '../../bench/chromium.js';

/**
 * Debian's Chromium, headless and offline, as every browser test drives it. Its pages have no
 * timeout of Playwright's own (30 s to a wait, by default): a page waits for what it waits for,
 * however loaded the machine, and vitest's timeout (vitest.config.ts) is the one that calls a hang.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: 0 });
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(0);
    return page;
  };
  return browser;
}

/**
 * Opens the inspector's page offline: any request that does not go to the inspector itself is
 * refused and recorded in `elsewhere`. Waits for the "From here" table; fails on a page error.
 */
export async function openInspectorPage(
  browser: Browser,
  url: string,
  viewport = { width: 1600, height: 1000 },
): Promise<{ page: Page; elsewhere: string[] }> {
  const page = await browser.newPage({ viewport });
  const elsewhere: string[] = [];
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(origin) || route.request().url().startsWith('data:')) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.locator('.from-here table').waitFor();
  expect(errors).toEqual([]);
  return { page, elsewhere };
}

/**
 * Starts the inspector on a scenario and Chromium for the tests of a file (closed after them), and
 * opens pages offline on it: `open('#at=12')`.
 */
export function useInspector(scenario: Scenario) {
  let server: InspectorServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startInspectorServer({ scenario });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url(): string {
      return (server as InspectorServer).url;
    },
    get browser(): Browser {
      return browser as Browser;
    },
    open: (hash: string, viewport?: { width: number; height: number }) =>
      openInspectorPage(browser as Browser, `${(server as InspectorServer).url}${hash}`, viewport),
  };
}
