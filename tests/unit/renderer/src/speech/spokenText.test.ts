import { describe, expect, it } from 'vitest';
import { spokenTextFor } from '#renderer/speech/spokenText';

describe('what the speech output says for a focused element', () => {
  it('says a button by its label', () => {
    expect(spokenTextFor({ tagName: 'BUTTON', textContent: '  Ich brauche\n mehr Zeit ' })).toBe('Ich brauche mehr Zeit');
    expect(spokenTextFor({ tagName: 'BUTTON', ariaLabel: 'Gerätestatus', textContent: '' })).toBe('Gerätestatus');
  });

  it('says a form field by its label only, never what was typed — a PIN is never spoken', () => {
    expect(spokenTextFor({ tagName: 'INPUT', type: 'password', labelText: 'PIN', textContent: '', masked: true })).toBe('PIN');
    expect(spokenTextFor({ tagName: 'INPUT', type: 'text', labelText: 'Name', textContent: 'Erika Mustermann' })).toBe('Name');
    expect(spokenTextFor({ tagName: 'TEXTAREA', labelText: null, textContent: 'secret text' })).toBe('');
  });
});
