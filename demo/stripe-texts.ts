// The words of Stripe's simulated screens (the modal flow and the hosted page) in the demo's
// languages, so that QA sees the whole journey in the customer's language, as Stripe shows it.
// Short on purpose: they stand in for Stripe's own texts, which are Stripe's to write.
import { ENGLISH_SIMULATOR_TEXTS, type SimulatorTexts } from '../src/testing/simulator-texts.js';

/** Stripe's simulated hosted page. `{merchant}` and `{account}` are filled in. */
export interface HostedTexts {
  title: string;
  ask: string;
  yourAccount: string;
  reconnect: string;
  cancel: string;
  expired: string;
  completed: string;
  notFound: string;
  askNew: string;
  returnTo: string;
}

export interface StripeTexts {
  flow: SimulatorTexts;
  hosted: HostedTexts;
}

const en: StripeTexts = {
  flow: ENGLISH_SIMULATOR_TEXTS,
  hosted: {
    title: 'Reconnect your bank account',
    ask: '{merchant} asks you to reconnect {account}.',
    yourAccount: 'your bank account',
    reconnect: 'Reconnect',
    cancel: 'Cancel',
    expired: 'This link has expired.',
    completed: 'This link has already been used.',
    notFound: 'This link is not valid.',
    askNew: 'Ask the merchant for a new one.',
    returnTo: 'Return to {merchant}',
  },
};

const ja: StripeTexts = {
  flow: {
    close: '閉じてキャンセル',
    testMode: 'テストモード',
    consentTitle: '銀行口座を再接続',
    consentOne:
      '{merchant} は Stripe を使って {bank} の口座を再接続します。銀行に再度ログインするだけで、他は変わりません。',
    consentAny:
      '{merchant} は Stripe を使って {bank} の口座を再接続します。銀行に再度ログインするだけで、他は変わりません。',
    agree: '同意して続行',
    signInTitle: '{bank} にログイン',
    testInstitution: 'テスト用の金融機関：認証情報は不要です',
    chooseTitle: '再接続する口座を選択',
    confirmTitle: '再接続する口座を確認',
    onlyThisAccount: 'このリクエストで再接続できるのは以下の口座のみです。',
    selectSome: '1 つ以上の口座を選択してください。',
    reconnectOne: '口座を再接続',
    reconnectSeveral: '{count} 件の口座を再接続',
    doneTitle: '口座が再接続されました',
    returnTo: '{merchant} に戻れます。',
    done: '完了',
  },
  hosted: {
    title: '銀行口座を再接続',
    ask: '{merchant} から {account} の再接続が求められています。',
    yourAccount: 'お客様の銀行口座',
    reconnect: '再接続',
    cancel: 'キャンセル',
    expired: 'このリンクの有効期限が切れています。',
    completed: 'このリンクはすでに使用されています。',
    notFound: 'このリンクは無効です。',
    askNew: '新しいリンクを事業者に依頼してください。',
    returnTo: '{merchant} に戻る',
  },
};

const ar: StripeTexts = {
  flow: {
    close: 'إغلاق وإلغاء',
    testMode: 'وضع الاختبار',
    consentTitle: 'أعد ربط حسابك المصرفي',
    consentOne:
      'يستخدم {merchant} خدمة Stripe لإعادة ربط حسابك في {bank}. ' + 'ستسجّل الدخول إلى مصرفك مجددًا، ولن يتغير شيء آخر.',
    consentAny:
      'يستخدم {merchant} خدمة Stripe لإعادة ربط حساباتك في {bank}. ' +
      'ستسجّل الدخول إلى مصرفك مجددًا، ولن يتغير شيء آخر.',
    agree: 'موافقة ومتابعة',
    signInTitle: 'تسجيل الدخول إلى {bank}',
    testInstitution: 'مؤسسة اختبار: لا حاجة إلى بيانات اعتماد',
    chooseTitle: 'اختر الحسابات المراد إعادة ربطها',
    confirmTitle: 'أكّد الحساب المراد إعادة ربطه',
    onlyThisAccount: 'لا يمكن لهذا الطلب إلا إعادة ربط الحساب أدناه.',
    selectSome: 'اختر حسابًا واحدًا أو أكثر.',
    reconnectOne: 'إعادة ربط الحساب',
    reconnectSeveral: 'إعادة ربط {count} حسابات',
    doneTitle: 'تمت إعادة ربط حسابك',
    returnTo: 'يمكنك العودة إلى {merchant}.',
    done: 'تم',
  },
  hosted: {
    title: 'أعد ربط حسابك المصرفي',
    ask: 'يطلب منك {merchant} إعادة ربط {account}.',
    yourAccount: 'حسابك المصرفي',
    reconnect: 'إعادة الربط',
    cancel: 'إلغاء',
    expired: 'انتهت صلاحية هذا الرابط.',
    completed: 'سبق استخدام هذا الرابط.',
    notFound: 'هذا الرابط غير صالح.',
    askNew: 'اطلب رابطًا جديدًا من التاجر.',
    returnTo: 'العودة إلى {merchant}',
  },
};

