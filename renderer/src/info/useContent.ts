import { useEffect, useState } from 'react';
import type { RequestChannel, RequestOf, ResponseOf } from '../../../shared/contract/channels';
import { invoke } from '../kiosk/invoke';

export type Loaded<T> = { readonly phase: 'loading' } | { readonly phase: 'ready'; readonly value: T } | { readonly phase: 'failed' };

/**
 * Asks the host for content and follows changes of the request (language, query); an answer to an
 * older request is ignored, so fast typing never shows stale results.
 */
export function useContent<C extends RequestChannel>(channel: C, payload: RequestOf<C> | null): Loaded<ResponseOf<C>> {
  const [state, setState] = useState<Loaded<ResponseOf<C>>>({ phase: 'loading' });
  const key = payload === null ? null : JSON.stringify(payload);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    void invoke(channel, JSON.parse(key) as RequestOf<C>).then((value) => {
      if (current) setState(value === null ? { phase: 'failed' } : { phase: 'ready', value });
    });
    return () => {
      current = false;
    };
  }, [channel, key]);
  return state;
}
