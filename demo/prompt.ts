// Why and by when: the panel's reason and date, set as `reason` and `due` on the demo's elements
// so that their idle line says why the customer is asked.

export interface Prompt {
  reason: string | null;
  due: string | null;
}

const REASONS = ['inactive', 'expiring', 'permissions'];

/** The prompt named in the page's URL (`?reason=expiring&due=2027-01-15`), unknown values dropped. */
export function promptFromUrl(url: URL): Prompt {
  const reason = url.searchParams.get('reason');
  const due = url.searchParams.get('due');
  return {
    reason: reason !== null && REASONS.includes(reason) ? reason : null,
    due: due !== null && /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null,
  };
}

/** Writes the prompt into the URL, so that a bug report's link shows the same line. */
export function promptToUrl(prompt: Prompt, url: URL): void {
  for (const name of ['reason', 'due'] as const) {
    const value = prompt[name];
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
}

/** Sets (or removes) `reason` and `due` on an element; a change sends it back to `idle`. */
export function applyPrompt(element: Element, prompt: Prompt): void {
  for (const name of ['reason', 'due'] as const) {
    const value = prompt[name];
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}