const fr: StripeTexts = {
  flow: {
    close: 'Fermer et annuler',
    testMode: 'MODE TEST',
    consentTitle: 'Reconnectez votre compte bancaire',
    consentOne:
      '{merchant} utilise Stripe pour reconnecter votre compte {bank}. ' +
      'Vous vous reconnecterez à votre banque ; rien d’autre ne change.',
    consentAny:
      '{merchant} utilise Stripe pour reconnecter vos comptes {bank}. ' +
      'Vous vous reconnecterez à votre banque ; rien d’autre ne change.',
    agree: 'Accepter et continuer',
    signInTitle: 'Connexion à {bank}',
    testInstitution: 'Banque de test : aucun identifiant requis',
    chooseTitle: 'Choisissez les comptes à reconnecter',
    confirmTitle: 'Confirmez le compte à reconnecter',
    onlyThisAccount: 'Cette demande ne peut reconnecter que le compte ci-dessous.',
    selectSome: 'Sélectionnez un ou plusieurs comptes.',
    reconnectOne: 'Reconnecter le compte',
    reconnectSeveral: 'Reconnecter {count} comptes',
    doneTitle: 'Votre compte est reconnecté',
    returnTo: 'Vous pouvez revenir sur {merchant}.',
    done: 'Terminé',
  },
  hosted: {
    title: 'Reconnectez votre compte bancaire',
    ask: '{merchant} vous demande de reconnecter {account}.',
    yourAccount: 'votre compte bancaire',
    reconnect: 'Reconnecter',
    cancel: 'Annuler',
    expired: 'Ce lien a expiré.',
    completed: 'Ce lien a déjà été utilisé.',
    notFound: 'Ce lien n’est pas valide.',
    askNew: 'Demandez-en un nouveau au marchand.',
    returnTo: 'Revenir sur {merchant}',
  },
};

const de: StripeTexts = {
  flow: {
    close: 'Schließen und abbrechen',
    testMode: 'TESTMODUS',
    consentTitle: 'Bankkonto neu verbinden',
    consentOne:
      '{merchant} verbindet Ihr Konto bei {bank} über Stripe neu. ' +
      'Sie melden sich erneut bei Ihrer Bank an; sonst ändert sich nichts.',
    consentAny:
      '{merchant} verbindet Ihre Konten bei {bank} über Stripe neu. ' +
      'Sie melden sich erneut bei Ihrer Bank an; sonst ändert sich nichts.',
    agree: 'Zustimmen und weiter',
    signInTitle: 'Bei {bank} anmelden',
    testInstitution: 'Testbank: keine Zugangsdaten nötig',
    chooseTitle: 'Konten zum Neuverbinden wählen',
    confirmTitle: 'Konto zum Neuverbinden bestätigen',
    onlyThisAccount: 'Diese Anfrage kann nur das Konto unten neu verbinden.',
    selectSome: 'Wählen Sie ein oder mehrere Konten.',
    reconnectOne: 'Konto neu verbinden',
    reconnectSeveral: '{count} Konten neu verbinden',
    doneTitle: 'Ihr Konto ist neu verbunden',
    returnTo: 'Sie können zu {merchant} zurückkehren.',
    done: 'Fertig',
  },
  hosted: {
    title: 'Bankkonto neu verbinden',
    ask: '{merchant} bittet Sie, {account} neu zu verbinden.',
    yourAccount: 'Ihr Bankkonto',
    reconnect: 'Neu verbinden',
    cancel: 'Abbrechen',
    expired: 'Dieser Link ist abgelaufen.',
    completed: 'Dieser Link wurde bereits verwendet.',
    notFound: 'Dieser Link ist ungültig.',
    askNew: 'Bitten Sie den Händler um einen neuen.',
    returnTo: 'Zurück zu {merchant}',
  },
};

