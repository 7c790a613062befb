// German customer texts (Sie); same keys and order as en, words from Stripe's own German flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const de: RelinkTranslation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  label: 'Bankkonto erneut verbinden',
  loading: 'Sichere Verbindung zu Ihrer Bank wird vorbereitet …',
  open: 'Fahren Sie im Stripe-Fenster fort, um Ihr Bankkonto erneut zu verbinden.',
  redirecting: 'Sie werden zu Stripe weitergeleitet, um Ihr Bankkonto erneut zu verbinden …',
  verifying: 'Wir bestätigen, dass Ihr Bankkonto wieder verbunden ist …',
  success: 'Ihr Bankkonto ist wieder verbunden.',
  cancel: 'Ihr Bankkonto wurde nicht erneut verbunden. Sie können es noch einmal versuchen.',
  retry: 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',
  blocked: 'Wir konnten keine Verbindung zu Stripe herstellen. Prüfen Sie Ihre Internetverbindung oder deaktivieren Sie Inhaltsblocker für diese Seite und versuchen Sie es dann noch einmal.',
  unavailable: 'Das erneute Verbinden Ihres Bankkontos ist derzeit nicht verfügbar. Bitte wenden Sie sich an den Kundenservice.',
};
registerTranslation(de);

export default de;
