import { defineKeyboardWalk } from './support/keyboardWalk';

// German, left to right (right to left is keyboard-rtl.spec.ts, so both workers share the walk).
defineKeyboardWalk('de', false);
