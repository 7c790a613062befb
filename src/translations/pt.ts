// Portuguese customer texts (Brazil, você register, wording kept readable in Portugal); same keys and order as en, words from Stripe's own pt-BR flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const pt: RelinkTranslation = {
  $code: 'pt',
  $name: 'Português',
  $dir: 'ltr',
  label: 'Reconectar conta bancária',
  loading: 'Aguarde enquanto preparamos uma conexão segura com o seu banco…',
  open: 'Continue na janela da Stripe para reconectar a sua conta bancária.',
  redirecting: 'Será redirecionado para a Stripe, onde poderá reconectar a sua conta bancária…',
  verifying: 'Aguarde enquanto confirmamos que a sua conta bancária foi reconectada…',
  success: 'A sua conta bancária foi reconectada.',
  cancel: 'A sua conta bancária não foi reconectada. Pode tentar novamente.',
  retry: 'Ocorreu um erro. Tente novamente.',
  blocked: 'Não foi possível estabelecer conexão com a Stripe. Verifique a sua conexão com a internet ou desative os bloqueadores de conteúdo nesta página e tente novamente.',
  unavailable: 'A reconexão da conta bancária não está disponível neste momento. Fale com o atendimento ao cliente.',
};
registerTranslation(pt);

export default pt;
