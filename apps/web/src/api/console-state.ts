/**
 * What the console keeps between requests, in memory only: the CSRF header the session answer named (never in
 * storage, so a page script cannot read it after a reload either; GET /v1/auth/session answers it again) and the
 * highest global position a write of this tab answered, sent as X-Min-Position so that reads wait for it.
 */
export interface CsrfHeader {
  readonly header: string;
  readonly token: string;
}

export class ConsoleState {
  private csrf: CsrfHeader | null = null;
  private position = 0;

  setCsrf(csrf: CsrfHeader | null): void {
    this.csrf = csrf;
  }

  csrfHeader(): CsrfHeader | null {
    return this.csrf;
  }

  /** Positions only grow: an older write answered late never lowers the bound. */
  rememberPosition(position: number): void {
    if (Number.isSafeInteger(position) && position > this.position) this.position = position;
  }

  minPosition(): number {
    return this.position;
  }

  /** Sign-out: nothing of the session outlives it. */
  clear(): void {
    this.csrf = null;
    this.position = 0;
  }
}
