// The demo's event log: every event of every element, with what the customer read at that moment
// beside the developer's detail.
import type { FcRelinkElement } from '../src/index.js';

const TERMINAL = new Set(['fc-relink-success', 'fc-relink-cancel', 'fc-relink-error']);

/** One line a QA person can scan; the full detail sits under it. */
function summarize(event: CustomEvent): string {
  const d = event.detail as Record<string, unknown>;
  switch (event.type) {
    case 'fc-relink-statechange':
      return `${String(d.previous)} → ${String(d.state)}`;
    case 'fc-relink-start':
      return `${String(d.mode)}, account ${String(d.account)}`;
    case 'fc-relink-success': {
      const ids = (d.accounts as { id: string }[]).map((a) => a.id);
      const count = `${ids.length} account${ids.length === 1 ? '' : 's'}${ids.length ? `: ${ids.join(', ')}` : ''}`;
      return `${String(d.mode)}, ${count}${d.elsewhere ? ', relinked elsewhere' : ''}`;
    }
    case 'fc-relink-cancel':
      return `${String(d.mode)}`;
    default:
      return `${String(d.code)}${d.status ? ` ${String(d.status)}` : ''} (${String(d.stage)}, ${d.retryable ? 'retryable' : 'not retryable'}): ${String(d.message)}`;
  }
}

// The QA person's own clock: a bug report's times then match what they saw.
const CLOCK = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

const cell = (text: string) => Object.assign(document.createElement('td'), { textContent: text });

/** The attempt an event belongs to, shortened to its first block; the full id is its title. */
function attemptCell(event: CustomEvent): HTMLTableCellElement {
  const id = (event.detail as { attemptId?: unknown }).attemptId;
  const td = cell(typeof id === 'string' ? id.slice(0, 8) : '—');
  td.className = 'attempt';
  if (typeof id === 'string') td.title = id;
  return td;
}

/** What the element's status line shows, once it has rendered the state the event announced. */
async function customerText(element: FcRelinkElement): Promise<string> {
  await element.updateComplete;
  return element.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
}

export function createLog(body: HTMLTableSectionElement) {
  const add = (cells: HTMLTableCellElement[], terminal: boolean) => {
    const row = document.createElement('tr');
    if (terminal) row.className = 'terminal';
    const time = document.createElement('time');
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = CLOCK.format(now);
    const when = document.createElement('td');
    when.append(time);
    row.append(when, ...cells);
    body.prepend(row);
    return row;
  };
  return {
    /** An element's event: its name, the customer's text, and the developer's detail. */
    event(name: string, element: FcRelinkElement, event: CustomEvent): void {
      const detail = document.createElement('details');
      detail.append(
        Object.assign(document.createElement('summary'), { textContent: summarize(event) }),
        Object.assign(document.createElement('pre'), { textContent: JSON.stringify(event.detail, null, 2) }),
      );
      const developer = document.createElement('td');
      developer.append(detail);
      const customer = cell('');
      customer.className = 'customer';
      customer.dir = 'auto';
      add([cell(name), cell(event.type), customer, developer, attemptCell(event)], TERMINAL.has(event.type));
      void customerText(element).then((text) => (customer.textContent = text));
    },
    /** Something the demo's server side did (an email sent, or refused). */
    server(what: string, detail: string): void {
      add([cell('server'), cell(what), cell(''), cell(detail), cell('')], true);
    },
    clear: () => body.replaceChildren(),
  };
}
