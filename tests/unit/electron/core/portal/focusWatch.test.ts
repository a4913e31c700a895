import { describe, expect, it, vi } from 'vitest';
import { focusWatchBinding, focusWatchScript, focusWatchWorld, parseFocusPayload } from '#core/portal/focusWatch';

describe('parseFocusPayload', () => {
  it.each(['none', 'nothing', 'text', 'email', 'number', 'password'] as const)('accepts the kind %s', (kind) => {
    expect(parseFocusPayload(kind)).toBe(kind);
  });

  it.each([
    ['an unknown kind', 'tel'],
    ['another case', 'TEXT'],
    ['padding', ' text'],
    ['an empty string', ''],
    ['JSON of a kind', '"text"'],
    ['a number', 1],
    ['null', null],
    ['undefined', undefined],
    ['an object', { kind: 'text' }],
    ['an array', ['text']],
    ['a prototype key', 'toString'],
  ])('turns %s into none', (_label, payload) => {
    expect(parseFocusPayload(payload)).toBe('none');
  });
});

describe('focusWatchScript', () => {
  it('is one self-contained expression that names the binding and no kiosk API', () => {
    // Compiling the source is the point here: it must be one valid script.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, no-new-func
    expect(() => new Function(focusWatchScript)).not.toThrow();
    expect(focusWatchScript).toContain(JSON.stringify(focusWatchBinding));
    expect(focusWatchScript).not.toMatch(/kiosk\./);
    expect(focusWatchWorld).not.toBe('');
  });

  it('listens in the capture phase on window and reports through the binding only', () => {
    // A minimal stand-in for the isolated world: window listeners and an active text field.
    class FakeElement {
      readonly shadowRoot = null;
      isContentEditable = false;
      disabled = false;
      readOnly = false;
      constructor(private readonly attributes: Record<string, string>) {}
      getAttribute(name: string): string | null {
        return this.attributes[name] ?? null;
      }
    }
    class FakeInput extends FakeElement {}
    class FakeTextArea extends FakeElement {}
    class FakeFrame extends FakeElement {}
    const listeners = new Map<string, { handler: (event?: unknown) => void; capture: boolean }>();
    const binding = vi.fn();
    const document = { activeElement: null as FakeElement | null, hasFocus: () => true };
    const window: { top: unknown; addEventListener: (type: string, handler: (event?: unknown) => void, capture: boolean) => void } = {
      top: null,
      addEventListener: (type, handler, capture) => listeners.set(type, { handler, capture }),
    };
    window.top = window;
    const world = {
      window,
      document,
      HTMLElement: FakeElement,
      HTMLInputElement: FakeInput,
      HTMLTextAreaElement: FakeTextArea,
      HTMLIFrameElement: FakeFrame,
      HTMLFrameElement: FakeFrame,
      globalThis: { [focusWatchBinding]: binding } as Record<string, unknown>,
      setTimeout: (fn: () => void) => fn(),
    };
    // Runs the watcher against the stand-in globals, as the isolated world would.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, no-new-func
    const run = new Function(...Object.keys(world), focusWatchScript) as (...args: unknown[]) => void;
    run(...Object.values(world));
    expect(listeners.get('focusin')?.capture).toBe(true);
    expect(listeners.get('focusout')?.capture).toBe(true);

    const focus = (element: FakeElement | null): unknown => {
      document.activeElement = element;
      listeners.get('focusin')?.handler();
      return binding.mock.lastCall?.[0];
    };
    expect(focus(new FakeInput({ type: 'email' }))).toBe('email');
    expect(focus(new FakeInput({ type: 'password' }))).toBe('password');
    expect(focus(new FakeInput({ type: 'tel' }))).toBe('number');
    expect(focus(new FakeInput({ type: 'number' }))).toBe('number');
    expect(focus(new FakeInput({ type: 'text', inputmode: 'decimal' }))).toBe('number');
    expect(focus(new FakeInput({}))).toBe('text');
    expect(focus(new FakeInput({ type: 'checkbox' }))).toBe('none');
    expect(focus(new FakeTextArea({}))).toBe('text');
    const editable = new FakeElement({});
    editable.isContentEditable = true;
    expect(focus(editable)).toBe('text');
    expect(focus(new FakeElement({}))).toBe('none');
    const readOnly = new FakeInput({ type: 'text' });
    readOnly.readOnly = true;
    expect(focus(readOnly)).toBe('none');

    // A focused iframe element is left to the watcher inside the frame.
    const calls = binding.mock.calls.length;
    focus(new FakeFrame({}));
    expect(binding.mock.calls.length).toBe(calls);
    // Focus gone to nothing (Tab past the page's end): 'nothing', judged after the focus change settled.
    document.activeElement = null;
    listeners.get('focusout')?.handler();
    expect(binding.mock.lastCall?.[0]).toBe('nothing');
    // …also when the page lost focus altogether, as Tab past the last control leaves it;
    document.hasFocus = () => false;
    const before = binding.mock.calls.length;
    listeners.get('focusout')?.handler();
    expect(binding.mock.calls.length).toBe(before + 1);
    expect(binding.mock.lastCall?.[0]).toBe('nothing');
    // Tab past the last control is told at once, even if the next Tab has already focused
    // something again by the time a later report would look.
    window.top = window;
    document.activeElement = new FakeInput({ type: 'text' });
    listeners.get('focusout')?.handler({ relatedTarget: null });
    expect(binding.mock.calls.length).toBe(before + 2);
    expect(binding.mock.lastCall?.[0]).toBe('nothing');
    // but a frame without focus stays silent (the document that has it reports).
    window.top = {};
    listeners.get('focusout')?.handler({ relatedTarget: null });
    listeners.get('focusout')?.handler();
    expect(binding.mock.calls.length).toBe(before + 2);
  });
});
