/**
 * IndexedDB plumbing for the `casetrack-offline` database: promises over requests and transactions, nothing more.
 * Stores: `meta` (the vault's clear header – salt, iterations, verifier – its sealed settings, account, pins and
 * refresh time, and the outbox sequence counter), `answers` (sealed API answers under opaque HMAC keys) and
 * `outbox` (sealed entries under their sequence number, the case reference beside it).
 */

export const DB_NAME = 'casetrack-offline';
const DB_VERSION = 1;
export type StoreName = 'meta' | 'answers' | 'outbox';

export interface StoredRow<T> {
  readonly key: IDBValidKey;
  readonly value: T;
}

/** A request's result as a promise (test-support reads the raw records with it too). */
export function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexeddb request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('indexeddb transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('indexeddb transaction aborted'));
  });
}

export class OfflineDb {
  private connection: Promise<IDBDatabase | null> | null = null;

  /** `onClosedElsewhere`: another tab deletes or upgrades the database; this one lets go of it. */
  constructor(
    private readonly factory: IDBFactory,
    private readonly onClosedElsewhere: () => void,
  ) {}

  /**
   * The connection. `create` false (reads): a database that does not exist is not made – looking whether this device
   * has a vault must leave no trace of the console on a device that never had one (or was wiped) – and null answers.
   */
  private db(create: true): Promise<IDBDatabase>;
  private db(create: false): Promise<IDBDatabase | null>;
  private async db(create: boolean): Promise<IDBDatabase | null> {
    if (this.connection === null) {
      const opening = this.open(create);
      this.connection = opening;
      opening.then(
        (db) => {
          if (db === null && this.connection === opening) this.connection = null;
        },
        () => {
          if (this.connection === opening) this.connection = null;
        },
      );
    }
    const current = this.connection;
    const db = await current;
    if (db !== null || !create) return db;
    if (this.connection === current) this.connection = null;
    return this.db(true);
  }

  private open(create: boolean): Promise<IDBDatabase | null> {
    return new Promise<IDBDatabase | null>((resolve, reject) => {
      let absent = false;
      const request = this.factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        if (event.oldVersion === 0 && !create) {
          // Aborting the upgrade of a database that did not exist deletes it again.
          absent = true;
          request.transaction?.abort();
          return;
        }
        const db = request.result;
        db.createObjectStore('meta');
        db.createObjectStore('answers');
        db.createObjectStore('outbox', { keyPath: 'seq' });
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          this.connection = null;
          this.onClosedElsewhere();
        };
        resolve(db);
      };
      request.onerror = (event) => {
        if (absent) {
          event.preventDefault();
          resolve(null);
        } else reject(request.error ?? new Error('indexeddb open failed'));
      };
    });
  }

  async get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
    const db = await this.db(false);
    if (db === null) return undefined;
    const tx = db.transaction(store, 'readonly');
    return (await done(tx.objectStore(store).get(key))) as T | undefined;
  }

  async all<T>(store: StoreName): Promise<StoredRow<T>[]> {
    const db = await this.db(false);
    if (db === null) return [];
    const tx = db.transaction(store, 'readonly');
    const os = tx.objectStore(store);
    const [keys, values] = await Promise.all([done(os.getAllKeys()), done(os.getAll())]);
    return (keys as IDBValidKey[]).map((key, i) => ({ key, value: (values as T[])[i] as T }));
  }

  async count(store: StoreName): Promise<number> {
    const db = await this.db(false);
    if (db === null) return 0;
    const tx = db.transaction(store, 'readonly');
    return (await done(tx.objectStore(store).count())) as number;
  }

  /** Runs `work` in one readwrite transaction on `store`; resolves when it committed (all or nothing). */
  async write(store: StoreName, work: (os: IDBObjectStore) => void): Promise<void> {
    const tx = (await this.db(true)).transaction(store, 'readwrite');
    const finished = committed(tx);
    work(tx.objectStore(store));
    await finished;
  }

  /** Reads and updates one key atomically (IndexedDB serialises readwrite transactions on a store, across tabs too). */
  async update<T>(store: StoreName, key: IDBValidKey, change: (old: T | undefined) => T): Promise<T> {
    const tx = (await this.db(true)).transaction(store, 'readwrite');
    const finished = committed(tx);
    const os = tx.objectStore(store);
    const next = change((await done(os.get(key))) as T | undefined);
    os.put(next, key);
    await finished;
    return next;
  }

  /** Deletes the whole database; other tabs are told (versionchange) and close their connections. */
  async destroy(): Promise<void> {
    const open = this.connection;
    this.connection = null;
    if (open !== null) (await open.catch(() => null))?.close();
    await new Promise<void>((resolve, reject) => {
      const request = this.factory.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('indexeddb delete failed'));
    });
  }
}
