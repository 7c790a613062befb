// The QA demo, driven as a QA person would: pick a scenario, click the element, operate the
// simulated Financial Connections flow with the keyboard, read the event log.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SCENARIOS, type Scenario } from '../../demo/scenarios.js';

const SHOTS = 'test-output/screenshots';

async function openDemo(page: Page, scenarioId?: string) {
  await page.goto(scenarioId ? `./?scenario=${scenarioId}` : './');
  await page.locator('html[data-ready]').waitFor();
}

const relinkButton = (page: Page) => page.locator('[data-element="default"] fc-relink').getByRole('button');
const stateBadge = (page: Page) => page.locator('[data-state-for="default"]');
// Stripe draws its flow in an iframe on document.body; the simulated flow is a dialog inside it.
const dialog = (page: Page) => page.frameLocator('iframe[name^="__privateStripeFrame"]').getByRole('dialog');

/** The terminal log rows of one element (both of the page's elements are for the same account). */
const terminalRowsOf = (page: Page, element: string) =>
  page
    .locator('#log tbody tr.terminal')
    .filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${element}$`) }) });

/** The terminal rows of the attempts themselves, not of an element hearing that another succeeded. */
const ownOutcomes = (page: Page) =>
  page.locator('#log tbody tr.terminal').filter({ hasNot: page.locator('summary', { hasText: 'relinked elsewhere' }) });

/** The latest outcome of `element`'s attempt, or of any element's when none is named. */
async function latestOutcome(page: Page, element?: string) {
  const row = (element ? terminalRowsOf(page, element) : ownOutcomes(page)).first();
  await row.waitFor();
  return {
    element: await row.locator('td').nth(1).textContent(),
    event: await row.locator('td').nth(2).textContent(),
    summary: (await row.locator('summary').textContent()) ?? '',
  };
}

async function isFocused(locator: Locator) {
  return locator.evaluate((el) => el.matches(':focus'));
}

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 12; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

/** Consent and bank sign-in, by keyboard: each step focuses its primary button. */
async function throughToAccounts(page: Page) {
  const flow = dialog(page);
  await expect(flow.getByRole('heading', { name: 'Reconnect your bank account' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(flow.getByRole('heading', { name: 'Sign in to StripeBank' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(flow.getByRole('heading', { name: /accounts? to reconnect/ })).toBeVisible();
}

async function reconnectAndFinish(page: Page) {
  const flow = dialog(page);
  await tabTo(page, flow.getByRole('button', { name: /^Reconnect/ }));
  await page.keyboard.press('Enter');
  await expect(flow.getByRole('heading', { name: 'Your account is reconnected' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(flow).toBeHidden();
}

/** The tab went to Stripe's (simulated) hosted page. */
async function onHostedPage(page: Page) {
  await page.waitForURL(/\/hosted\.html\?session=fcsess_/);
  await page.locator('html[data-ready]').waitFor();
}

/** Stripe sent the tab back to the demo page it came from. */
async function backOnDemo(page: Page, scenarioId: string) {
  await page.waitForURL(new RegExp(`scenario=${scenarioId}`));
  await page.locator('html[data-ready]').waitFor();
}

const checkbox = (page: Page, name: string) => dialog(page).getByRole('checkbox', { name: new RegExp(name) });

/** What a QA person does in the flow for each scenario; none: Stripe never opens. */
const DRIVE: Partial<Record<string, (page: Page) => Promise<void>>> = {
  'same-account': async (page) => {
    await throughToAccounts(page);
    await expect(checkbox(page, 'Everyday Checking')).toBeChecked();
    await expect(checkbox(page, 'High Yield Savings')).toBeDisabled();
    await page.screenshot({ path: `${SHOTS}/open-account-choice.png` });
    await reconnectAndFinish(page);
  },
  'different-account': async (page) => {
    await throughToAccounts(page);
    await expect(checkbox(page, 'Everyday Checking')).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(checkbox(page, 'High Yield Savings')).toBeChecked();
    await reconnectAndFinish(page);
  },
  'any-account-one': async (page) => {
    await throughToAccounts(page);
    await expect(checkbox(page, 'Everyday Checking')).toBeChecked();
    await reconnectAndFinish(page);
  },
  'any-account-several': async (page) => {
    await throughToAccounts(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(dialog(page).getByRole('button', { name: 'Reconnect 2 accounts' })).toBeEnabled();
    await reconnectAndFinish(page);
  },
  cancel: async (page) => {
    await expect(dialog(page)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/open-consent.png` });
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
  },
  'hosted-success': async (page) => {
    await onHostedPage(page);
    await page.getByRole('button', { name: 'Reconnect' }).click();
    await backOnDemo(page, 'hosted-success');
  },
  'hosted-cancel': async (page) => {
    await onHostedPage(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await backOnDemo(page, 'hosted-cancel');
  },
  'hosted-expired': async (page) => {
    await onHostedPage(page);
    await expect(page.getByRole('heading', { name: 'This link has expired.' })).toBeVisible();
    await page.getByRole('link', { name: 'Return to Demo Merchant' }).click();
    await backOnDemo(page, 'hosted-expired');
  },
  'verify-success': async (page) => {
    await throughToAccounts(page);
    await reconnectAndFinish(page);
  },
  'verify-failed': async (page) => {
    await throughToAccounts(page);
    await reconnectAndFinish(page);
  },
  'session-timeout': async (page) => {
    await expect(stateBadge(page)).toHaveText('loading');
  },
  'endpoint-slow': async (page) => {
    await expect(stateBadge(page)).toHaveText('loading');
    await page.screenshot({ path: `${SHOTS}/loading.png` });
    await page.waitForTimeout(2500);
    await expect(stateBadge(page)).toHaveText('loading');
    await expect(dialog(page)).toBeVisible({ timeout: 5000 });
    await throughToAccounts(page);
    await reconnectAndFinish(page);
  },
};

