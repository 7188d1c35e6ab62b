import { isOfflineSetUrl, offlineFetch } from '../index';
import { offlineDevice } from './device';

let wrapped: typeof fetch | null = null;

/**
 * The fetch of the console's one API client: through the offline store when this device has one, so the reads of
 * the offline set are kept (sealed) and answered from it without a network; the browser's own fetch otherwise. The
 * global fetch is looked up at each call (tests stub it).
 */
export const consoleFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const device = offlineDevice();
  if (device === null) return fetch(input, init);
  wrapped ??= offlineFetch((i, n) => fetch(i, n), device.vault, isOfflineSetUrl);
  return wrapped(input, init);
};
