// Dutch customer texts (je); same keys and order as en, words from Stripe's own Dutch flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const nl: RelinkTranslation = {
  $code: 'nl',
  $name: 'Nederlands',
  $dir: 'ltr',
  label: 'Bankrekening opnieuw koppelen',
  loading: 'Beveiligde verbinding met je bank wordt voorbereid…',
  open: 'Ga verder in het Stripe-venster om je bankrekening opnieuw te koppelen.',
  redirecting: 'We sturen je door naar Stripe om je bankrekening opnieuw te koppelen…',
  verifying: 'We controleren of je bankrekening opnieuw is gekoppeld…',
  success: 'Je bankrekening is opnieuw gekoppeld.',
  cancel: 'Je bankrekening is niet opnieuw gekoppeld. Je kunt het nog een keer proberen.',
  retry: 'Er is iets misgegaan. Probeer het opnieuw.',
  blocked: 'We konden geen verbinding maken met Stripe. Controleer je internetverbinding of zet contentblockers voor deze pagina uit en probeer het daarna opnieuw.',
  unavailable: 'Het opnieuw koppelen van je bankrekening is op dit moment niet beschikbaar. Neem contact op met de klantenservice.',
};
registerTranslation(nl);

export default nl;
