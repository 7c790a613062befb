// relinkEligibility: every status, action, cause and tokenized-account-number state, in the
// documented order of precedence, with the 30-day window's edges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { relinkEligibility } from '../../dist/server/index.js';

const NOW = 1_800_000_000;
const DAY = 24 * 60 * 60;
const WINDOW = 30 * DAY;

/** A Financial Connections Account as Stripe returns it (preview fields included). */
function account(overrides = {}) {
  return {
    id: 'fca_test_1',
    object: 'financial_connections.account',
    account_holder: { type: 'customer', customer: 'cus_test_1' },
    authorization: 'fcauth_test_1',
    status: 'active',
    status_details: {},
    account_numbers: [
      {
        identifier_type: 'account_number',
        status: 'transactable',
        expected_expiry_date: null,
        supported_networks: ['ach'],
      },
    ],
    ...overrides,
  };
}

function tan(status, expected_expiry_date = null) {
  return { identifier_type: 'tokenized_account_number', status, expected_expiry_date, supported_networks: ['ach'] };
}

/** The verdict and its date; what the element is told (`prompt`) has tests of its own, below. */
const withoutPrompt = ({ prompt: _prompt, ...verdict }) => verdict;
const check = (input, now = NOW) => withoutPrompt(relinkEligibility(input, now));

describe('relinkEligibility: account status', () => {
  test('finds an active account with nothing to repair not eligible (active)', () => {
    assert.deepEqual(check(account()), { eligible: false, reason: 'active' });
  });

  test('finds a disconnected account not eligible, whatever else it says', () => {
    const disconnected = account({
      status: 'disconnected',
      account_holder: null,
      status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } },
      account_numbers: [tan('deactivated')],
    });
    assert.deepEqual(check(disconnected), { eligible: false, reason: 'disconnected' });
  });

  test('finds an account with no holder still eligible embedded (API relink takes any account)', () => {
    for (const account_holder of [null, undefined]) {
      const orphan = account({
        account_holder,
        status: 'inactive',
        status_details: { inactive: { action: 'relink_required', cause: 'access_denied' } },
      });
      assert.deepEqual(check(orphan), { eligible: true, reason: 'inactive_relink_required' });
    }
  });

  test('a Connect account holder counts as a holder', () => {
    assert.equal(check(account({ account_holder: { type: 'account', account: 'acct_1' } })).reason, 'active');
  });

  for (const cause of [
    'access_denied',
    'access_expired',
    'account_closed',
    'account_unavailable',
    'institution_requirement',
    'unspecified',
  ]) {
    test(`finds an inactive account (${cause}) with relink_required eligible`, () => {
      const inactive = account({
        status: 'inactive',
        status_details: { inactive: { action: 'relink_required', cause } },
      });
      assert.deepEqual(check(inactive), { eligible: true, reason: 'inactive_relink_required' });
    });

    test(`finds an inactive account (${cause}) with action none not eligible`, () => {
      const inactive = account({ status: 'inactive', status_details: { inactive: { action: 'none', cause } } });
      assert.deepEqual(check(inactive), { eligible: false, reason: 'inactive_not_repairable' });
    });
  }

  test('does not let an expired token rescue an inactive account with action none', () => {
    const closed = account({
      status: 'inactive',
      status_details: { inactive: { action: 'none', cause: 'account_closed' } },
      account_numbers: [tan('deactivated')],
    });
    assert.equal(check(closed).reason, 'inactive_not_repairable');
  });

  test('finds an inactive account without status_details (a GA API version) eligible, action unknown', () => {
    for (const status_details of [undefined, null, {}, { inactive: null }, { inactive: { action: 'something_new' } }]) {
      const inactive = account({ status: 'inactive', status_details });
      assert.deepEqual(
        check(inactive),
        { eligible: true, reason: 'inactive_action_unknown' },
        JSON.stringify(status_details),
      );
    }
  });

  test('finds an account with a status this version does not know not eligible', () => {
    assert.deepEqual(check(account({ status: 'suspended' })), { eligible: false, reason: 'unknown_status' });
  });
});

