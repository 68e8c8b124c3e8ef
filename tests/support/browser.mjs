// The one way tests start Chromium on this project's machines: the system build, headless,
// with background networking off (the network is closed and Chromium would keep retrying).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; playwright gives every launch a fresh profile directory. */
export function launchBrowser(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...options });
}

/**
 * A new context in which every request but those for `allowed` URLs (navigation,
 * scripts, fetches, file: URLs too) is refused; `refused` lists what was asked.
 */
export async function refusingContext(browser, allowed) {
  const context = await browser.newContext();
  const refused = [];
  await context.route('**/*', (route) => {
    if (allowed.includes(route.request().url())) return route.continue();
    refused.push(route.request().url());
    return route.abort('accessdenied');
  });
  return { context, refused };
}

/**
 * Opens a page in a new context. `errors` collects uncaught page errors and console
 * errors, so a test can assert that a page ran cleanly.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  if (url) await page.goto(url);
  return { page, errors };
}
