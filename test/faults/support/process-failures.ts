/**
 * Errors that escape to the process while a fault test runs (an unhandled 'error' event of a lost connection): they
 * are collected for the test to assert none, instead of crashing jest's worker.
 */
export class ProcessFailures {
  readonly seen: string[] = [];
  private readonly record = (error: unknown): void => {
    this.seen.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  };

  listen(): void {
    process.on('uncaughtException', this.record);
    process.on('unhandledRejection', this.record);
  }

  stop(): void {
    process.off('uncaughtException', this.record);
    process.off('unhandledRejection', this.record);
  }
}
