import { defineKeyboardWalk } from './support/keyboardWalk';

// Arabic, right to left: the reading order is mirrored (left to right is keyboard-ltr.spec.ts).
defineKeyboardWalk('ar', true);
