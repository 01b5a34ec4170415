import { z } from 'zod';

// zod's JIT probes `new Function`, which the server's CSP (script-src 'self') refuses and reports as a violation.
z.config({ jitless: true });
