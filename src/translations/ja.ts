// Japanese customer texts (polite です/ます); same keys and order as en. Stripe's own Japanese flow says 口座 and
// 連結 for connect but has no word for reconnect; 再連結 reads technical, so reconnect is 再接続, the word customers know.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const ja: RelinkTranslation = {
  $code: 'ja',
  $name: '日本語',
  $dir: 'ltr',
  label: '銀行口座を再接続',
  reconnected: '銀行口座は再接続済み',
  reasonInactive:
    '銀行口座との接続が利用できなくなりました。この口座を引き続きご利用いただくには、再接続してください。',
  reasonExpiring:
    '銀行口座との接続は、まもなく有効期限が切れます。この口座を引き続きご利用いただくには、再接続してください。',
  reasonExpiringOn:
    '銀行口座との接続は、{date}に有効期限が切れます。この口座を引き続きご利用いただくには、再接続してください。',
  reasonPermissions: '銀行口座を引き続き利用させていただくため、お客様の許可が必要です。',
  reasonPermissionsBy: '銀行口座を引き続き利用させていただくため、{date}までにお客様の許可が必要です。',
  loading: 'ご利用の銀行との安全な接続を準備しています…',
  open: 'Stripe のウィンドウで銀行口座の再接続を続けてください。',
  redirecting: '銀行口座を再接続するため、Stripe のページに移動しています…',
  verifying: '銀行口座が再接続されたかどうかを確認しています…',
  success: '銀行口座が再接続されました。',
  cancel: '銀行口座は再接続されていません。もう一度お試しいただけます。',
  retry: '問題が発生しました。もう一度お試しください。',
  blocked: 'Stripe に接続できませんでした。インターネット接続をご確認のうえ、もう一度お試しください。',
  unavailable: '銀行口座の再接続は現在ご利用になれません。カスタマーサポートにお問い合わせください。',
  signedOut: 'ログインの有効期限が切れました。ログインし直してから、もう一度お試しください。',
  unconfirmed:
    '当社側で再接続を確認できませんでした。もう一度お試しください。この問題が続く場合は、カスタマーサポートにお問い合わせください。',
  otherAccount:
    '選択された口座は、再接続をお願いした銀行口座ではありませんでした。もう一度お試しいただき、同じ口座を選択してください。',
};
registerTranslation(ja);

export default ja;
