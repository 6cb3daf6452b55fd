// the budget planner's and the ballot's own English strings, added by the lazy chunks that use them (the planner view
// and the budget pages), so the resident's first load does not carry them.
import i18next from 'i18next';
import english from '../i18n/locales/en/budgetPlanner.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
