// the staff console's English strings (consultations, teams, accounts, invitations) come with its chunk, not the
// resident's first load: every module whose t() keys start with "staff." imports this for its effect
// (test/unit/lazyEnglish.test.ts checks it). Other languages arrive with their language's chunk (src/i18n/i18n.ts).
// i18n.ts first: it initialises i18next (in the app main.tsx has, but a test may import a component alone)
import '../../i18n/i18n.ts';
import i18next from 'i18next';
import english from '../../i18n/locales/en/staff.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
