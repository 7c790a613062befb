// Arabic customer texts (right to left, "Stripe" kept in Latin script); same keys and order as en, words from Stripe's own Arabic flow.
// Importing this module registers it.
import { registerTranslation, type RelinkTranslation } from '../shell/localize.js';

const ar: RelinkTranslation = {
  $code: 'ar',
  $name: 'العربية',
  $dir: 'rtl',
  label: 'إعادة ربط الحساب البنكي',
  loading: 'جارٍ تجهيز اتصال آمن ببنكك…',
  open: 'تابِع في نافذة Stripe لإعادة ربط حسابك البنكي.',
  redirecting: 'جارٍ نقلك إلى Stripe لإعادة ربط حسابك البنكي…',
  verifying: 'جارٍ التأكد من إعادة ربط حسابك البنكي…',
  success: 'تمت إعادة ربط حسابك البنكي.',
  cancel: 'لم تتم إعادة ربط حسابك البنكي. يمكنك المحاولة مرة أخرى.',
  retry: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  blocked: 'تعذّر علينا الاتصال بـ Stripe. تحقّق من اتصالك بالإنترنت أو أوقِف أدوات حظر المحتوى في هذه الصفحة، ثم حاول مرة أخرى.',
  unavailable: 'إعادة ربط حسابك البنكي غير متاحة حاليًا. يُرجى التواصل مع خدمة العملاء.',
};
registerTranslation(ar);

export default ar;