/** The log line each scenario must end with: event and the start of its summary. */
const OUTCOME: Record<string, [string, RegExp]> = {
  'same-account': ['fc-relink-success', /^same_account, 1 account: fca_test_checking$/],
  'different-account': ['fc-relink-error', /^account_mismatch \(result, not retryable\)/],
  'any-account-one': ['fc-relink-success', /^any_account, 1 account: fca_test_checking$/],
  'any-account-several': ['fc-relink-success', /^any_account, 2 accounts: fca_test_checking, fca_test_savings$/],
  cancel: ['fc-relink-cancel', /^same_account$/],
  'expired-session': ['fc-relink-error', /^stripe_error \(stripe, retryable\): .*expired/],
  'used-session': ['fc-relink-error', /^stripe_error \(stripe, retryable\): .*already been used/],
  'endpoint-500': ['fc-relink-error', /^session_http_error 500 \(session, retryable\)/],
  'endpoint-429': ['fc-relink-error', /^session_http_error 429 \(session, retryable\)/],
  'endpoint-401': ['fc-relink-error', /^session_http_error 401 \(session, not retryable\)/],
  'endpoint-403': ['fc-relink-error', /^session_http_error 403 \(session, not retryable\)/],
  'endpoint-404': ['fc-relink-error', /^session_http_error 404 \(session, not retryable\)/],
  'session-timeout': ['fc-relink-error', /^session_request_failed \(session, retryable\): .*1500 ms/],
  'endpoint-slow': ['fc-relink-success', /^same_account, 1 account/],
  'endpoint-garbage': ['fc-relink-error', /^invalid_session_response 200 \(session, not retryable\): .*not JSON/],
  'endpoint-down': ['fc-relink-error', /^session_request_failed \(session, retryable\)/],
  'session-mismatch': ['fc-relink-error', /^session_mismatch \(session, not retryable\)/],
  'stripe-blocked': ['fc-relink-error', /^stripe_load_failed \(stripe, retryable\)/],
  'secret-key': ['fc-relink-error', /^invalid_publishable_key \(config, not retryable\)/],
  'invalid-config': ['fc-relink-error', /^invalid_config \(config, not retryable\): account must be fca_…/],
  'live-key': ['fc-relink-error', /^livemode_mismatch \(session, not retryable\): .*not in live mode/],
  'verify-success': ['fc-relink-success', /^same_account, 1 account: fca_test_checking$/],
  'verify-failed': ['fc-relink-error', /^verification_failed 200 \(verify, retryable\)/],
  'hosted-success': ['fc-relink-success', /^same_account, 0 accounts$/],
  'hosted-cancel': ['fc-relink-cancel', /^same_account$/],
  'hosted-expired': ['fc-relink-error', /^verification_failed 200 \(verify, retryable\): .*no relinked authorization/],
};

