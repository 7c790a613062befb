import { FcRelink } from 'fc-relink/react';
import type {} from 'fc-relink/jsx-react';

export function WithWrapper() {
  return (
    <FcRelink
      publishableKey="pk_test_123"
      sessionUrl="/api/relink-session"
      onSuccess={(event) => console.log(event.detail.accounts.map((a) => a.id))}
      // @ts-expect-error an error event has no session id
      onError={(event) => console.log(event.detail.sessionId)}
    />
  );
}

export function WithoutWrapper() {
  return (
    <fc-relink
      publishable-key="pk_test_123"
      session-url="/api/relink-session"
      verify-url="/api/relink-verify"
      prefetch
      preload="eager"
      verifySession={async ({ sessionId }) => ({
        status: 'succeeded',
        relink_result: { authorization: sessionId, account: null },
      })}
      onfc-relink-success={(event) => console.log(event.detail.sessionId.toUpperCase())}
      // @ts-expect-error credentials takes only fetch's modes
      credentials="sometimes"
    />
  );
}
