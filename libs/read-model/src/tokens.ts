/** The pg pool the read models are written and measured with (bound by the application to its own pool). */
export const READ_MODEL_POOL = Symbol('READ_MODEL_POOL');
/** The application's pino logger. */
export const READ_MODEL_LOGGER = Symbol('READ_MODEL_LOGGER');
/** The Prometheus registry of this instance. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
