// Japanese customer texts (polite です/ます); same keys and order as en, words from Stripe's own Japanese flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const ja: RelinkTranslation = {
  $code: 'ja',
  $name: '日本語',
  $dir: 'ltr',
  label: '銀行口座を再連結',
  loading: 'ご利用の銀行との安全な接続を準備しています…',
  open: 'Stripe のウィンドウで銀行口座の再連結を続けてください。',
  redirecting: '銀行口座を再連結するため、Stripe のページに移動しています…',
  verifying: '銀行口座が再連結されたことを確認しています…',
  success: '銀行口座が再連結されました。',
  cancel: '銀行口座は再連結されていません。もう一度お試しいただけます。',
  retry: '問題が発生しました。もう一度お試しください。',
  blocked: 'Stripe に接続できませんでした。インターネット接続をご確認いただくか、このページのコンテンツブロッカーをオフにしてから、もう一度お試しください。',
  unavailable: '銀行口座の再連結は現在ご利用になれません。カスタマーサポートにお問い合わせください。',
};
registerTranslation(ja);

export default ja;
