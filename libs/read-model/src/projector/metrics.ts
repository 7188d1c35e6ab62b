import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { LagProbe, ProjectorLag } from './lag';

/**
 * The Prometheus registry of one service instance: process metrics plus the projector's lag, measured when
 * scraped. A registry per instance (not prom-client's global one) lets several instances share a process in tests.
 */
export function createMetricsRegistry(lag: LagProbe): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let pending: Promise<ProjectorLag> | null = null;
  // One measurement serves every gauge of a scrape.
  const measure = (): Promise<ProjectorLag> => {
    pending ??= lag.measure().finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  };
  new Gauge({
    name: 'casetrack_projector_lag_events',
    help: 'Events in the global feed not yet included in the read models (capped at 100000)',
    registers: [registry],
    async collect() {
      this.set((await measure()).events);
    },
  });
  new Gauge({
    name: 'casetrack_projector_lag_seconds',
    help: 'Age in seconds of the oldest event not yet included in the read models (0 when caught up)',
    registers: [registry],
    async collect() {
      this.set((await measure()).seconds);
    },
  });
  new Gauge({
    name: 'casetrack_projector_quarantined_cases',
    help: 'Cases held at an event the projector could not apply; cleared by a fixed projection or a rebuild',
    registers: [registry],
    async collect() {
      this.set((await measure()).quarantined);
    },
  });
  return registry;
}
