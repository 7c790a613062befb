// The QA demo's wider outcomes, driven as a QA person would: the merchant's own dialog, a check by
// the merchant's server, a reset, why and by when, a second tab, Stripe's screens in the customer's
// language, the log's clock and attempt ids, and a clean console.
import { expect, test, type Page } from '@playwright/test';
import en from '../../src/translations/en.js';
import ja from '../../src/translations/ja.js';
import { stripeTextsFor } from '../../demo/stripe-texts.js';

async function openDemo(page: Page, query = '') {
  await page.goto(`./${query}`);
  await page.locator('html[data-ready]').waitFor();
}

const element = (page: Page) => page.locator('[data-element="default"] fc-relink');
const stateBadge = (page: Page) => page.locator('[data-state-for="default"]');
const merchantDialog = (page: Page) => page.getByRole('dialog', { name: 'Your bank connection needs attention' });
/** Stripe's (simulated) flow: the dialog that is not the merchant's. */
const stripeFlow = (page: Page) => page.frameLocator('iframe[name^="__privateStripeFrame"]').getByRole('dialog');
const terminalRows = (page: Page) => page.locator('#log tbody tr.terminal');
const logRow = (page: Page, text: string) => page.locator('#log tbody tr', { hasText: text });

/** Agree, sign in, keep the one account, reconnect, Done: by mouse, as a customer would. */
async function relinkByMouse(page: Page) {
  const flow = stripeFlow(page);
  await flow.getByRole('button', { name: 'Agree and continue' }).click();
  await flow.getByRole('button', { name: 'Sign in to StripeBank' }).click();
  await flow.getByRole('button', { name: 'Reconnect account' }).click();
  await flow.getByRole('button', { name: 'Done' }).click();
  await expect(flow).toBeHidden();
}

async function latestOutcome(page: Page) {
  const row = terminalRows(page).last();
  await row.waitFor();
  const summary = (await row.locator('summary').textContent()) ?? '';
  return { event: await row.locator('td').nth(2).textContent(), summary };
}

test("in the merchant's modal dialog the customer sees and uses Stripe's flow; the dialog stays", async ({ page }) => {
  await openDemo(page, '?scenario=merchant-dialog');
  await page.getByRole('button', { name: 'Open the merchant’s dialog' }).click();
  const host = merchantDialog(page);
  await expect(host).toBeVisible();
  const button = host.locator('fc-relink').getByRole('button');
  await button.click();
  await expect(stripeFlow(page)).toBeVisible();
  await relinkByMouse(page);

  await expect(stateBadge(page)).toHaveText('success');
  await expect(logRow(page, 'same_account, 1 account: fca_test_checking').first()).toBeVisible();
  // The merchant's modal is still open and modal, with focus back on the element's button.
  await expect(host).toBeVisible();
  expect(await host.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
  await expect(button).toBeFocused();
});

test('with verify-url the embedded element checks with the server before it reports success', async ({ page }) => {
  await openDemo(page, '?scenario=verify-success');
  await element(page).getByRole('button').click();
  await relinkByMouse(page);
  await expect(stateBadge(page)).toHaveText('success');
  await expect(logRow(page, 'open → verifying')).toHaveCount(1);
  await expect(logRow(page, 'verifying → success')).toHaveCount(1);
});

test('with verify-url, a relink the server cannot confirm is verification_failed, never success', async ({ page }) => {
  await openDemo(page, '?scenario=verify-failed');
  await element(page).getByRole('button').click();
  await relinkByMouse(page);
  await expect(stateBadge(page)).toHaveText('error');
  await expect(logRow(page, 'open → verifying')).toHaveCount(1);
  expect((await latestOutcome(page)).summary).toMatch(/^verification_failed \d* ?\(verify, retryable\)/);
  await expect(logRow(page, 'fc-relink-success')).toHaveCount(0);
});

test('picking the scenario already picked starts it afresh', async ({ page }) => {
  await openDemo(page, '?scenario=endpoint-500');
  await element(page).getByRole('button').click();
  await expect(stateBadge(page)).toHaveText('error');
  await expect(element(page).getByRole('status')).not.toHaveText('');

  await page.getByRole('radio', { name: 'Endpoint answers 500' }).click();
  await expect(stateBadge(page)).toHaveText('idle');
  await expect(element(page)).toHaveAttribute('state', 'idle');
  await expect(element(page).getByRole('status')).toHaveText('');
});

test('why and by when: a reason and a date picked in the panel are what the idle line says', async ({ page }) => {
  await openDemo(page, '?scenario=same-account');
  await page.getByLabel('Why the customer is asked').selectOption('expiring');
  await page.getByLabel('By when').fill('2027-01-15');
  await expect(element(page).getByRole('status')).toHaveText(en.reasonExpiringOn.replace('{date}', 'January 15, 2027'));
  await expect(page).toHaveURL(/[?&]reason=expiring&due=2027-01-15/);

  await page.getByLabel('Why the customer is asked').selectOption('inactive');
  await expect(element(page).getByRole('status')).toHaveText(en.reasonInactive);
  // A link with the choices reopens them, in the language picked.
  await openDemo(page, '?scenario=same-account&reason=permissions&lang=ja');
  await expect(page.getByLabel('Why the customer is asked')).toHaveValue('permissions');
  await expect(element(page).getByRole('status')).toHaveText(ja.reasonPermissions);
});

test('relinked in one tab, the account in a second tab moves to success, as elsewhere', async ({ page, context }) => {
  await openDemo(page, '?scenario=same-account');
  const [page2] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Open this demo in a second tab' }).click(),
  ]);
  await page2.locator('html[data-ready]').waitFor();
  await expect(page2).toHaveURL(/scenario=same-account/);
  await expect(stateBadge(page2)).toHaveText('idle');

  await page.bringToFront();
  await element(page).getByRole('button').click();
  await relinkByMouse(page);
  await expect(stateBadge(page)).toHaveText('success');

  await expect(stateBadge(page2)).toHaveText('success');
  const row = page2.locator('#log tbody tr.terminal', { hasText: 'default' });
  await expect(row.locator('summary')).toHaveText('same_account, 0 accounts, relinked elsewhere');
  await row.locator('summary').click();
  expect(JSON.parse((await row.locator('pre').textContent()) ?? '{}')).toMatchObject({ elsewhere: true, accounts: [] });
});

