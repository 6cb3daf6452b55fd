// the planner view's own English strings, added by its lazy chunk, so the resident's first load does not carry them
// (the two the resident map shows, its link to the planner view and the staff sign-in link, are in locales/*/nav.json).
import i18next from 'i18next';
import clusterPick from '../i18n/locales/en/clusterPick.json';
import explorer from '../i18n/locales/en/explorer.json';
import hardening11 from '../i18n/locales/en/hardening11.json';
import planner from '../i18n/locales/en/planner.json';
import plannerQueries from '../i18n/locales/en/plannerQueries.json';

for (const strings of [planner, explorer, hardening11, plannerQueries, clusterPick]) i18next.addResourceBundle('en', 'translation', strings, true, false);
