/** @jsxImportSource preact */
import type {} from 'fc-relink/jsx-preact';

export function WithPreact() {
  return (
    <fc-relink
      publishable-key="pk_test_123"
      session-url="/api/relink-session"
      verify-url="/api/relink-verify"
      prefetch
      preload="eager"
      onfc-relink-error={(event) => console.log(event.detail.code)}
      // @ts-expect-error not an attribute of <fc-relink> (a typo of account)
      acount="fca_123"
    />
  );
}
