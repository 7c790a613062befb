import { useState } from 'react';
import { FcRelink } from 'fc-relink/react';

export function ReconnectBank({ publishableKey, accountId }: { publishableKey: string; accountId: string }) {
  const [message, setMessage] = useState('');
  return (
    <>
      <FcRelink
        publishableKey={publishableKey}
        sessionUrl="/api/relink-session"
        account={accountId}
        onSuccess={(event) => setMessage(`Relinked ${event.detail.accounts.map((a) => a.id).join(', ')}`)}
        onCancel={() => setMessage('Cancelled')}
        onError={(event) => setMessage(`Failed: ${event.detail.code}`)}
      />
      <output>{message}</output>
    </>
  );
}