describe('relinkEligibility: active accounts Stripe flags', () => {
  for (const cause of ['access_expired', 'institution_requirement', 'unspecified']) {
    test(`finds an active account with relink_required (${cause}) eligible, dated by the expected deactivation`, () => {
      const flagged = account({
        status_details: { active: { action: 'relink_required', cause, expected_deactivation_date: NOW + 5 * DAY } },
      });
      assert.deepEqual(check(flagged), {
        eligible: true,
        reason: 'relink_required_before_deactivation',
        date: NOW + 5 * DAY,
      });
    });
  }

  test('relink_required takes precedence over a token expiring later', () => {
    const flagged = account({
      status_details: {
        active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: NOW + DAY },
      },
      account_numbers: [tan('deactivated')],
    });
    assert.equal(check(flagged).reason, 'relink_required_before_deactivation');
  });

  test('finds relink_required without a date eligible, with no date', () => {
    const flagged = account({ status_details: { active: { action: 'relink_required', cause: 'unspecified' } } });
    assert.deepEqual(check(flagged), { eligible: true, reason: 'relink_required_before_deactivation' });
  });

  test('falls through to the token checks for an active account with action none', () => {
    const fine = account({
      status_details: { active: { action: 'none', cause: 'unspecified', expected_deactivation_date: NOW + DAY } },
    });
    assert.deepEqual(check(fine), { eligible: false, reason: 'active' });
  });
});

describe('relinkEligibility: tokenized account numbers', () => {
  const withNumbers = (...numbers) => account({ account_numbers: numbers });

  test('finds a deactivated token eligible', () => {
    assert.deepEqual(check(withNumbers(tan('deactivated', NOW + 90 * DAY))), {
      eligible: true,
      reason: 'tokenized_account_number_deactivated',
    });
  });

  test('finds a token with status expired eligible (expired), with its date when known', () => {
    assert.deepEqual(check(withNumbers(tan('expired', NOW - DAY))), {
      eligible: true,
      reason: 'tokenized_account_number_expired',
      date: NOW - DAY,
    });
    assert.deepEqual(check(withNumbers(tan('expired'))), {
      eligible: true,
      reason: 'tokenized_account_number_expired',
    });
  });

  test('counts an expiry of exactly now as expired', () => {
    assert.deepEqual(check(withNumbers(tan('transactable', NOW))), {
      eligible: true,
      reason: 'tokenized_account_number_expired',
      date: NOW,
    });
  });

  test('counts an expiry one second from now as expiring', () => {
    assert.deepEqual(check(withNumbers(tan('transactable', NOW + 1))), {
      eligible: true,
      reason: 'tokenized_account_number_expiring',
      date: NOW + 1,
    });
  });

  test('counts an expiry exactly 30 days away as expiring (inclusive)', () => {
    assert.deepEqual(check(withNumbers(tan('transactable', NOW + WINDOW))), {
      eligible: true,
      reason: 'tokenized_account_number_expiring',
      date: NOW + WINDOW,
    });
  });

  test('finds an expiry 30 days and 1 second away not eligible', () => {
    assert.deepEqual(check(withNumbers(tan('transactable', NOW + WINDOW + 1))), { eligible: false, reason: 'active' });
  });

  test('finds a transactable token with no expiry date not eligible', () => {
    assert.deepEqual(check(withNumbers(tan('transactable'))), { eligible: false, reason: 'active' });
  });

  test('a pending token is not expiring, whatever its date', () => {
    assert.equal(check(withNumbers(tan('pending'))).reason, 'active');
    assert.deepEqual(check(withNumbers(tan('pending', NOW + DAY))), { eligible: false, reason: 'active' });
    assert.deepEqual(check(withNumbers(tan('pending', NOW - DAY))), { eligible: false, reason: 'active' });
  });

  test('plain account numbers never expire, whatever they say', () => {
    const plain = { identifier_type: 'account_number', status: 'deactivated', expected_expiry_date: NOW - DAY };
    assert.deepEqual(check(withNumbers(plain)), { eligible: false, reason: 'active' });
  });

  test('several tokens: deactivated beats expired beats expiring; the earliest date is given', () => {
    assert.equal(
      check(withNumbers(tan('transactable', NOW + DAY), tan('expired', NOW - DAY), tan('deactivated'))).reason,
      'tokenized_account_number_deactivated',
    );
    assert.deepEqual(
      check(withNumbers(tan('transactable', NOW + DAY), tan('transactable', NOW - 2 * DAY), tan('expired', NOW - DAY))),
      {
        eligible: true,
        reason: 'tokenized_account_number_expired',
        date: NOW - 2 * DAY,
      },
    );
    assert.deepEqual(check(withNumbers(tan('transactable', NOW + 20 * DAY), tan('transactable', NOW + 3 * DAY))), {
      eligible: true,
      reason: 'tokenized_account_number_expiring',
      date: NOW + 3 * DAY,
    });
  });

  test('finds an account with no account_numbers at all (null, absent, empty) not eligible', () => {
    for (const account_numbers of [null, undefined, []]) {
      assert.deepEqual(check(account({ account_numbers })), { eligible: false, reason: 'active' });
    }
  });

  test('tokens are not checked on an inactive account (the inactive reason wins)', () => {
    const inactive = account({
      status: 'inactive',
      status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } },
      account_numbers: [tan('deactivated')],
    });
    assert.equal(check(inactive).reason, 'inactive_relink_required');
  });
});

