// Dutch customer texts (je); same keys and order as en, words from Stripe's own Dutch flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const nl: RelinkTranslation = {
  $code: 'nl',
  $name: 'Nederlands',
  $dir: 'ltr',
  label: 'Bankrekening opnieuw koppelen',
  reconnected: 'Bankrekening opnieuw gekoppeld',
  reasonInactive:
    'De koppeling met je bankrekening werkt niet meer. Koppel je rekening opnieuw om deze te blijven gebruiken.',
  reasonExpiring:
    'De koppeling met je bankrekening verloopt binnenkort. Koppel je rekening opnieuw om deze te blijven gebruiken.',
  reasonExpiringOn:
    'De koppeling met je bankrekening verloopt op {date}. Koppel je rekening opnieuw om deze te blijven gebruiken.',
  reasonPermissions: 'We hebben je toestemming nodig om je bankrekening te blijven gebruiken.',
  reasonPermissionsBy: 'We hebben je toestemming uiterlijk {date} nodig om je bankrekening te blijven gebruiken.',
  loading: 'Beveiligde verbinding met je bank wordt voorbereid…',
  open: 'Ga verder in het Stripe-venster om je bankrekening opnieuw te koppelen.',
  redirecting: 'We sturen je door naar Stripe om je bankrekening opnieuw te koppelen…',
  verifying: 'We controleren of je bankrekening opnieuw is gekoppeld…',
  success: 'Je bankrekening is opnieuw gekoppeld.',
  cancel: 'Je bankrekening is niet opnieuw gekoppeld. Je kunt het nog een keer proberen.',
  retry: 'Er is iets misgegaan. Probeer het opnieuw.',
  blocked: 'We konden Stripe niet bereiken. Controleer je internetverbinding en probeer het opnieuw.',
  unavailable:
    'Het opnieuw koppelen van je bankrekening is op dit moment niet beschikbaar. Neem contact op met de klantenservice.',
  signedOut: 'Je sessie is beëindigd. Log opnieuw in en probeer het dan nog een keer.',
  unconfirmed:
    'We konden de nieuwe koppeling aan onze kant niet bevestigen. Probeer het opnieuw of neem contact op met de klantenservice als dit blijft gebeuren.',
  otherAccount: 'Dat was niet de bankrekening waar we naar vroegen. Probeer het opnieuw en kies dezelfde rekening.',
};
registerTranslation(nl);

export default nl;
