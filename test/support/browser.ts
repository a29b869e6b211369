// Headless Chromium (Debian's package) driven by playwright-core, for the browser journeys.
// Requests to any host but 127.0.0.1 are blocked: the shop must work with no outside network.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A phone-sized page that fails the test on page errors and blocks outside hosts. */
export async function newPhonePage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    hasTouch: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  return { page, errors };
}

/**
 * A page signed in as `openid` (the browser build's demo identity), phone-sized unless `desktop`,
 * allowed to use the clipboard (share links are copied), with the same outside-host block.
 */
export async function pageAs(
  browser: Browser,
  openid: string,
  desktop = false,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: desktop ? { width: 1280, height: 800 } : { width: 390, height: 844 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  await page.addInitScript(`localStorage.setItem('demo-openid', ${JSON.stringify(openid)})`);
  return { page, errors };
}

/** Fills the checkout's address form with a test address. */
export async function fillAddress(page: Page): Promise<void> {
  for (const [field, value] of [
    ['.address-name', '林小姐'],
    ['.address-phone', '13800001234'],
    ['.address-region', '浙江省 杭州市 西湖区'],
    ['.address-detail', '文三路 100 号'],
  ])
    await page.locator(`${field} input`).fill(value);
}
