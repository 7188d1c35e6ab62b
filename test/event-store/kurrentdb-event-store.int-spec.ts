import { loadConfig } from '../../libs/config/src/config';
import { KurrentDbEventStore } from '../../libs/event-store/src/kurrentdb/kurrentdb-event-store';
import { eventStoreContract } from './event-store.contract';

/**
 * The shared contract suite against a real KurrentDB, e.g.
 *   KURRENTDB_CONNECTION_STRING='kurrentdb://127.0.0.1:2113?tls=false' npx jest test/event-store/kurrentdb
 * The suite's streams are `test-<uuid>` and `load-<uuid>`, so the store is opened with those prefixes.
 *
 * KurrentDB cannot run on every machine that runs the tests (no server, no container engine). The project allows
 * no skipped tests, so without a server this file registers one test whose name says the suite was not run and
 * why, and which checks the one thing that needs no server: that a deployment cannot ask for KurrentDB without
 * saying where it is. It shows up in every jest report, so a missing KurrentDB run is never silent.
 */
const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract(
    'KurrentDbEventStore',
    async () => new KurrentDbEventStore(connectionString, { streamPrefixes: ['test-', 'load-'] }),
  );
} else {
  describe('KurrentDB contract', () => {
    it('is not run: KURRENTDB_CONNECTION_STRING is not set (KurrentDB cannot run on this machine)', () => {
      expect(() => loadConfig({ NODE_ENV: 'test', EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_CONNECTION_STRING/);
    });
  });
}
