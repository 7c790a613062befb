// Angular in JIT mode (the compiler in the page), so the test needs no Angular CLI build.
import '@angular/compiler';
import { Component, provideZonelessChangeDetection, type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { FcRelinkElement } from 'fc-relink';
import { CHECKING, TEST_KEY, clickAndWait, expect, observe, sleep, useEndpoint } from '../browser/harness/index.js';
import { ReconnectBankComponent } from './snippets/reconnect-bank.component.js';

@Component({
  selector: 'test-host',
  imports: [ReconnectBankComponent],
  template: `<app-reconnect-bank [publishableKey]="key" [accountId]="account" />`,
})
class HostComponent {
  key = TEST_KEY;
  account = CHECKING;
}

describe('<fc-relink> in Angular', () => {
  let app: ApplicationRef | null = null;
  afterEach(() => {
    app?.destroy();
    app = null;
  });

  it('the README snippet binds properties and hears the typed events', async () => {
    const endpoint = await useEndpoint();
    document.body.appendChild(document.createElement('test-host'));
    app = await bootstrapApplication(HostComponent, { providers: [provideZonelessChangeDetection()] });
    const el = document.querySelector('fc-relink') as FcRelinkElement;
    const m = observe(el, endpoint);
    await el.updateComplete;
    expect(el.publishableKey).to.equal(TEST_KEY);
    expect(el.sessionUrl).to.equal('/api/relink-session');
    await clickAndWait(m);
    await sleep(0);
    app.tick();
    expect(document.querySelector('output')?.textContent).to.equal(`Relinked ${CHECKING}`);
  });
});
