// the English strings of the resident map's later parts (the pin form, a pin's details and actions, the list view, the
// data menu and import reports) come with their chunks, not the first load: every module whose t() keys start with
// "pin.", "form.", "errors.", "list.", "data." or "problems." imports this for its effect (test/unit/lazyEnglish.test.ts
// checks it). Other languages arrive with their language's chunk (src/i18n/i18n.ts).
// i18n.ts first: it initialises i18next (in the app main.tsx has, but a test may import a component alone)
import '../i18n/i18n.ts';
import i18next from 'i18next';
import english from '../i18n/locales/en/residentPanels.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
