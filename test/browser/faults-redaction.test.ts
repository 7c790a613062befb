// The fault matrix, secret-leak audit: an endpoint error message that echoes secret keys glued
// to the word before them. In its own page: a leak fails the after-each audit as well, and mocha
// runs nothing after a failed hook in the same page.
import { http, HttpResponse } from 'msw';
import { CHECKING, ENDPOINT, expectSoundAttempt, mount, plantSecret, restoreEndpoint, useHandlers } from './support.js';

describe('fault matrix: secrets in what the endpoint says', () => {
  it('reports session_http_error 500, and repeats no secret key glued to the word before it', async () => {
    // A key straight after a word character ("…KEY_sk_live_…", "…1rk_test_…") is still a key.
    const live = plantSecret(`sk_live_51Glued${'R'.repeat(24)}`);
    const test = plantSecret(`rk_test_51Glued${'T'.repeat(24)}`);
    const m = await mount({ attrs: { account: CHECKING } });
    await useHandlers(
      http.post(ENDPOINT, () =>
        HttpResponse.json({ error: { message: `Bad credentials: STRIPE_KEY_${live}, fallback 1${test}` } }, { status: 500 }),
      ),
    );
    await expectSoundAttempt(m, {
      run: () => m.el.relink(),
      expect: { status: 'error', code: 'session_http_error', retryable: true, httpStatus: 500 },
      heal: () => restoreEndpoint(m.endpoint),
      retryAccounts: [CHECKING],
    });
  });
});
