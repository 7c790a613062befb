// German customer texts (Sie); same keys and order as en, words from Stripe's own German flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const de: RelinkTranslation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  label: 'Bankkonto erneut verbinden',
  reconnected: 'Bankkonto wieder verbunden',
  reasonInactive:
    'Die Verbindung zu Ihrem Bankkonto funktioniert nicht mehr. Verbinden Sie es erneut, um es weiterhin zu nutzen.',
  reasonExpiring:
    'Die Verbindung zu Ihrem Bankkonto läuft bald ab. Verbinden Sie es erneut, um es weiterhin zu nutzen.',
  reasonExpiringOn:
    'Die Verbindung zu Ihrem Bankkonto läuft am {date} ab. Verbinden Sie es erneut, um es weiterhin zu nutzen.',
  reasonPermissions: 'Wir benötigen Ihre Zustimmung, um Ihr Bankkonto weiterhin nutzen zu können.',
  reasonPermissionsBy: 'Wir benötigen bis zum {date} Ihre Zustimmung, um Ihr Bankkonto weiterhin nutzen zu können.',
  loading: 'Sichere Verbindung zu Ihrer Bank wird vorbereitet …',
  open: 'Fahren Sie im Stripe-Fenster fort, um Ihr Bankkonto erneut zu verbinden.',
  redirecting: 'Sie werden zu Stripe weitergeleitet, um Ihr Bankkonto erneut zu verbinden …',
  verifying: 'Wir prüfen, ob Ihr Bankkonto wieder verbunden ist …',
  success: 'Ihr Bankkonto ist wieder verbunden.',
  cancel: 'Ihr Bankkonto wurde nicht erneut verbunden. Sie können es noch einmal versuchen.',
  retry: 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',
  blocked: 'Wir konnten Stripe nicht erreichen. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  unavailable:
    'Das erneute Verbinden Ihres Bankkontos ist derzeit nicht verfügbar. Bitte wenden Sie sich an den Kundenservice.',
  signedOut: 'Ihre Sitzung wurde beendet. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  unconfirmed:
    'Wir konnten die erneute Verbindung bei uns nicht bestätigen. Bitte versuchen Sie es noch einmal. Besteht das Problem weiter, wenden Sie sich an den Kundenservice.',
  otherAccount:
    'Das war nicht das Bankkonto, nach dem wir gefragt haben. Bitte versuchen Sie es noch einmal und wählen Sie dasselbe Konto.',
};
registerTranslation(de);

export default de;
