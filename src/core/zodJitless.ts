// zod settings: imported (for its side effect) first by every module that builds a schema, so no bundle order can run one before it.
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// WARNING: zod 4 compiles fast object parsers with `new Function` after probing whether eval is allowed. The server's
// Content-Security-Policy forbids eval (script-src 'self'), so the probe itself is reported as a violation; jitless
// parsing skips both, at a cost the app's small forms and API answers do not notice. Set here, not only in the app's
// entry, because the bundler may put schema modules in a shared chunk that runs before the entry's own imports.
// English messages are set here too: the schemas the browser's first load builds use `zod/mini` (a third of full
// zod's size), which, unlike full zod, sets no locale of its own; with it, both build the same messages everywhere.
config({ jitless: true, ...en() });
