// the English strings of the budget game and the results' spread come with the chunks that use them, not the first load
// (the other languages are chunks already); imported for its effect by the table's game and the results page.
import i18next from 'i18next';
import english from '../../i18n/locales/en/budgetGame.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
