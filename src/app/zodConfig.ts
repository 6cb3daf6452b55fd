// zod settings for the browser app; imported first by main.tsx (the modules that build schemas import them too).
import '../core/zodJitless.ts';
