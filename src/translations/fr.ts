// French customer texts (vous); same keys and order as en, words from Stripe's own French flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const fr: RelinkTranslation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  label: 'Reconnecter le compte bancaire',
  reconnected: 'Compte bancaire reconnecté',
  reasonInactive:
    'La connexion à votre compte bancaire ne fonctionne plus. Reconnectez-le pour continuer à l’utiliser.',
  reasonExpiring: 'La connexion à votre compte bancaire expire bientôt. Reconnectez-le pour continuer à l’utiliser.',
  reasonExpiringOn:
    'La connexion à votre compte bancaire expire le {date}. Reconnectez-le pour continuer à l’utiliser.',
  reasonPermissions: 'Nous avons besoin de votre autorisation pour continuer à utiliser votre compte bancaire.',
  reasonPermissionsBy:
    'Nous avons besoin de votre autorisation d’ici le {date} pour continuer à utiliser votre compte bancaire.',
  loading: 'Préparation d’une connexion sécurisée avec votre banque…',
  open: 'Poursuivez dans la fenêtre Stripe pour reconnecter votre compte bancaire.',
  redirecting: 'Redirection vers Stripe pour reconnecter votre compte bancaire…',
  verifying: 'Nous vérifions si votre compte bancaire a été reconnecté…',
  success: 'Votre compte bancaire a été reconnecté.',
  cancel: 'Votre compte bancaire n’a pas été reconnecté. Vous pouvez réessayer.',
  retry: 'Un problème est survenu. Veuillez réessayer.',
  blocked: 'Impossible de se connecter à Stripe. Vérifiez votre connexion Internet, puis réessayez.',
  unavailable:
    'La reconnexion de votre compte bancaire n’est pas disponible pour le moment. Veuillez contacter le service client.',
  signedOut: 'Votre session est terminée. Connectez-vous à nouveau, puis réessayez.',
  unconfirmed:
    'Nous n’avons pas pu confirmer la reconnexion de notre côté. Veuillez réessayer ou, si le problème persiste, contacter le service client.',
  otherAccount:
    'Ce n’est pas le compte bancaire sur lequel portait notre demande. Veuillez réessayer en choisissant le même compte.',
};
registerTranslation(fr);

export default fr;
