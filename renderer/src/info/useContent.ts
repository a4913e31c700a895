import { startTransition, useEffect, useState } from 'react';
import type { RequestChannel, RequestOf, ResponseOf } from '#shared/contract/channels';
import { invoke } from '../kiosk/invoke';

export type Loaded<T> =
  | { readonly phase: 'loading' }
  /** `current`: the answer is to the request as it is now (not to one made before it changed). */
  | { readonly phase: 'ready'; readonly value: T; readonly current: boolean }
  | { readonly phase: 'failed' };

/**
 * Asks the host for content and follows changes of the request (language, query); an answer to an
 * older request is ignored, so fast typing never shows stale results. An answer is drawn as a
 * transition: a tap or keystroke meanwhile is answered first, not after a long list is built.
 */
export function useContent<C extends RequestChannel>(channel: C, payload: RequestOf<C> | null): Loaded<ResponseOf<C>> {
  const [state, setState] = useState<{ readonly loaded: Loaded<ResponseOf<C>>; readonly key: string | null }>({ loaded: { phase: 'loading' }, key: null });
  const key = payload === null ? null : JSON.stringify(payload);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    void invoke(channel, JSON.parse(key) as RequestOf<C>).then((value) => {
      if (!current) return;
      startTransition(() => {
        setState({ loaded: value === null ? { phase: 'failed' } : { phase: 'ready', value, current: true }, key });
      });
    });
    return () => {
      current = false;
    };
  }, [channel, key]);
  return state.loaded.phase === 'ready' && state.key !== key ? { ...state.loaded, current: false } : state.loaded;
}