const es: StripeTexts = {
  flow: {
    close: 'Cerrar y cancelar',
    testMode: 'MODO DE PRUEBA',
    consentTitle: 'Vuelve a conectar tu cuenta bancaria',
    consentOne:
      '{merchant} usa Stripe para volver a conectar tu cuenta de {bank}. ' +
      'Iniciarás sesión en tu banco otra vez; nada más cambia.',
    consentAny:
      '{merchant} usa Stripe para volver a conectar tus cuentas de {bank}. ' +
      'Iniciarás sesión en tu banco otra vez; nada más cambia.',
    agree: 'Aceptar y continuar',
    signInTitle: 'Inicia sesión en {bank}',
    testInstitution: 'Banco de prueba: no hacen falta credenciales',
    chooseTitle: 'Elige las cuentas que quieres volver a conectar',
    confirmTitle: 'Confirma la cuenta que quieres volver a conectar',
    onlyThisAccount: 'Esta solicitud solo puede volver a conectar la cuenta de abajo.',
    selectSome: 'Selecciona una o más cuentas.',
    reconnectOne: 'Volver a conectar la cuenta',
    reconnectSeveral: 'Volver a conectar {count} cuentas',
    doneTitle: 'Tu cuenta se ha vuelto a conectar',
    returnTo: 'Puedes volver a {merchant}.',
    done: 'Listo',
  },
  hosted: {
    title: 'Vuelve a conectar tu cuenta bancaria',
    ask: '{merchant} te pide volver a conectar {account}.',
    yourAccount: 'tu cuenta bancaria',
    reconnect: 'Volver a conectar',
    cancel: 'Cancelar',
    expired: 'Este enlace ha caducado.',
    completed: 'Este enlace ya se ha usado.',
    notFound: 'Este enlace no es válido.',
    askNew: 'Pide uno nuevo al comercio.',
    returnTo: 'Volver a {merchant}',
  },
};

const it: StripeTexts = {
  flow: {
    close: 'Chiudi e annulla',
    testMode: 'MODALITÀ TEST',
    consentTitle: 'Ricollega il tuo conto bancario',
    consentOne:
      '{merchant} usa Stripe per ricollegare il tuo conto {bank}. ' +
      'Accederai di nuovo alla tua banca; nient’altro cambia.',
    consentAny:
      '{merchant} usa Stripe per ricollegare i tuoi conti {bank}. ' +
      'Accederai di nuovo alla tua banca; nient’altro cambia.',
    agree: 'Accetta e continua',
    signInTitle: 'Accedi a {bank}',
    testInstitution: 'Banca di prova: nessuna credenziale necessaria',
    chooseTitle: 'Scegli i conti da ricollegare',
    confirmTitle: 'Conferma il conto da ricollegare',
    onlyThisAccount: 'Questa richiesta può ricollegare solo il conto qui sotto.',
    selectSome: 'Seleziona uno o più conti.',
    reconnectOne: 'Ricollega il conto',
    reconnectSeveral: 'Ricollega {count} conti',
    doneTitle: 'Il tuo conto è ricollegato',
    returnTo: 'Puoi tornare su {merchant}.',
    done: 'Fatto',
  },
  hosted: {
    title: 'Ricollega il tuo conto bancario',
    ask: '{merchant} ti chiede di ricollegare {account}.',
    yourAccount: 'il tuo conto bancario',
    reconnect: 'Ricollega',
    cancel: 'Annulla',
    expired: 'Questo link è scaduto.',
    completed: 'Questo link è già stato usato.',
    notFound: 'Questo link non è valido.',
    askNew: 'Chiedine uno nuovo all’esercente.',
    returnTo: 'Torna su {merchant}',
  },
};

