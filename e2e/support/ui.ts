/**
 * What a member does and sees, in the H5 build: wait for text, tap text, and fail the test on
 * any console error. Taro renders views as custom elements, so everything goes by visible text.
 */
import type { Locator, Page } from 'playwright-core';
import type { MemberPage } from './browser';
import { screenshot } from './browser';

const TIMEOUT = 15_000;

export async function see(page: Page, text: string | RegExp, timeout = TIMEOUT): Promise<Locator> {
  const loc = page.getByText(text).filter({ visible: true }).first();
  try {
    await loc.waitFor({ state: 'visible', timeout });
  } catch (err) {
    // Leave evidence of what the member saw instead.
    await screenshot(
      page,
      `FAILED-${String(text)
        .replace(/[^\p{L}\p{N}]+/gu, '_')
        .slice(0, 40)}`,
    ).catch(() => undefined);
    const shown = await pageText(page).catch(() => '');
    throw new Error(`"${String(text)}" not visible. The page shows:\n${shown.slice(0, 1500)}\n${(err as Error).message}`);
  }
  return loc;
}

export async function notSee(page: Page, text: string | RegExp, timeout = TIMEOUT): Promise<void> {
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'detached', timeout });
}

/** Taps the visible element with exactly this text (the innermost one). */
export async function tap(page: Page, text: string | RegExp): Promise<void> {
  const loc = page
    .getByText(text, { exact: typeof text === 'string' })
    .filter({ visible: true })
    .first();
  await loc.waitFor({ state: 'visible', timeout: TIMEOUT });
  await loc.click();
}

/** Taps the tab with this title (tab bars repeat words shown elsewhere, e.g. a tier name). */
export async function tapTab(page: Page, title: string): Promise<void> {
  await page.locator('.mc-tabs__item').filter({ hasText: title, visible: true }).first().click();
}

/** Takes every unlock ceremony the page shows (收下), one after the other: a change may earn several badges. */
export async function takeCeremonies(page: Page): Promise<void> {
  await page.waitForTimeout(600);
  while (await page.getByText('解锁新徽章').filter({ visible: true }).count()) {
    await tap(page, '收下');
    await page.waitForTimeout(400);
  }
}

/** Everything the page shows, as one string (for `toContain` assertions). */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Opens a page with a fresh load (a hash-only change would keep the SPA's page stack). */
export async function go(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

/** Screenshot after animations settle. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(700);
  await screenshot(page, name);
}

/** Fails the current test on console errors seen since the last check (then starts afresh). */
export function expectNoConsoleErrors(member: MemberPage): void {
  const seen = member.errors.splice(0);
  if (seen.length) throw new Error(`console errors:\n${seen.join('\n')}`);
}
