import { defineScreenMatrix } from './support/screenMatrix';

// German, Leichte Sprache, English and Turkish (the other half is screens-b.spec.ts, so both
// workers share the matrix; each half holds one of the languages walked by keyboard).
defineScreenMatrix(['de', 'de-x-ls', 'en', 'tr']);
