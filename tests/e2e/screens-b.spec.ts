import { defineScreenMatrix } from './support/screenMatrix';

// Ukrainian, Russian, Turkish and Persian (the other half is screens-a.spec.ts).
defineScreenMatrix(['uk', 'ru', 'tr', 'fa']);
