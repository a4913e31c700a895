import { z } from 'zod';

// The kiosk UI runs under a CSP without 'unsafe-eval'; zod must not probe or use `new Function`.
z.config({ jitless: true });

export { z };
