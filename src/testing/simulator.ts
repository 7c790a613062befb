import type { FinancialConnectionsSession } from '@stripe/stripe-js';
import type { FakeCustomer, FakeCustomerAction, FakeLaunch } from './fake-stripe.js';
import { mountFakeStripeFrame } from './fake-frame.js';
import { ENGLISH_SIMULATOR_TEXTS, fill, type SimulatorTexts } from './simulator-texts.js';

type Account = FinancialConnectionsSession.Account;

export interface SimulatorOptions {
  /**
   * Lets the customer pick any account even in a same-account session, as a faulty flow would.
   * Real Stripe never does this; it exists to show that an integration fails closed.
   */
  misbehave?: boolean;
  /** Shown on the consent step. Default: "Demo Merchant". */
  merchantName?: string;
  /**
   * Where Stripe's frame is attached when the fake gives the customer none (a fake from elsewhere).
   * Default: `document.body`, where Stripe.js mounts its modal.
   */
  container?: ParentNode;
  /** The flow's words, for a demo in the customer's language. Default: English. */
  texts?: Partial<SimulatorTexts>;
}

const STYLES = `
  html, body { margin: 0; block-size: 100%; background: transparent; }
  .backdrop { position: fixed; inset: 0; display: grid; place-items: center; background: rgba(10, 37, 64, .55); }
  [role='dialog'] { border: 0; background: #fff; border-radius: 12px; padding: 0; width: min(26rem, calc(100vw - 2rem));
    box-shadow: 0 20px 60px rgba(10, 37, 64, .35); font: 15px/1.45 system-ui, -apple-system, sans-serif;
    color: #1a1f36; max-block-size: calc(100vh - 2rem); overflow: auto; }
  header { display: flex; align-items: center; gap: .5rem; padding: .9rem 1rem; border-bottom: 1px solid #e3e8ee; }
  header strong { flex: 1; }
  .test { font: 600 11px/1 system-ui, sans-serif; letter-spacing: .04em; color: #a04100; background: #ffde92;
    border-radius: 4px; padding: .25rem .4rem; }
  .close { border: 0; background: none; font-size: 1.3rem; line-height: 1; cursor: pointer; padding: .25rem .5rem;
    border-radius: 6px; color: #4f566b; }
  section { padding: 1.1rem 1.25rem 1.25rem; }
  h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
  p { margin: 0 0 1rem; color: #4f566b; }
  .primary { width: 100%; font: 600 15px system-ui, sans-serif; color: #fff; background: #635bff; border: 0;
    border-radius: 8px; padding: .75rem; cursor: pointer; }
  .primary:disabled { opacity: .5; cursor: default; }
  button:focus-visible, input:focus-visible { outline: 2px solid #0a2540; outline-offset: 2px; }
  ul { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: .5rem; }
  label { display: flex; gap: .75rem; align-items: center; border: 1px solid #e3e8ee; border-radius: 8px;
    padding: .7rem .8rem; cursor: pointer; }
  label:has(input:disabled) { opacity: .55; cursor: default; }
  label span { flex: 1; }
  small { display: block; color: #697386; }
  .institution { display: flex; align-items: center; gap: .75rem; border: 1px solid #e3e8ee; border-radius: 8px;
    padding: .8rem; margin-bottom: 1rem; }
  .logo { width: 2rem; height: 2rem; border-radius: 6px; background: #0a2540; color: #fff; display: grid;
    place-items: center; font-weight: 700; }
  .done { font-size: 2rem; color: #1ea672; }
`;

type Make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Partial<HTMLElementTagNameMap[K]>,
  children?: (Node | string)[],
) => HTMLElementTagNameMap[K];

/** Creates elements in `doc` (the frame's document, not the page's). */
function maker(doc: Document): Make {
  return (tag, props = {}, children = []) => {
    const node = Object.assign(doc.createElement(tag), props);
    node.append(...children);
    return node;
  };
}

function describeAccount(account: Account): [string, string] {
  return [account.display_name, `${account.institution_name} ••••${account.last4 ?? '----'}`];
}

/**
 * A customer who operates a simulated Financial Connections modal: consent, institution,
 * account choice, done. Like Stripe's, it is drawn inside Stripe's frame (the iframe the fake
 * appends to `document.body`, not in the top layer), so focus and keys are inside the frame while
 * it is open: focus wraps within it, Escape or × closes it as a cancel, and the frame is removed
 * when it closes. It honours the session: in a same-account session only the expected account
 * can be chosen, unless `misbehave` is set.
 */
export function createSimulatedCustomer(options: SimulatorOptions = {}): FakeCustomer {
  return (launch) => runDialog(launch, options);
}