const nl: StripeTexts = {
  flow: {
    close: 'Sluiten en annuleren',
    testMode: 'TESTMODUS',
    consentTitle: 'Verbind je bankrekening opnieuw',
    consentOne:
      '{merchant} gebruikt Stripe om je rekening bij {bank} opnieuw te verbinden. ' +
      'Je logt opnieuw in bij je bank; verder verandert er niets.',
    consentAny:
      '{merchant} gebruikt Stripe om je rekeningen bij {bank} opnieuw te verbinden. ' +
      'Je logt opnieuw in bij je bank; verder verandert er niets.',
    agree: 'Akkoord en doorgaan',
    signInTitle: 'Inloggen bij {bank}',
    testInstitution: 'Testbank: geen inloggegevens nodig',
    chooseTitle: 'Kies de rekeningen om opnieuw te verbinden',
    confirmTitle: 'Bevestig de rekening om opnieuw te verbinden',
    onlyThisAccount: 'Dit verzoek kan alleen de rekening hieronder opnieuw verbinden.',
    selectSome: 'Selecteer een of meer rekeningen.',
    reconnectOne: 'Rekening opnieuw verbinden',
    reconnectSeveral: '{count} rekeningen opnieuw verbinden',
    doneTitle: 'Je rekening is opnieuw verbonden',
    returnTo: 'Je kunt terug naar {merchant}.',
    done: 'Klaar',
  },
  hosted: {
    title: 'Verbind je bankrekening opnieuw',
    ask: '{merchant} vraagt je {account} opnieuw te verbinden.',
    yourAccount: 'je bankrekening',
    reconnect: 'Opnieuw verbinden',
    cancel: 'Annuleren',
    expired: 'Deze link is verlopen.',
    completed: 'Deze link is al gebruikt.',
    notFound: 'Deze link is niet geldig.',
    askNew: 'Vraag de verkoper om een nieuwe.',
    returnTo: 'Terug naar {merchant}',
  },
};

const pt: StripeTexts = {
  flow: {
    close: 'Fechar e cancelar',
    testMode: 'MODO DE TESTE',
    consentTitle: 'Reconecte sua conta bancária',
    consentOne:
      '{merchant} usa a Stripe para reconectar sua conta do {bank}. ' +
      'Você entra no seu banco de novo; nada mais muda.',
    consentAny:
      '{merchant} usa a Stripe para reconectar suas contas do {bank}. ' +
      'Você entra no seu banco de novo; nada mais muda.',
    agree: 'Concordar e continuar',
    signInTitle: 'Entrar no {bank}',
    testInstitution: 'Banco de teste: não são necessárias credenciais',
    chooseTitle: 'Escolha as contas para reconectar',
    confirmTitle: 'Confirme a conta para reconectar',
    onlyThisAccount: 'Esta solicitação só pode reconectar a conta abaixo.',
    selectSome: 'Selecione uma ou mais contas.',
    reconnectOne: 'Reconectar conta',
    reconnectSeveral: 'Reconectar {count} contas',
    doneTitle: 'Sua conta foi reconectada',
    returnTo: 'Você pode voltar para {merchant}.',
    done: 'Concluir',
  },
  hosted: {
    title: 'Reconecte sua conta bancária',
    ask: '{merchant} pede que você reconecte {account}.',
    yourAccount: 'sua conta bancária',
    reconnect: 'Reconectar',
    cancel: 'Cancelar',
    expired: 'Este link expirou.',
    completed: 'Este link já foi usado.',
    notFound: 'Este link não é válido.',
    askNew: 'Peça um novo ao lojista.',
    returnTo: 'Voltar para {merchant}',
  },
};

const TEXTS: Readonly<Record<string, StripeTexts>> = { en, ja, ar, fr, de, es, it, nl, pt };

/** Stripe's simulated screens in `lang` (English for a language the demo does not ship). */
export const stripeTextsFor = (lang: string | null): StripeTexts => TEXTS[lang ?? 'en'] ?? en;
