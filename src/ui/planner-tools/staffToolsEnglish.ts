// the English strings of the staff's tools shared by several views (signing in, a moderation reason, a facilitator's
// data) come with the chunks that show them, not the resident's first load: every module whose t() keys start with
// "sync.auth.", "sync.moderation." or "sync.data." imports this for its effect (test/unit/lazyEnglish.test.ts checks it).
// i18n.ts first: it initialises i18next (in the app main.tsx has, but a test may import a component alone)
import '../../i18n/i18n.ts';
import i18next from 'i18next';
import english from '../../i18n/locales/en/staffTools.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