test("Stripe's simulated screens speak the language picked, in all nine languages", async ({ page }) => {
  await openDemo(page, '?scenario=cancel');
  for (const lang of ['en', 'ja', 'ar', 'fr', 'de', 'es', 'it', 'nl', 'pt']) {
    const texts = stripeTextsFor(lang).flow;
    await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    await element(page).getByRole('button').click();
    const flow = stripeFlow(page);
    await expect(flow.getByRole('heading', { name: texts.consentTitle })).toBeVisible();
    await expect(flow.getByRole('button', { name: texts.agree })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(flow).toBeHidden();
  }
  await expect(terminalRows(page)).toHaveCount(9);
});

test("Stripe's simulated hosted page speaks the language picked", async ({ page }) => {
  await openDemo(page, '?scenario=hosted-success&lang=ja');
  await element(page).getByRole('button').click();
  await page.waitForURL(/\/hosted\.html\?session=fcsess_/);
  const texts = stripeTextsFor('ja').hosted;
  await expect(page.getByRole('heading', { name: texts.title })).toBeVisible();
  await page.getByRole('button', { name: texts.reconnect, exact: true }).click();
  await page.waitForURL(/scenario=hosted-success/);
  await page.locator('html[data-ready]').waitFor();
  expect((await latestOutcome(page)).event).toBe('fc-relink-success');
});

test.describe('on a QA machine in Tokyo', () => {
  test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' });

  test("the log's times are the local clock, and each event names its attempt", async ({ page }) => {
    await openDemo(page, '?scenario=endpoint-500');
    await element(page).getByRole('button').click();
    const row = terminalRows(page).first();
    await row.waitFor();
    const time = row.locator('time');
    const iso = (await time.getAttribute('datetime')) ?? '';
    const tokyo = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Tokyo',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect((await time.textContent())?.slice(0, 5)).toBe(tokyo.format(new Date(iso)));

    await row.locator('summary').click();
    const { attemptId } = JSON.parse((await row.locator('pre').textContent()) ?? '{}') as { attemptId: string };
    expect(attemptId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(row.locator('td.attempt')).toHaveText(attemptId.slice(0, 8));
    await expect(row.locator('td.attempt')).toHaveAttribute('title', attemptId);
  });
});

test('the demo loads with no failed request and no console error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`));
  await openDemo(page);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});
