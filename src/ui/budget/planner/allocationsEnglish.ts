// the workshop allocations' English strings come with the planner view's chunk that shows them, not the resident's
// first load (the other languages are chunks already); imported for its effect by WorkshopAllocations.
import i18next from 'i18next';
import english from '../../../i18n/locales/en/budgetAllocations.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
