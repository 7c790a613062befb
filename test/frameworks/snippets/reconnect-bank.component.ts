import { Component, CUSTOM_ELEMENTS_SCHEMA, Input, signal } from '@angular/core';
import 'fc-relink';
import type { FcRelinkErrorEvent, FcRelinkSuccessEvent } from 'fc-relink';

@Component({
  selector: 'app-reconnect-bank',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <fc-relink
      [publishableKey]="publishableKey"
      session-url="/api/relink-session"
      [account]="accountId"
      (fc-relink-success)="onSuccess($event)"
      (fc-relink-error)="onError($event)"
    ></fc-relink>
    <output>{{ message() }}</output>
  `,
})
export class ReconnectBankComponent {
  @Input({ required: true }) publishableKey!: string;
  @Input({ required: true }) accountId!: string;
  readonly message = signal('');

  onSuccess(event: Event) {
    const { detail } = event as FcRelinkSuccessEvent;
    this.message.set(`Relinked ${detail.accounts.map((a) => a.id).join(', ')}`);
  }

  onError(event: Event) {
    this.message.set(`Failed: ${(event as FcRelinkErrorEvent).detail.code}`);
  }
}
