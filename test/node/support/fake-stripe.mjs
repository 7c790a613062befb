// A structural Stripe client for the handler tests that are about how a request arrives, not about
// Stripe: it answers at once and counts what it was asked.
export const AUTHORIZATION = 'fcauth_test_1';
export const ACCOUNT = 'fca_test_checking';

/** A fake `stripe` whose sessions are `status` when read; `calls` lists each call. */
export function fakeStripe({ status = 'succeeded' } = {}) {
  const calls = [];
  const stripe = {
    financialConnections: {
      sessions: {
        create: async (params) => {
          calls.push({ create: params });
          const { authorization, account = null } = params.relink_options;
          return {
            id: 'fcsess_test_1',
            client_secret: 'fcsess_test_1_secret_abc',
            livemode: false,
            relink_options: { authorization, account },
          };
        },
        retrieve: async (id) => {
          calls.push({ retrieve: id });
          return {
            id,
            client_secret: null,
            livemode: false,
            status,
            relink_options: { authorization: AUTHORIZATION, account: ACCOUNT },
            relink_result:
              status === 'succeeded' ? { authorization: AUTHORIZATION, account: ACCOUNT, failure_reason: null } : null,
          };
        },
      },
      accounts: { retrieve: async () => ({ permissions: ['payment_method'] }) },
    },
  };
  return { stripe, calls };
}

/** An authorize() that grants every account and records which account it was asked about. */
export function recordingAuthorize() {
  const seen = [];
  const authorize = ({ account }) => {
    seen.push(account);
    return { authorization: AUTHORIZATION, accountHolder: { type: 'customer', customer: 'cus_test_owner' } };
  };
  return { authorize, seen };
}