describe('relinkEligibility: now', () => {
  test('defaults to the current time, in Unix seconds', () => {
    const soon = Math.floor(Date.now() / 1000) + 10 * DAY;
    assert.deepEqual(withoutPrompt(relinkEligibility(account({ account_numbers: [tan('transactable', soon)] }))), {
      eligible: true,
      reason: 'tokenized_account_number_expiring',
      date: soon,
    });
    const later = Math.floor(Date.now() / 1000) + 60 * DAY;
    assert.equal(relinkEligibility(account({ account_numbers: [tan('transactable', later)] })).reason, 'active');
  });

  test('is pure: the account is not modified', () => {
    const input = account({ account_numbers: [tan('transactable', NOW + DAY)] });
    const copy = structuredClone(input);
    check(input);
    assert.deepEqual(input, copy);
  });
});

describe("relinkEligibility(…, 'hosted'): Stripe's hosted relink rules", () => {
  const hosted = (input) => withoutPrompt(relinkEligibility(input, NOW, 'hosted'));
  const inactive = (fields = {}) =>
    account({
      status: 'inactive',
      status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } },
      ...fields,
    });

  test("takes 'embedded' as the default way", () => {
    const needsIt = account({
      status_details: {
        active: { action: 'relink_required', cause: 'unspecified', expected_deactivation_date: NOW + DAY },
      },
    });
    assert.deepEqual(relinkEligibility(needsIt, NOW), relinkEligibility(needsIt, NOW, 'embedded'));
  });

  test('finds an inactive account of a Customer or an Account eligible', () => {
    assert.deepEqual(hosted(inactive()), { eligible: true, reason: 'inactive_relink_required' });
    assert.deepEqual(hosted(inactive({ account_holder: { type: 'account', account: 'acct_1' } })), {
      eligible: true,
      reason: 'inactive_relink_required',
    });
  });

  test('finds an account held by no Customer or Account not eligible (no_account_holder), first of all', () => {
    for (const account_holder of [null, undefined, { type: 'person' }]) {
      assert.deepEqual(hosted(inactive({ account_holder })), { eligible: false, reason: 'no_account_holder' });
    }
  });

  test('finds an inactive account Stripe cannot repair not eligible', () => {
    const closed = inactive({ status_details: { inactive: { action: 'none', cause: 'account_closed' } } });
    assert.deepEqual(hosted(closed), { eligible: false, reason: 'inactive_not_repairable' });
  });

  test('finds a tokenized number expiring within 30 days, or expired, eligible', () => {
    assert.deepEqual(hosted(account({ account_numbers: [tan('transactable', NOW + WINDOW)] })), {
      eligible: true,
      reason: 'tokenized_account_number_expiring',
      date: NOW + WINDOW,
    });
    assert.equal(hosted(account({ account_numbers: [tan('expired')] })).reason, 'tokenized_account_number_expired');
    assert.equal(hosted(account({ account_numbers: [tan('transactable', NOW + WINDOW + 1)] })).eligible, false);
  });

  test('a pending tokenized number is not expiring', () => {
    assert.deepEqual(hosted(account({ account_numbers: [tan('pending', NOW + DAY)] })), {
      eligible: false,
      reason: 'active',
    });
  });

  test('finds that an active account Stripe asks to relink, or a deactivated number, needs it, but not hosted', () => {
    const flagged = account({
      status_details: {
        active: { action: 'relink_required', cause: 'unspecified', expected_deactivation_date: NOW + DAY },
      },
    });
    assert.deepEqual(hosted(flagged), {
      eligible: false,
      reason: 'relink_required_before_deactivation',
      date: NOW + DAY,
    });
    assert.equal(check(flagged).eligible, true);
    const revoked = account({ account_numbers: [tan('deactivated')] });
    assert.deepEqual(hosted(revoked), { eligible: false, reason: 'tokenized_account_number_deactivated' });
    assert.equal(check(revoked).eligible, true);
  });

  test('finds an active account Stripe asks to relink whose number also expires soon eligible for its number', () => {
    const both = account({
      status_details: {
        active: { action: 'relink_required', cause: 'unspecified', expected_deactivation_date: NOW + DAY },
      },
      account_numbers: [tan('transactable', NOW + 2 * DAY)],
    });
    assert.deepEqual(hosted(both), {
      eligible: true,
      reason: 'tokenized_account_number_expiring',
      date: NOW + 2 * DAY,
    });
  });

  test('finds a disconnected account not eligible either way', () => {
    assert.deepEqual(hosted(account({ status: 'disconnected' })), { eligible: false, reason: 'disconnected' });
  });
});

