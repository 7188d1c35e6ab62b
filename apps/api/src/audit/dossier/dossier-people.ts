import type { DataSource } from 'typeorm';
import { UUID } from '../../cases/shared/validators';
import type { DossierPersonView } from './get-dossier.query';

/**
 * The accounts behind the ids a dossier names, by name and role. A disabled account keeps its name (the person
 * did record those facts); an id with no account (removed, or a fact imported from elsewhere) comes back with a
 * null name and the role the fact was recorded with, so the document prints the role and a short id.
 */
export async function lookUpPeople(
  dataSource: DataSource,
  named: ReadonlyArray<{ id: string; role: string }>,
): Promise<DossierPersonView[]> {
  const uuids = named.map(({ id }) => id).filter((id) => UUID.test(id));
  const rows: Array<{ id: string; name: string; role: string }> =
    uuids.length === 0
      ? []
      : await dataSource.query('SELECT id::text AS id, name, role FROM users WHERE id = ANY($1::uuid[])', [uuids]);
  const found = new Map(rows.map((row) => [row.id, row]));
  return named.map(({ id, role }) => {
    const row = found.get(id);
    return row ? { id, name: row.name, role: row.role } : { id, name: null, role };
  });
}
