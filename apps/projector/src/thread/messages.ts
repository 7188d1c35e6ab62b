import type { AppConfig } from '@casetrack/config';

/** The API process's configuration as it crosses to the thread (structured cloning makes a Buffer a Uint8Array). */
export type ProjectorThreadData = Omit<AppConfig, 'masterKey'> & { masterKey: Uint8Array };

export type ToProjectorThread = { kind: 'stop' };

/** `failed` carries no error text: it may name hosts, and the thread has logged it already. */
export type FromProjectorThread = { kind: 'ready' } | { kind: 'stopped' } | { kind: 'failed'; name: string };
