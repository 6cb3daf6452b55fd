// zod settings for the browser app; imported first by main.tsx, before any module builds a schema.
import { z } from 'zod';

// WARNING: zod 4 compiles fast object parsers with `new Function` after probing whether eval is allowed. The server's
// Content-Security-Policy forbids eval (script-src 'self'), so the probe itself is reported as a violation; jitless
// parsing skips both, at a cost the app's small forms and API answers do not notice.
z.config({ jitless: true });
