// Portuguese customer texts (Brazil, você, worded so that no text depends on the customer's gender); same keys and
// order as en, words from Stripe's own pt-BR flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const pt: RelinkTranslation = {
  $code: 'pt',
  $name: 'Português',
  $dir: 'ltr',
  label: 'Reconectar conta bancária',
  reconnected: 'Conta bancária reconectada',
  reasonInactive: 'A conexão com sua conta bancária parou de funcionar. Reconecte-a para continuar usando esta conta.',
  reasonExpiring: 'A conexão com sua conta bancária expira em breve. Reconecte-a para continuar usando esta conta.',
  reasonExpiringOn: 'A conexão com sua conta bancária expira em {date}. Reconecte-a para continuar usando esta conta.',
  reasonPermissions: 'Precisamos da sua autorização para continuar usando sua conta bancária.',
  reasonPermissionsBy: 'Precisamos da sua autorização até {date} para continuar usando sua conta bancária.',
  loading: 'Aguarde enquanto preparamos uma conexão segura com seu banco…',
  open: 'Continue na janela da Stripe para reconectar sua conta bancária.',
  redirecting: 'Estamos levando você à Stripe para reconectar sua conta bancária…',
  verifying: 'Estamos verificando se sua conta bancária foi reconectada…',
  success: 'Sua conta bancária foi reconectada.',
  cancel: 'Sua conta bancária não foi reconectada. Você pode tentar novamente.',
  retry: 'Ocorreu um erro. Tente novamente.',
  blocked: 'Não foi possível conectar à Stripe. Verifique sua conexão com a internet e tente novamente.',
  unavailable: 'A reconexão da conta bancária não está disponível no momento. Fale com o atendimento ao cliente.',
  signedOut: 'Sua sessão foi encerrada. Faça login novamente e tente de novo.',
  unconfirmed:
    'Não conseguimos confirmar a reconexão do nosso lado. Tente novamente ou, se o problema continuar, fale com o atendimento ao cliente.',
  otherAccount: 'Essa não era a conta bancária que pedimos. Tente novamente e escolha a mesma conta.',
};
registerTranslation(pt);

export default pt;
