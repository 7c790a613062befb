// French customer texts (vous); same keys and order as en, words from Stripe's own French flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const fr: RelinkTranslation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  label: 'Reconnecter le compte bancaire',
  loading: 'Préparation d’une connexion sécurisée avec votre banque…',
  open: 'Poursuivez dans la fenêtre Stripe pour reconnecter votre compte bancaire.',
  redirecting: 'Redirection vers Stripe pour reconnecter votre compte bancaire…',
  verifying: 'Nous confirmons la reconnexion de votre compte bancaire…',
  success: 'Votre compte bancaire a été reconnecté.',
  cancel: 'Votre compte bancaire n’a pas été reconnecté. Vous pouvez réessayer.',
  retry: 'Un problème est survenu. Veuillez réessayer.',
  blocked: 'Impossible de se connecter à Stripe. Vérifiez votre connexion Internet ou désactivez les bloqueurs de contenu pour cette page, puis réessayez.',
  unavailable: 'La reconnexion de votre compte bancaire n’est pas disponible pour le moment. Veuillez contacter le service client.',
};
registerTranslation(fr);

export default fr;
