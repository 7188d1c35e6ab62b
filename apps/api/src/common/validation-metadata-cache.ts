import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

let installed = false;

/**
 * class-validator looks a DTO's rules up again for every object it validates, walking every decorated class with an
 * `instanceof` test for inherited rules: a write's body and each nested object paid it (about 3 % of the service's
 * CPU under writes). The rules of a class change only when a decorator adds one, so the answer is kept per class and
 * options, and every rule added (a class loaded later) forgets all kept answers. Lookups with groups or a schema are
 * not kept (this service uses neither). Each caller gets its own copy, so none can change another's.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const kept = new WeakMap<object, { generation: number; byOptions: Map<string, Rules> }>();
  let generation = 0;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);

  storage.addValidationMetadata = (metadata) => {
    generation += 1;
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function' || schema || (groups !== undefined && groups.length > 0)) {
      return lookup(target, schema, always, strictGroups, groups);
    }
    let entry = kept.get(target);
    if (entry === undefined || entry.generation !== generation) {
      entry = { generation, byOptions: new Map<string, Rules>() };
      kept.set(target, entry);
    }
    const key = `${String(always)}|${String(strictGroups)}`;
    let rules = entry.byOptions.get(key);
    if (rules === undefined) {
      rules = lookup(target, schema, always, strictGroups, groups);
      entry.byOptions.set(key, rules);
    }
    return rules.slice();
  };
}
