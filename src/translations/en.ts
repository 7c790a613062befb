// English, built into the element: the reference set of customer texts.
import type { RelinkTranslation } from '../shell/localize.js';

const en: RelinkTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  label: 'Reconnect bank account',
  reconnected: 'Bank account reconnected',
  reasonInactive: 'Your bank connection stopped working. Reconnect it to keep using this account.',
  reasonExpiring: 'Your bank connection expires soon. Reconnect it to keep using this account.',
  reasonExpiringOn: 'Your bank connection expires on {date}. Reconnect it to keep using this account.',
  reasonPermissions: 'We need your permission to keep using your bank account.',
  reasonPermissionsBy: 'We need your permission by {date} to keep using your bank account.',
  loading: 'Preparing a secure connection to your bank…',
  open: 'Continue in the Stripe window to reconnect your bank account.',
  redirecting: 'Taking you to Stripe to reconnect your bank account…',
  verifying: 'Checking whether your bank account is reconnected…',
  success: 'Your bank account is reconnected.',
  cancel: 'Your bank account was not reconnected. You can try again.',
  retry: 'Something went wrong. Please try again.',
  blocked: 'We couldn’t connect to Stripe. Check your internet connection and try again.',
  unavailable: 'Reconnecting your bank account isn’t available right now. Please contact customer support.',
  signedOut: 'Your session has ended. Sign in again, then try again.',
  unconfirmed:
    'We couldn’t confirm the reconnection on our side. Please try again, or contact customer support if this keeps happening.',
  otherAccount: 'That wasn’t the bank account we asked about. Please try again and choose the same account.',
};

export default en;
