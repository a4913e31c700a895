import { describe, expect, it } from 'vitest';
import { applyKeyPress } from '#renderer/onScreenKeyboard/keyPress';

describe('applyKeyPress', () => {
  it('types at the end, whole multi-character keys included', () => {
    expect(applyKeyPress('pers', { text: 'o' })).toBe('perso');
    expect(applyKeyPress('name@example', { text: '.de' })).toBe('name@example.de');
    expect(applyKeyPress('Haupt', { text: ' ' })).toBe('Haupt ');
  });

  it('deletes one whole character, even outside the basic plane', () => {
    expect(applyKeyPress('Straße', { special: 'backspace' })).toBe('Straß');
    expect(applyKeyPress('a😀', { special: 'backspace' })).toBe('a');
    expect(applyKeyPress('', { special: 'backspace' })).toBe('');
  });

  it('leaves the value alone on enter and hide', () => {
    expect(applyKeyPress('perso', { special: 'enter' })).toBe('perso');
    expect(applyKeyPress('perso', { special: 'hide' })).toBe('perso');
  });
});
