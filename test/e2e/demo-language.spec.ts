// The QA demo's language picker: the customer reads the element in the language around it, the
// developer's detail stays English beside it in the log, and Arabic lays the element out mirrored.
import { expect, test, type Page } from '@playwright/test';
import ar from '../../src/translations/ar.js';
import ja from '../../src/translations/ja.js';

async function openDemo(page: Page, query: string) {
  await page.goto(`./?${query}`);
  await page.locator('html[data-ready]').waitFor();
}

const element = (page: Page) => page.locator('[data-element="default"] fc-relink');

test('in Japanese the customer reads Japanese, and the log keeps the developer detail in English beside it', async ({
  page,
}) => {
  await openDemo(page, 'scenario=endpoint-500');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(page).toHaveURL(/[?&]lang=ja/);
  await expect(element(page).getByRole('button')).toHaveText(ja.label);
  await element(page).getByRole('button').click();
  const row = page.locator('#log tbody tr.terminal').first();
  await expect(row.locator('td.customer')).toHaveText(ja.retry);
  await expect(row.locator('summary')).toHaveText(
    /^session_http_error 500 \(session, retryable\): The session endpoint answered HTTP 500/,
  );
  await expect(element(page).getByRole('status')).toHaveText(ja.retry);
});

test('in Arabic the element lays out right to left, and a cancel reads in Arabic', async ({ page }) => {
  await openDemo(page, 'scenario=cancel&lang=ar');
  const button = element(page).getByRole('button');
  await expect(button).toHaveText(ar.label);
  const direction = await button.evaluate((el) => getComputedStyle(el).direction);
  expect(direction).toBe('rtl');
  // Mirrored: the button sits at the inline end of its box, which is on the right.
  const [box, own] = await Promise.all([element(page).boundingBox(), button.boundingBox()]);
  expect(Math.round((own?.x ?? 0) + (own?.width ?? 0))).toBe(Math.round((box?.x ?? 0) + (box?.width ?? 0)));
  await button.click();
  await expect(page.frameLocator('iframe[name^="__privateStripeFrame"]').getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(element(page).getByRole('status')).toHaveText(ar.cancel);
  await page.screenshot({ path: 'test-output/screenshots/arabic-cancel.png' });
});

test('the language picker offers at least English, Japanese and Arabic, by their own names', async ({ page }) => {
  await openDemo(page, 'scenario=same-account');
  const options = await page.getByRole('combobox', { name: 'Language' }).locator('option').allTextContents();
  expect(options).toEqual(expect.arrayContaining(['English (en)', '日本語 (ja)', 'العربية (ar)']));
});
