// the table's formal voting English strings (locales/en/tableVote.json) and the ballot refusals' words it shares with
// the phone ballot (budgetPlanner.json) come with the table's chunk, not the resident's first load; imported for its effect.
import i18next from 'i18next';
import refusals from '../../../i18n/locales/en/budgetPlanner.json';
import english from '../../../i18n/locales/en/tableVote.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
i18next.addResourceBundle('en', 'translation', refusals, true, false);