/** Scenarios a QA person drives from a control of their own rather than the element. */
const OWN_TESTS = ['hosted-email', 'merchant-dialog'];

test('every scenario in the panel has a test below', () => {
  expect(SCENARIOS.map((s) => s.id).sort()).toEqual([...Object.keys(OUTCOME), ...OWN_TESTS].sort());
});

for (const scenario of (SCENARIOS as readonly Scenario[]).filter((s) => !OWN_TESTS.includes(s.id))) {
  test(`ends the scenario “${scenario.label}” in ${scenario.expect}`, async ({ page }) => {
    test.setTimeout(scenario.endpoint === 'slow' ? 30_000 : 15_000);
    await openDemo(page);
    await page.getByRole('radio', { name: scenario.label }).check();
    await expect(page.locator('#scenario-help')).toContainText(`Expected: ${scenario.expect}`);
    await expect(stateBadge(page)).toHaveText('idle');

    await relinkButton(page).click();
    const drive = DRIVE[scenario.id];
    if (drive) await drive(page);

    const outcome = await latestOutcome(page);
    const [event, summary] = OUTCOME[scenario.id] ?? ['', /$^/];
    // Back from the hosted page either element of the page, both for the account, may report.
    const reporter = scenario.hosted ? (outcome.element ?? '') : 'default';
    expect(outcome.element).toBe(reporter);
    expect(outcome.event).toBe(event);
    expect(outcome.summary).toMatch(summary);
    await expect(page.locator(`[data-state-for="${reporter}"]`)).toHaveText(event.replace('fc-relink-', ''));
    if (!drive) await expect(dialog(page)).toHaveCount(0);
    // Exactly one terminal event for the one attempt; the other element, when for the same
    // account, hears of a success and says so, and of nothing else.
    await expect(ownOutcomes(page)).toHaveCount(1);
    const other = terminalRowsOf(page, reporter === 'default' ? 'restyled' : 'default');
    if (event === 'fc-relink-success' && scenario.sameAccount) {
      await expect(other.locator('summary')).toHaveText(/, relinked elsewhere$/);
    } else {
      await expect(other).toHaveCount(0);
    }
    // The client secret is nowhere on the page or in its URL.
    expect(await page.content()).not.toContain('_secret_');
    expect(page.url()).not.toContain('_secret_');
    expect(page.url()).toContain(`scenario=${scenario.id}`);
  });
}

