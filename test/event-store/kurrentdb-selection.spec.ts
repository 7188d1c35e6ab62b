import { Pool } from 'pg';
import { loadConfig } from '../../libs/config/src/config';
import { openEventStoreAdapter } from '../../libs/event-store/src/kurrentdb/adapter-selection';
import { KurrentDbEventStore } from '../../libs/event-store/src/kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from '../../libs/event-store/src/postgres';
import { newEvent } from './helpers';

describe('choosing the event store (EVENT_STORE)', () => {
  it('defaults to PostgreSQL and needs no KurrentDB settings', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config).toMatchObject({ eventStore: 'postgres', kurrentDbConnectionString: null });
  });

  it('takes kurrentdb with a connection string, and refuses it without one or with a foreign scheme', () => {
    const url = 'kurrentdb://kurrentdb:2113?tls=false';
    expect(loadConfig({ NODE_ENV: 'test', EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: url })).toMatchObject({
      eventStore: 'kurrentdb',
      kurrentDbConnectionString: url,
    });
    expect(() => loadConfig({ NODE_ENV: 'test', EVENT_STORE: 'kurrentdb' })).toThrow(
      /needs KURRENTDB_CONNECTION_STRING/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'test', EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'http://x:2113' }),
    ).toThrow(/kurrentdb:\/\//);
    expect(() => loadConfig({ NODE_ENV: 'test', EVENT_STORE: 'mongodb' })).toThrow(/EVENT_STORE must be one of/);
  });

  it('builds the adapter the configuration names, without connecting', async () => {
    const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/unused', max: 1 });
    try {
      expect(openEventStoreAdapter({ eventStore: 'postgres', kurrentDbConnectionString: null }, pool)).toBeInstanceOf(
        PostgresEventStore,
      );
      const kurrent = openEventStoreAdapter(
        { eventStore: 'kurrentdb', kurrentDbConnectionString: 'kurrentdb://127.0.0.1:2113?tls=false' },
        pool,
      );
      expect(kurrent).toBeInstanceOf(KurrentDbEventStore);
      await kurrent.close();
      expect(() => openEventStoreAdapter({ eventStore: 'kurrentdb', kurrentDbConnectionString: null }, pool)).toThrow(
        /KURRENTDB_CONNECTION_STRING/,
      );
    } finally {
      await pool.end();
    }
  });

  it('refuses appends to streams outside its prefixes, before touching the server', async () => {
    const store = new KurrentDbEventStore('kurrentdb://127.0.0.1:2113?tls=false');
    try {
      await expect(store.append('account-1', [newEvent()], 'any')).rejects.toThrow(/outside this store's prefixes/);
      await expect(store.replicate('account-1', [{ streamId: 'account-1', version: 1 } as never])).rejects.toThrow(
        /outside this store's prefixes/,
      );
    } finally {
      await store.close();
    }
  });
});
