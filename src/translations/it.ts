// Italian customer texts (tu); same keys and order as en, words from Stripe's own Italian flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const it: RelinkTranslation = {
  $code: 'it',
  $name: 'Italiano',
  $dir: 'ltr',
  label: 'Ricollega il conto bancario',
  loading: 'Stiamo preparando una connessione sicura con la tua banca…',
  open: 'Continua nella finestra di Stripe per ricollegare il tuo conto bancario.',
  redirecting: 'Ti stiamo portando su Stripe per ricollegare il tuo conto bancario…',
  verifying: 'Stiamo verificando che il tuo conto bancario sia stato ricollegato…',
  success: 'Il tuo conto bancario è stato ricollegato.',
  cancel: 'Il tuo conto bancario non è stato ricollegato. Puoi riprovare.',
  retry: 'Si è verificato un problema. Riprova.',
  blocked: 'Non siamo riusciti a connetterci a Stripe. Controlla la connessione a Internet o disattiva il blocco dei contenuti per questa pagina, poi riprova.',
  unavailable: 'Il ricollegamento del tuo conto bancario non è al momento disponibile. Contatta l’assistenza clienti.',
};
registerTranslation(it);

export default it;
