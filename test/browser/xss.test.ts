// XSS: whatever markup an endpoint, Stripe.js or a hostile result carries into a message or an
// account id reaches the developer as data in the error event, and never the page: the status
// line shows only the customer's text, no element is created (in the shadow root or anywhere in
// the document), and no handler in it ever runs (each payload sets a global flag that must stay
// unset, checked after an image with the same broken src has failed to load).
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { CHECKING, ENDPOINT, clickAndWait, customerTextOf, expect, fake, mount, useHandlers } from './harness/index.js';
import { elementCount, expectInert } from './harness/inert.js';

const PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<svg><svg onload="window.__xss=3"></svg></svg>',
  '"><iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
  "<details open ontoggle='window.__xss=5'>x</details>",
  '<template><img src=x onerror="window.__xss=6"></template><b>bold</b>',
  '<style>*{display:none}</style><a href="javascript:window.__xss=7">link</a>',
  '&lt;img src=x onerror=window.__xss=8&gt; &amp; &#60;b&#62;',
];

describe('markup from endpoints and Stripe, shown as inert text (XSS)', () => {
  beforeEach(() => {
    globalThis.__xss = undefined;
  });

  describe('when the session request fails with markup in its message', () => {
    const errorBodies: [string, (payload: string) => JsonBodyType][] = [
      ['{"error":{"message":…}}', (payload) => ({ error: { message: payload, type: 'api_error' } })],
      ['{"error":"…"}', (payload) => ({ error: payload })],
      ['{"message":"…"}', (payload) => ({ message: payload })],
    ];
    for (const [shape, body] of errorBodies) {
      for (const payload of PAYLOADS) {
        it(`shows ${payload} in an endpoint error ${shape} as inert text`, async () => {
          const m = await mount({ attrs: { account: CHECKING } });
          await useHandlers(http.post(ENDPOINT, () => HttpResponse.json(body(payload), { status: 500 })));
          const before = elementCount();
          const detail = await expectInert(m, await clickAndWait(m), payload, before);
          expect(detail).to.include({ code: 'session_http_error', status: 500, retryable: true });
        });
      }
    }

    it('lets nothing of an HTML page with a script, answered by the endpoint, reach the page', async () => {
      const page =
        '<!doctype html><title>Bad Gateway</title><script>window.__xss=9</script><img src=x onerror="window.__xss=10">';
      const m = await mount({ attrs: { account: CHECKING } });
      await useHandlers(
        http.post(ENDPOINT, () => new HttpResponse(page, { status: 502, headers: { 'content-type': 'text/html' } })),
      );
      const before = elementCount();
      const detail = await expectInert(m, await clickAndWait(m), null, before);
      expect(detail).to.include({ code: 'session_http_error', status: 502 });
      expect(detail.message).not.to.include('<script>');
    });

    it('renders nothing of the markup in the content type of a 200 that is not JSON', async () => {
      const type = 'text/html; x="<img src=x onerror=window.__xss=11>"';
      const m = await mount({ attrs: { account: CHECKING } });
      await useHandlers(
        http.post(ENDPOINT, () => new HttpResponse('<p>hi</p>', { status: 200, headers: { 'content-type': type } })),
      );
      const before = elementCount();
      const detail = await expectInert(m, await clickAndWait(m), null, before);
      expect(detail.code).to.equal('invalid_session_response');
    });

    it('shows markup in a fetchSession rejection as inert text', async () => {
      const payload = PAYLOADS[0]!;
      const m = await mount({
        attrs: { 'session-url': '' },
        props: { fetchSession: () => Promise.reject(Object.assign(new Error(payload), { status: 500 })) },
      });
      const before = elementCount();
      const detail = await expectInert(m, await clickAndWait(m), payload, before);
      expect(detail).to.include({ code: 'session_http_error', status: 500 });
    });
  });

  describe('when Stripe.js fails with markup in its message', () => {
    for (const payload of PAYLOADS) {
      it(`shows ${payload} in a Stripe error message as inert text`, async () => {
        fake.customer = { action: 'error', error: { type: 'api_error', message: payload } };
        const m = await mount({ attrs: { account: CHECKING } });
        const before = elementCount();
        const detail = await expectInert(m, await clickAndWait(m), payload, before);
        expect(detail).to.include({ code: 'stripe_error', retryable: true });
        expect(detail.stripeError?.message).to.equal(payload);
      });
    }

    for (const payload of PAYLOADS.slice(0, 4)) {
      it(`shows ${payload} as inert text when collectFinancialConnectionsAccounts rejects with it`, async () => {
        const m = await mount({
          attrs: { account: CHECKING },
          props: { stripe: { collectFinancialConnectionsAccounts: () => Promise.reject(new Error(payload)) } },
        });
        const before = elementCount();
        const detail = await expectInert(m, await clickAndWait(m), payload, before);
        expect(detail).to.include({ code: 'stripe_error', stage: 'stripe' });
      });

      it(`shows ${payload} as inert text when collectFinancialConnectionsAccounts rejects with a string`, async () => {
        const m = await mount({
          attrs: { account: CHECKING },
          props: { stripe: { collectFinancialConnectionsAccounts: () => Promise.reject(payload) } },
        });
        const before = elementCount();
        const detail = await expectInert(m, await clickAndWait(m), payload, before);
        expect(detail.code).to.equal('stripe_error');
      });

      it(`shows ${payload} as inert text when Stripe.js fails to load with it`, async () => {
        const m = await mount({ attrs: { account: CHECKING } });
        m.el.stripe = Promise.reject(new Error(payload));
        const before = elementCount();
        const detail = await expectInert(m, await clickAndWait(m), payload, before);
        expect(detail).to.include({ code: 'stripe_load_failed', retryable: true });
      });
    }
  });

  describe('when a result carries markup in an account id', () => {
    for (const payload of PAYLOADS.slice(0, 4)) {
      it(`shows an account id with ${payload} in a same-account result as inert text`, async () => {
        fake.customer = { action: 'misbehave', accounts: [{ id: payload }] };
        const m = await mount({ attrs: { account: CHECKING } });
        const before = elementCount();
        const detail = await expectInert(m, await clickAndWait(m), payload, before);
        expect(detail).to.include({ code: 'account_mismatch', retryable: false });
        expect(detail.accounts).to.deep.equal([payload]);
      });
    }
  });

  describe('when an error follows an error', () => {
    it("keeps the customer's text on a repeated error, with the markup of neither", async () => {
      const m = await mount({ attrs: { account: CHECKING } });
      const [first, second] = [PAYLOADS[0]!, PAYLOADS[1]!];
      await useHandlers(http.post(ENDPOINT, () => HttpResponse.json({ error: { message: first } }, { status: 503 })));
      const before = elementCount();
      await expectInert(m, await clickAndWait(m), first, before);
      await useHandlers(http.post(ENDPOINT, () => HttpResponse.json({ error: { message: second } }, { status: 503 })));
      const detail = await expectInert(m, await clickAndWait(m), second, before);
      expect(m.status()).not.to.include(first);
      expect(m.status()).to.equal(customerTextOf(detail));
      expect(detail.code).to.equal('session_http_error');
    });
  });
});
