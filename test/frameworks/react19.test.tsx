import { useState } from 'react';
import { act } from 'react';
import { CHECKING, TEST_KEY, expect, observe, useEndpoint } from '../browser/harness/index.js';
import { ReconnectBank } from './snippets/ReconnectBank.react19-element.js';
import { clickIn, describeReactWrapper, elementIn, render } from './react-suite.js';

describeReactWrapper('19');

describe('<fc-relink> in React 19 without the wrapper', () => {
  it('the README snippet sets attributes and hears typed events through on<event-name> props', async () => {
    const endpoint = await useEndpoint();
    const { container, root } = await render(<ReconnectBank publishableKey={TEST_KEY} accountId={CHECKING} />);
    observe(elementIn(container), endpoint);
    expect(elementIn(container).getAttribute('session-url')).to.equal('/api/relink-session');
    await clickIn(container);
    expect(container.querySelector('output')?.textContent).to.equal(`Relinked ${CHECKING}`);
    await act(async () => root.unmount());
    container.remove();
  });

  it('passes objects and functions as properties', async () => {
    const endpoint = await useEndpoint();
    function WithHeaders() {
      const [headers] = useState({ 'x-csrf-token': 'abc' });
      return <fc-relink publishable-key={TEST_KEY} session-url="/api/relink-session" headers={headers} />;
    }
    const { container, root } = await render(<WithHeaders />);
    observe(elementIn(container), endpoint);
    expect(elementIn(container).headers).to.deep.equal({ 'x-csrf-token': 'abc' });
    await clickIn(container);
    expect(endpoint.requests[0]?.headers['x-csrf-token']).to.equal('abc');
    await act(async () => root.unmount());
    container.remove();
  });
});
