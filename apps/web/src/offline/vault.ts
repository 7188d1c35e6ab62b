import { deriveKeys, opaqueName, randomBytes, SALT_BYTES, seal, unseal } from './crypto';
import type { Sealed, VaultKeys } from './crypto';
import { OfflineError } from './errors';
import type { CachedAnswer, OfflineSettings, OfflineVault, UnlockResult, VaultState } from './types';
import type { OfflineDb } from './store';
import type { TabLink, TabMessage } from './tabs';

/** The clear header of a vault: what unlocking needs before any key exists. */
interface VaultHeader {
  readonly format: 1;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
  readonly verifier: Sealed;
}

interface StoredAnswer {
  readonly url: string;
  readonly body: unknown;
  readonly savedAt: string;
}

const VERIFIER = 'casetrack-offline-vault';
const DEFAULT_SETTINGS: OfflineSettings = { maxOfflineAgeDays: 7 };
const DAY_MS = 86_400_000;
const MAX_ITERATIONS = 10_000_000;

/**
 * A listener list shared by the vault and the outbox: the console re-renders on any change of either. `tell` also
 * tells the other tabs (when linked).
 */
export class Emitter {
  private readonly listeners = new Set<() => void>();
  link: TabLink | null = null;
  tell(message: TabMessage): void {
    this.link?.send(message);
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The same URL however its query was written: path + query sorted by name (the cache key's text). */
function normaliseUrl(url: string): string {
  const parsed = new URL(url, 'http://offline.invalid');
  parsed.searchParams.sort();
  return parsed.pathname + parsed.search;
}

export class Vault implements OfflineVault {
  private current: VaultState = 'opening';
  private keys: VaultKeys | null = null;
  private owner: string | null = null;
  private maxAgeDays = DEFAULT_SETTINGS.maxOfflineAgeDays;
  private dropped = false;
  /** Bumped by lock/wipe: an unlock that was deriving its key meanwhile does not unlock afterwards. */
  private generation = 0;
  /** The latest look for a vault (the first, or one another tab's change started): what ready() waits for. */
  private opened: Promise<VaultState>;

  constructor(
    private readonly db: OfflineDb,
    private readonly emitter: Emitter,
    private readonly iterations: number,
    private readonly now: () => Date,
  ) {
    this.opened = this.probe();
  }

  /** Looks whether this device has a vault; a database that cannot be opened counts as none. */
  private async probe(): Promise<VaultState> {
    const header = await this.db.get<VaultHeader>('meta', 'vault').catch(() => undefined);
    if (this.current === 'opening') this.setState(header === undefined ? 'absent' : 'locked');
    return this.current;
  }

  /** Another tab wiped (or upgraded) the database: forget the key and look again. */
  closedElsewhere(): void {
    this.forget();
    this.lookAgain();
  }

  private lookAgain(): void {
    this.current = 'opening';
    this.opened = this.probe();
    this.emitter.emit();
  }

  /** A message of another tab of this device. */
  heard(message: TabMessage): void {
    if (message === 'lock') this.lockHere();
    else if (message === 'outbox') this.emitter.emit();
    else if (this.current !== 'unlocked' && this.current !== 'opening') this.lookAgain();
  }

  private setState(state: VaultState): void {
    this.current = state;
    this.emitter.emit();
  }

  state(): VaultState {
    return this.current;
  }

  async ready(): Promise<VaultState> {
    // A look started while this one ran (another tab again) is waited for too.
    for (let look = this.opened; ; look = this.opened) {
      await look;
      if (look === this.opened) return this.current;
    }
  }

  subscribe(listener: () => void): () => void {
    return this.emitter.subscribe(listener);
  }

  /** The keys, or OfflineError('locked'): every sealed read and write goes through here. */
  requireKeys(): VaultKeys {
    if (this.keys === null || this.current !== 'unlocked') throw new OfflineError('locked');
    return this.keys;
  }

  async create(passphrase: string, accountId: string): Promise<void> {
    await this.ready();
    if (passphrase.length === 0 || accountId.length === 0) throw new OfflineError('invalid');
    if ((await this.db.get<VaultHeader>('meta', 'vault')) !== undefined) throw new OfflineError('exists');
    const generation = this.generation;
    const salt = randomBytes(SALT_BYTES);
    const keys = await deriveKeys(passphrase, salt, this.iterations);
    const header: VaultHeader = {
      format: 1,
      salt,
      iterations: this.iterations,
      verifier: await seal(keys, 'meta:verifier', VERIFIER),
    };
    const account = await seal(keys, 'meta:account', accountId);
    const settings = await seal(keys, 'meta:settings', DEFAULT_SETTINGS);
    try {
      await this.db.write('meta', (os) => {
        // add, not put: a vault made meanwhile by another tab is not overwritten (the transaction fails instead).
        os.add(header, 'vault');
        os.put(account, 'account');
        os.put(settings, 'settings');
      });
    } catch (error) {
      if ((await this.db.get<VaultHeader>('meta', 'vault')) === undefined) throw error;
      if (this.current === 'absent') this.setState('locked');
      throw new OfflineError('exists');
    }
    if (generation !== this.generation) return;
    this.keys = keys;
    this.owner = accountId;
    this.maxAgeDays = DEFAULT_SETTINGS.maxOfflineAgeDays;
    this.dropped = false;
    this.setState('unlocked');
    this.emitter.tell('vault');
  }

  async unlock(passphrase: string, accountId: string | null): Promise<UnlockResult> {
    await this.ready();
    const header = await this.db.get<VaultHeader>('meta', 'vault');
    if (header === undefined) throw new OfflineError('absent');
    // The header is in clear: a count changed by someone with the device must not hang the page.
    if (!Number.isInteger(header.iterations) || header.iterations < 1 || header.iterations > MAX_ITERATIONS) {
      throw new OfflineError('invalid');
    }
    const generation = this.generation;
    const keys = await deriveKeys(passphrase, header.salt, header.iterations);
    const verified = await unseal(keys, 'meta:verifier', header.verifier).catch(() => null);
    if (verified !== VERIFIER) return 'wrong-passphrase';
    const owner = await this.readSealed(keys, 'account');
    if (typeof owner !== 'string' || (accountId !== null && owner !== accountId)) return 'other-account';
    const settings = parseSettings(await this.readSealed(keys, 'settings'));
    const refreshed = await this.readSealed(keys, 'refreshed');
    // Never refreshed: nothing to judge by; getAnswer still refuses each answer older than the max age.
    const stale =
      typeof refreshed === 'string' &&
      this.now().getTime() - Date.parse(refreshed) > settings.maxOfflineAgeDays * DAY_MS;
    const dropped = stale && (await this.db.count('answers')) > 0;
    if (stale) await this.db.write('answers', (os) => os.clear());
    // Locked or wiped (another tab, a sign-out) while the key was being derived: that wins.
    if (generation !== this.generation) throw new OfflineError('locked');
    this.keys = keys;
    this.owner = owner;
    this.maxAgeDays = settings.maxOfflineAgeDays;
    this.dropped = dropped;
    this.setState('unlocked');
    return 'unlocked';
  }

  accountId(): string | null {
    return this.current === 'unlocked' ? this.owner : null;
  }

  droppedStaleCache(): boolean {
    return this.dropped;
  }

  private forget(): void {
    this.generation += 1;
    this.keys = null;
    this.owner = null;
    this.dropped = false;
  }

  lock(): void {
    this.emitter.tell('lock');
    this.lockHere();
  }

  private lockHere(): void {
    if (this.current !== 'unlocked') return;
    this.forget();
    this.setState('locked');
  }

  async wipe(): Promise<void> {
    this.forget();
    await this.db.destroy();
    this.setState('absent');
    this.emitter.tell('vault');
  }

  private async readSealed(keys: VaultKeys, name: string): Promise<unknown> {
    const sealed = await this.db.get<Sealed>('meta', name);
    return sealed === undefined ? undefined : unseal(keys, `meta:${name}`, sealed);
  }

  private async writeSealed(name: string, value: unknown): Promise<void> {
    const sealed = await seal(this.requireKeys(), `meta:${name}`, value);
    await this.db.write('meta', (os) => os.put(sealed, name));
  }

  async settings(): Promise<OfflineSettings> {
    return parseSettings(await this.readSealed(this.requireKeys(), 'settings'));
  }

  async setSettings(settings: OfflineSettings): Promise<void> {
    const days = settings.maxOfflineAgeDays;
    if (!Number.isInteger(days) || days < 1 || days > 30) throw new OfflineError('invalid');
    await this.writeSealed('settings', { maxOfflineAgeDays: days });
    this.maxAgeDays = days;
    this.emitter.emit();
  }

  async putAnswer(url: string, body: unknown): Promise<void> {
    const keys = this.requireKeys();
    const text = normaliseUrl(url);
    const key = await opaqueName(keys, text);
    const stored: StoredAnswer = { url: text, body, savedAt: this.now().toISOString() };
    const sealed = await seal(keys, `answers:${key}`, stored);
    await this.db.write('answers', (os) => os.put(sealed, key));
  }

  async getAnswer(url: string): Promise<CachedAnswer | null> {
    const keys = this.requireKeys();
    const text = normaliseUrl(url);
    const key = await opaqueName(keys, text);
    const sealed = await this.db.get<Sealed>('answers', key);
    if (sealed === undefined) return null;
    const stored = (await unseal(keys, `answers:${key}`, sealed)) as StoredAnswer;
    if (stored.url !== text) return null;
    // An answer older than the max offline age is not shown even before the next unlock drops it.
    if (this.now().getTime() - Date.parse(stored.savedAt) > this.maxAgeDays * DAY_MS) return null;
    return { body: stored.body, savedAt: stored.savedAt };
  }

  async clearAnswers(): Promise<void> {
    this.requireKeys();
    await this.db.write('answers', (os) => os.clear());
  }

  async retainAnswers(keep: (url: string) => boolean): Promise<number> {
    const keys = this.requireKeys();
    const gone: IDBValidKey[] = [];
    for (const row of await this.db.all<Sealed>('answers')) {
      const stored = (await unseal(keys, `answers:${String(row.key)}`, row.value).catch(
        () => null,
      )) as StoredAnswer | null;
      if (stored === null || !keep(stored.url)) gone.push(row.key);
    }
    if (gone.length > 0) {
      await this.db.write('answers', (os) => {
        for (const key of gone) os.delete(key);
      });
    }
    return gone.length;
  }

  async pinned(): Promise<readonly string[]> {
    const pins = await this.readSealed(this.requireKeys(), 'pins');
    return Array.isArray(pins) ? pins.filter((p): p is string => typeof p === 'string') : [];
  }

  async pin(caseId: string): Promise<void> {
    const pins = await this.pinned();
    if (pins.includes(caseId)) return;
    await this.writeSealed('pins', [...pins, caseId]);
    this.emitter.emit();
  }

  async unpin(caseId: string): Promise<void> {
    const pins = await this.pinned();
    if (!pins.includes(caseId)) return;
    await this.writeSealed(
      'pins',
      pins.filter((p) => p !== caseId),
    );
    this.emitter.emit();
  }

  async lastRefreshedAt(): Promise<string | null> {
    const at = await this.readSealed(this.requireKeys(), 'refreshed');
    return typeof at === 'string' ? at : null;
  }

  async markRefreshed(at: string): Promise<void> {
    if (Number.isNaN(Date.parse(at))) throw new OfflineError('invalid');
    await this.writeSealed('refreshed', at);
  }
}

function parseSettings(value: unknown): OfflineSettings {
  const days = (value as Partial<OfflineSettings> | undefined)?.maxOfflineAgeDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 30
    ? { maxOfflineAgeDays: days }
    : DEFAULT_SETTINGS;
}
