// the English strings of the workshop allocations (planner view) and the results map (budget pages) come with the
// chunks that show them, not the resident's first load (the other languages are chunks already); imported for its
// effect by WorkshopAllocations and BudgetSpreadMapPart.
import i18next from 'i18next';
import english from '../../i18n/locales/en/budgetAllocations.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
