// React 19 renders custom elements natively: no wrapper, typed by fc-relink/jsx-react.
import { useState } from 'react';
import 'fc-relink';
import type {} from 'fc-relink/jsx-react';

export function ReconnectBank({ publishableKey, accountId }: { publishableKey: string; accountId: string }) {
  const [message, setMessage] = useState('');
  return (
    <>
      <fc-relink
        publishable-key={publishableKey}
        session-url="/api/relink-session"
        account={accountId}
        onfc-relink-success={(event) => setMessage(`Relinked ${event.detail.accounts.map((a) => a.id).join(', ')}`)}
        onfc-relink-error={(event) => setMessage(`Failed: ${event.detail.code}`)}
      />
      <output>{message}</output>
    </>
  );
}
