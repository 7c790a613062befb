// Arabic customer texts (right to left, "Stripe" kept in Latin script; every request as يُرجى with a verbal noun:
// one register, the same for every customer whatever their gender); same keys and order as en, words from Stripe's
// own Arabic flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const ar: RelinkTranslation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  label: 'إعادة ربط الحساب البنكي',
  reconnected: 'تمت إعادة ربط الحساب البنكي',
  reasonInactive: 'لم يعد ربط حسابك البنكي يعمل. يُرجى إعادة ربطه لمواصلة استخدام هذا الحساب.',
  reasonExpiring: 'ستنتهي صلاحية ربط حسابك البنكي قريبًا. يُرجى إعادة ربطه لمواصلة استخدام هذا الحساب.',
  reasonExpiringOn: 'ستنتهي صلاحية ربط حسابك البنكي في {date}. يُرجى إعادة ربطه لمواصلة استخدام هذا الحساب.',
  reasonPermissions: 'نحتاج إلى إذنك لمواصلة استخدام حسابك البنكي.',
  reasonPermissionsBy: 'نحتاج إلى إذنك بحلول {date} لمواصلة استخدام حسابك البنكي.',
  loading: 'جارٍ تجهيز اتصال آمن ببنكك…',
  open: 'يُرجى المتابعة في نافذة Stripe لإعادة ربط حسابك البنكي.',
  redirecting: 'جارٍ نقلك إلى Stripe لإعادة ربط حسابك البنكي…',
  verifying: 'جارٍ التحقق من إعادة ربط حسابك البنكي…',
  success: 'تمت إعادة ربط حسابك البنكي.',
  cancel: 'لم تتم إعادة ربط حسابك البنكي. يمكنك المحاولة مرة أخرى.',
  retry: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  blocked: 'تعذّر علينا الاتصال بـ Stripe. يُرجى التحقق من اتصالك بالإنترنت ثم المحاولة مرة أخرى.',
  unavailable: 'إعادة ربط حسابك البنكي غير متاحة حاليًا. يُرجى التواصل مع خدمة العملاء.',
  signedOut: 'انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى ثم المحاولة من جديد.',
  unconfirmed:
    'تعذّر علينا تأكيد إعادة الربط من جهتنا. يُرجى المحاولة مرة أخرى، أو التواصل مع خدمة العملاء إذا تكرّر ذلك.',
  otherAccount: 'لم يكن هذا هو الحساب البنكي الذي طلبناه. يُرجى المحاولة مرة أخرى واختيار الحساب نفسه.',
};
registerTranslation(ar);

export default ar;
