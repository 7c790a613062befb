// Italian customer texts (tu); same keys and order as en, words from Stripe's own Italian flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const it: RelinkTranslation = {
  $code: 'it',
  $name: 'Italiano',
  $dir: 'ltr',
  label: 'Ricollega il conto bancario',
  reconnected: 'Conto bancario ricollegato',
  reasonInactive:
    'Il collegamento con il tuo conto bancario non funziona più. Ricollegalo per continuare a usare questo conto.',
  reasonExpiring:
    'Il collegamento con il tuo conto bancario scade a breve. Ricollegalo per continuare a usare questo conto.',
  reasonExpiringOn:
    'Il collegamento con il tuo conto bancario scade il giorno {date}. Ricollegalo per continuare a usare questo conto.',
  reasonPermissions: 'Abbiamo bisogno della tua autorizzazione per continuare a usare il tuo conto bancario.',
  reasonPermissionsBy:
    'Abbiamo bisogno della tua autorizzazione entro il giorno {date} per continuare a usare il tuo conto bancario.',
  loading: 'Stiamo preparando una connessione sicura con la tua banca…',
  open: 'Continua nella finestra di Stripe per ricollegare il tuo conto bancario.',
  redirecting: 'Ti stiamo portando su Stripe per ricollegare il tuo conto bancario…',
  verifying: 'Stiamo verificando se il tuo conto bancario è stato ricollegato…',
  success: 'Il tuo conto bancario è stato ricollegato.',
  cancel: 'Il tuo conto bancario non è stato ricollegato. Puoi riprovare.',
  retry: 'Si è verificato un problema. Riprova.',
  blocked: 'Non siamo riusciti a connetterci a Stripe. Controlla la connessione a Internet e riprova.',
  unavailable: 'Il ricollegamento del tuo conto bancario non è al momento disponibile. Contatta l’assistenza clienti.',
  signedOut: 'La tua sessione è terminata. Accedi di nuovo, poi riprova.',
  unconfirmed:
    'Non siamo riusciti a confermare il ricollegamento da parte nostra. Riprova o, se il problema persiste, contatta l’assistenza clienti.',
  otherAccount: 'Non era il conto bancario che ti avevamo chiesto. Riprova e scegli lo stesso conto.',
};
registerTranslation(it);

export default it;
