import { defineScreenMatrix } from './support/screenMatrix';

// German, Leichte Sprache, English and Arabic (the other half is screens-b.spec.ts, so both workers share the matrix).
defineScreenMatrix(['de', 'de-x-ls', 'en', 'ar']);