test('lets a keyboard user pick a scenario, start, be trapped in the flow, cancel, regain focus', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('radio', { name: 'Same account relinked' }).focus();
  // Arrow keys move through the radio group.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Customer closes the flow' })).toBeChecked();
  await tabTo(page, relinkButton(page));
  await page.keyboard.press('Enter');

  const flow = dialog(page);
  await expect(flow).toBeVisible();
  // Focus stays inside the modal flow however far one tabs.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await flow.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(flow).toBeHidden();
  expect((await latestOutcome(page)).event).toBe('fc-relink-cancel');
  await expect(relinkButton(page)).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/cancel.png` });
});

test('the restyled element runs the same flow and logs under its own name', async ({ page }) => {
  await openDemo(page, 'same-account');
  await page
    .locator('[data-element="restyled"] fc-relink')
    .getByRole('button', { name: 'Fix my bank connection' })
    .click();
  await throughToAccounts(page);
  await reconnectAndFinish(page);
  const outcome = await latestOutcome(page, 'restyled');
  expect(outcome).toMatchObject({ element: 'restyled', event: 'fc-relink-success' });
  await expect(page.locator('[data-state-for="restyled"]')).toHaveText('success');
});

test('with prefetch on, hovering requests the session silently and the click uses it', async ({ page }) => {
  await openDemo(page, 'same-account');
  await page.getByRole('checkbox', { name: /Prefetch the session/ }).check();
  await expect(page).toHaveURL(/[?&]prefetch/);
  const requests = page.locator('#requests');
  await expect(requests).toHaveText('0');
  await relinkButton(page).hover();
  await expect(requests).toHaveText('1');
  await expect(page.locator('#log tbody tr')).toHaveCount(0);
  await expect(stateBadge(page)).toHaveText('idle');
  await relinkButton(page).click();
  await throughToAccounts(page);
  await reconnectAndFinish(page);
  expect(await latestOutcome(page)).toMatchObject({ element: 'default', event: 'fc-relink-success' });
  await expect(requests).toHaveText('1');
});

test('without prefetch, hovering requests nothing', async ({ page }) => {
  await openDemo(page, 'same-account');
  await relinkButton(page).hover();
  await page.waitForTimeout(300);
  await expect(page.locator('#requests')).toHaveText('0');
});

test('clicking again after an error starts a new attempt with its own outcome', async ({ page }) => {
  await openDemo(page, 'endpoint-500');
  await relinkButton(page).click();
  expect((await latestOutcome(page)).summary).toMatch(/^session_http_error 500/);
  await page.screenshot({ path: `${SHOTS}/error.png` });
  await relinkButton(page).click();
  await expect(page.locator('#log tbody tr.terminal')).toHaveCount(2);
  await expect(page.locator('#log tbody tr', { hasText: 'idle → loading' })).toHaveCount(1);
  await expect(page.locator('#log tbody tr', { hasText: 'error → loading' })).toHaveCount(1);
});

test('screenshots of the demo in its main states', async ({ page }) => {
  await openDemo(page, 'same-account');
  await page.screenshot({ path: `${SHOTS}/idle.png`, fullPage: true });
  await relinkButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/open.png` });
  await throughToAccounts(page);
  await reconnectAndFinish(page);
  await expect(stateBadge(page)).toHaveText('success');
  await page.screenshot({ path: `${SHOTS}/success.png`, fullPage: true });

  await page.getByRole('radio', { name: 'Secret key pasted into publishable-key' }).check();
  await expect(page.locator('#mode-badge')).toHaveText('INVALID KEY');
  await relinkButton(page).click();
  await expect(stateBadge(page)).toHaveText('error');
  await page.screenshot({ path: `${SHOTS}/secret-key-refused.png`, fullPage: true });
});

test('the test-mode badge follows the key', async ({ page }) => {
  await openDemo(page, 'same-account');
  await expect(page.locator('#mode-badge')).toHaveText('TEST MODE');
  await page.getByRole('radio', { name: 'Secret key pasted into publishable-key' }).check();
  await expect(page.locator('#mode-badge')).toHaveText('INVALID KEY');
});

test('Stripe emails the link once per account in 48 hours: the second request is refused with 429', async ({
  page,
}) => {
  await openDemo(page, 'hosted-email');
  const email = page.getByRole('button', { name: 'Email the customer a relink link' });
  await email.click();
  const rows = page.locator('#log tbody tr.terminal');
  await expect(rows.first()).toContainText('POST relink-hosted (email) → 200');
  await email.click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('→ 429');
  await expect(rows.first()).toContainText(/relink_rate_limited: .*48 hours ago\. \(Retry-After: \d+ s\)/);
});

test('back from the hosted page, the outcome is reported once: a reload reports nothing', async ({ page }) => {
  await openDemo(page, 'hosted-success');
  await relinkButton(page).click();
  await onHostedPage(page);
  await page.getByRole('button', { name: 'Reconnect' }).click();
  await backOnDemo(page, 'hosted-success');
  expect((await latestOutcome(page)).event).toBe('fc-relink-success');
  await page.reload();
  await page.locator('html[data-ready]').waitFor();
  await page.waitForTimeout(500);
  await expect(page.locator('#log tbody tr')).toHaveCount(0);
  await expect(stateBadge(page)).toHaveText('idle');
});
