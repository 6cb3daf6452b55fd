// the ballot's and results' English strings (locales/en/budget.json) come with the chunks that use them, not the
// first load (the other languages are chunks already): imported for its effect by every component that reads them,
// so the ballot, the results page and the table game's count each have them however they are reached.
import i18next from 'i18next';
import english from '../../i18n/locales/en/budget.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
