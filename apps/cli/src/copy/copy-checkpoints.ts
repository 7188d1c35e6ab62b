import type { Pool } from 'pg';

export interface CopyProgress {
  /** The source feed's checkpoint after the last batch the target fully holds (0: nothing yet). */
  sourcePosition: number;
  /** Events handled so far (written, or found already present). */
  copied: number;
}

/** The copy's resume point, in PostgreSQL (table `event_store_copy_checkpoints`), one row per direction. */
export class CopyCheckpoints {
  constructor(
    private readonly pool: Pool,
    readonly name: string,
  ) {}

  async load(): Promise<CopyProgress> {
    await this.pool.query('INSERT INTO event_store_copy_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [
      this.name,
    ]);
    const { rows } = await this.pool.query<{ source_position: string; copied: string }>(
      'SELECT source_position, copied FROM event_store_copy_checkpoints WHERE name = $1',
      [this.name],
    );
    return { sourcePosition: Number(rows[0].source_position), copied: Number(rows[0].copied) };
  }

  async save(progress: CopyProgress): Promise<void> {
    await this.pool.query(
      `UPDATE event_store_copy_checkpoints SET source_position = $2, copied = $3, updated_at = now() WHERE name = $1`,
      [this.name, progress.sourcePosition, progress.copied],
    );
  }

  async markVerified(): Promise<void> {
    await this.pool.query('UPDATE event_store_copy_checkpoints SET verified_at = now() WHERE name = $1', [this.name]);
  }
}
