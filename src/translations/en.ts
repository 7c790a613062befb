// English, built into the element: the reference set of customer texts.
import type { RelinkTranslation } from '../shell/localize.js';

const en: RelinkTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  label: 'Reconnect bank account',
  loading: 'Preparing a secure connection to your bank…',
  open: 'Continue in the Stripe window to reconnect your bank account.',
  redirecting: 'Taking you to Stripe to reconnect your bank account…',
  verifying: 'Confirming that your bank account is reconnected…',
  success: 'Your bank account is reconnected.',
  cancel: 'Your bank account was not reconnected. You can try again.',
  retry: 'Something went wrong. Please try again.',
  blocked: 'We couldn’t connect to Stripe. Check your internet connection or turn off content blockers for this page, then try again.',
  unavailable: 'Reconnecting your bank account isn’t available right now. Please contact customer support.',
};

export default en;
