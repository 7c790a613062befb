// Spanish customer texts (tú, neutral for Spain and Latin America); same keys and order as en, words from Stripe's own Spanish flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const es: RelinkTranslation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',
  label: 'Reconecta tu cuenta bancaria',
  loading: 'Preparando una conexión segura con tu banco…',
  open: 'Continúa en la ventana de Stripe para reconectar tu cuenta bancaria.',
  redirecting: 'Te llevamos a Stripe para que reconectes tu cuenta bancaria…',
  verifying: 'Confirmando que tu cuenta bancaria está reconectada…',
  success: 'Tu cuenta bancaria ya está reconectada.',
  cancel: 'Tu cuenta bancaria sigue sin reconectar. Puedes volver a intentarlo.',
  retry: 'Se produjo un error. Vuelve a intentarlo.',
  blocked: 'No se pudo conectar con Stripe. Revisa tu conexión a internet o desactiva los bloqueadores de contenido en esta página y luego vuelve a intentarlo.',
  unavailable: 'La reconexión de tu cuenta bancaria no está disponible en este momento. Ponte en contacto con atención al cliente.',
};
registerTranslation(es);

export default es;
