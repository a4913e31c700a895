import type { RequestChannel, RequestOf, ResponseOf } from '#shared/contract/channels';
import { useNoticeStore } from '../state/noticeStore';
import { kioskApi } from './kioskApi';

/** Calls the host for a citizen's action; a failure is shown as a short translated notice. */
export async function invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C> | null> {
  const api = kioskApi();
  if (api === null) {
    useNoticeStore.getState().show('internal');
    return null;
  }
  const result = await api.invoke(channel, payload);
  if (result.ok) return result.value;
  useNoticeStore.getState().show(result.error.code);
  return null;
}
