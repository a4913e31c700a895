import { defineScreenMatrix } from './support/screenMatrix';

// Arabic, Ukrainian, Russian and Persian (the other half is screens-a.spec.ts).
defineScreenMatrix(['ar', 'uk', 'ru', 'fa']);
