// Spanish customer texts (tú, neutral for Spain and Latin America); same keys and order as en, words from Stripe's own Spanish flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const es: RelinkTranslation = {
  $code: 'es',
  $name: 'Español',
  $dir: 'ltr',
  label: 'Reconecta tu cuenta bancaria',
  reconnected: 'Cuenta bancaria reconectada',
  reasonInactive: 'La conexión con tu cuenta bancaria dejó de funcionar. Reconéctala para seguir usando esta cuenta.',
  reasonExpiring: 'La conexión con tu cuenta bancaria vence pronto. Reconéctala para seguir usando esta cuenta.',
  reasonExpiringOn: 'La conexión con tu cuenta bancaria vence el {date}. Reconéctala para seguir usando esta cuenta.',
  reasonPermissions: 'Necesitamos tu autorización para seguir usando tu cuenta bancaria.',
  reasonPermissionsBy: 'Necesitamos tu autorización a más tardar el {date} para seguir usando tu cuenta bancaria.',
  loading: 'Preparando una conexión segura con tu banco…',
  open: 'Continúa en la ventana de Stripe para reconectar tu cuenta bancaria.',
  redirecting: 'Te llevamos a Stripe para que reconectes tu cuenta bancaria…',
  verifying: 'Estamos comprobando si tu cuenta bancaria está reconectada…',
  success: 'Tu cuenta bancaria ya está reconectada.',
  cancel: 'Tu cuenta bancaria no se reconectó. Puedes volver a intentarlo.',
  retry: 'Se produjo un error. Vuelve a intentarlo.',
  blocked: 'No se pudo conectar con Stripe. Revisa tu conexión a internet y vuelve a intentarlo.',
  unavailable:
    'La reconexión de tu cuenta bancaria no está disponible en este momento. Ponte en contacto con atención al cliente.',
  signedOut: 'Tu sesión finalizó. Vuelve a iniciar sesión y luego inténtalo de nuevo.',
  unconfirmed:
    'No pudimos confirmar la reconexión por nuestra parte. Vuelve a intentarlo o, si el problema continúa, ponte en contacto con atención al cliente.',
  otherAccount: 'Esa no era la cuenta bancaria por la que te preguntamos. Vuelve a intentarlo y elige la misma cuenta.',
};
registerTranslation(es);

export default es;
