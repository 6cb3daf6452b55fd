// the layers' English strings come with the layer chunks (the resident's first load stays small); every chunk that
// shows layer text imports this once. Other languages arrive with their language's chunk (src/i18n/i18n.ts).
import i18next from 'i18next';
import english from '../../i18n/locales/en/layers.json';

i18next.addResourceBundle('en', 'translation', english, true, false);
