import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { open, seal } from '@casetrack/event-store';

/** What of an import is sealed, each bound to its import (and row) so that a sealed value moved elsewhere never opens. */
export type ImportPlace = 'file-name' | 'columns' | 'mapping' | 'checked-mapping' | { row: number };

/**
 * Everything a person typed into an uploaded list (its name, its column names, its cells, the mapping that names
 * columns) is kept sealed with MASTER_KEY (AES-256-GCM), like the other secrets at rest.
 */
@Injectable()
export class ImportSeal {
  private readonly masterKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.masterKey = config.masterKey;
  }

  seal(importId: string, place: ImportPlace, value: unknown): Buffer {
    return seal(this.masterKey, Buffer.from(JSON.stringify(value), 'utf8'), placeOf(importId, place));
  }

  open<T>(importId: string, place: ImportPlace, sealed: Buffer): T {
    return JSON.parse(open(this.masterKey, sealed, placeOf(importId, place)).toString('utf8')) as T;
  }
}

function placeOf(importId: string, place: ImportPlace): string {
  return typeof place === 'string' ? `import/${importId}/${place}` : `import/${importId}/row/${place.row}`;
}