function runDialog(launch: FakeLaunch, options: SimulatorOptions): Promise<FakeCustomerAction> {
  const { session, eligibleAccounts } = launch;
  const expected = session.relink_options.account;
  const institution = eligibleAccounts[0]?.institution_name ?? 'your bank';
  const t: SimulatorTexts = { ...ENGLISH_SIMULATOR_TEXTS, ...options.texts };
  const words = { merchant: options.merchantName ?? 'Demo Merchant', bank: institution };
  const own = launch.frame ? null : mountFakeStripeFrame(options.container);
  const frame = launch.frame ?? own?.frame;
  const doc = frame?.contentDocument;
  const view = frame?.contentWindow;
  if (!frame || !doc || !view) return Promise.reject(new Error('The simulated customer needs a DOM.'));
  const el = maker(doc);
  frame.dataset.fcRelinkSimulator = '';
  const sheet = new (view as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(STYLES);
  doc.adoptedStyleSheets = [sheet];
  doc.documentElement.lang = 'en';

  const dialog = el('div', { className: 'fc-sim' });
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'fc-sim-title');
  const body = el('section');
  const close = el('button', { className: 'close', type: 'button', textContent: '×' });
  close.setAttribute('aria-label', t.close);
  dialog.append(
    el('header', {}, [
      el('strong', { textContent: 'Stripe' }),
      ...(session.livemode ? [] : [el('span', { className: 'test', textContent: t.testMode })]),
      close,
    ]),
    body,
  );
  doc.body.replaceChildren(el('div', { className: 'backdrop' }, [dialog]));

  return new Promise<FakeCustomerAction>((resolve) => {
    let settled = false;
    const finish = (action: FakeCustomerAction) => {
      if (settled) return;
      settled = true;
      doc.body.replaceChildren();
      own?.remove();
      resolve(action);
    };
    // Escape and × both end the flow without an account.
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish({ action: 'cancel' });
      }
    });
    close.addEventListener('click', () => finish({ action: 'cancel' }));
    // Tab past the last control would leave the frame for the page underneath; wrap around
    // instead, as Stripe's modal does.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const controls = [...dialog.querySelectorAll<HTMLElement>('button, input')].filter(
        (c) => !(c as HTMLButtonElement).disabled,
      );
      const first = controls[0];
      const last = controls[controls.length - 1];
      const active = doc.activeElement;
      if (event.shiftKey && active === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    });

    const step = (title: string, children: Node[], focus: HTMLElement | null) => {
      body.replaceChildren(el('h2', { id: 'fc-sim-title', textContent: title }), ...children);
      view.focus();
      (focus ?? close).focus();
    };

    const consent = () => {
      const agree = el('button', { className: 'primary', type: 'button', textContent: t.agree });
      agree.addEventListener('click', bank);
      step(
        t.consentTitle,
        [el('p', { textContent: fill(expected ? t.consentOne : t.consentAny, words) }), agree],
        agree,
      );
    };

    const bank = () => {
      const signIn = el('button', { className: 'primary', type: 'button', textContent: fill(t.signInTitle, words) });
      signIn.addEventListener('click', accounts);
      step(
        fill(t.signInTitle, words),
        [
          el('div', { className: 'institution' }, [
            el('span', { className: 'logo', textContent: institution.slice(0, 1) }),
            el('span', {}, [institution, el('small', { textContent: t.testInstitution })]),
          ]),
          signIn,
        ],
        signIn,
      );
    };

    const accounts = () => {
      const lockedToOne = expected !== null && !options.misbehave;
      const inputs: HTMLInputElement[] = [];
      const list = el(
        'ul',
        {},
        eligibleAccounts.map((account) => {
          const [name, detail] = describeAccount(account);
          const input = el('input', { type: 'checkbox', value: account.id, name: 'account' });
          input.checked = expected === null ? inputs.length === 0 : account.id === expected && !options.misbehave;
          input.disabled = lockedToOne && account.id !== expected;
          inputs.push(input);
          return el('li', {}, [el('label', {}, [input, el('span', {}, [name, el('small', { textContent: detail })])])]);
        }),
      );
      const submit = el('button', { className: 'primary', type: 'button', textContent: t.reconnectOne });
      const sync = () => {
        const count = inputs.filter((i) => i.checked).length;
        submit.disabled = count === 0;
        submit.textContent = count > 1 ? fill(t.reconnectSeveral, { count }) : t.reconnectOne;
      };
      list.addEventListener('change', sync);
      sync();
      submit.addEventListener('click', () => {
        const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
        const sameAsAsked = expected === null || (chosen.length === 1 && chosen[0] === expected);
        done(sameAsAsked ? { action: 'relink', select: chosen } : { action: 'misbehave', accounts: chosen });
      });
      step(
        expected === null ? t.chooseTitle : t.confirmTitle,
        [
          el('p', {
            textContent: lockedToOne ? t.onlyThisAccount : t.selectSome,
          }),
          list,
          submit,
        ],
        inputs.find((i) => !i.disabled) ?? submit,
      );
    };

    const done = (action: FakeCustomerAction) => {
      const finishButton = el('button', { className: 'primary', type: 'button', textContent: t.done });
      finishButton.addEventListener('click', () => finish(action));
      step(
        t.doneTitle,
        [
          el('p', { className: 'done', textContent: '✓' }),
          el('p', { textContent: fill(t.returnTo, words) }),
          finishButton,
        ],
        finishButton,
      );
    };

    consent();
  });
}
