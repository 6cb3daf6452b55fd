// zod without eval: imported (for its side effect) first by every module that builds a schema, so no bundle order can run one before it.
import { z } from 'zod';

// WARNING: zod 4 compiles fast object parsers with `new Function` after probing whether eval is allowed. The server's
// Content-Security-Policy forbids eval (script-src 'self'), so the probe itself is reported as a violation; jitless
// parsing skips both, at a cost the app's small forms and API answers do not notice. Set here, not only in the app's
// entry, because the bundler may put schema modules in a shared chunk that runs before the entry's own imports.
z.config({ jitless: true });