describe('relinkEligibility: what the element tells the customer (prompt)', () => {
  const day = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
  const NOW = 1_800_000_000;

  test('an inactive account to relink → prompt inactive, with no date', () => {
    const answer = relinkEligibility(
      { status: 'inactive', status_details: { inactive: { action: 'relink_required' } } },
      NOW,
    );
    assert.deepEqual(answer.prompt, { reason: 'inactive' });
  });

  test('an account Stripe will deactivate → prompt expiring, due on its UTC day', () => {
    const date = NOW + 10 * 86_400;
    const answer = relinkEligibility(
      { status: 'active', status_details: { active: { action: 'relink_required', expected_deactivation_date: date } } },
      NOW,
    );
    assert.deepEqual(answer.prompt, { reason: 'expiring', due: day(date) });
    assert.match(answer.prompt.due, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('a tokenized account number that expires soon → prompt expiring, due on its day', () => {
    const date = NOW + 5 * 86_400;
    const numbers = [
      { identifier_type: 'tokenized_account_number', status: 'transactable', expected_expiry_date: date },
    ];
    const answer = relinkEligibility({ status: 'active', account_numbers: numbers }, NOW);
    assert.equal(answer.reason, 'tokenized_account_number_expiring');
    assert.deepEqual(answer.prompt, { reason: 'expiring', due: day(date) });
  });

  test('nothing to prompt when not eligible, for the way asked', () => {
    assert.equal(relinkEligibility({ status: 'active' }, NOW).prompt, undefined);
    assert.equal(relinkEligibility({ status: 'disconnected' }, NOW).prompt, undefined);
    const soon = {
      status: 'active',
      status_details: { active: { action: 'relink_required', expected_deactivation_date: NOW + 86_400 } },
    };
    assert.equal(relinkEligibility(soon, NOW, 'hosted').prompt, undefined);
    assert.deepEqual(relinkEligibility(soon, NOW, 'embedded').prompt?.reason, 'expiring');
  });
});
