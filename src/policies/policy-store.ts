import type { DB, Tx } from "../db/database.ts";
import { compilePack, type PolicyPack } from "../policy/pack.ts";
import { PolicyRegistry } from "../policy/registry.ts";
import { governingPackRows, packGeneration } from "./policies-repository.ts";

/** A pack on record, compiled from its stored content. */
export function compileStored(row: { content: string }): PolicyPack {
  return compilePack(JSON.parse(row.content));
}

/** The governing packs on record, compiled into the registry every decision is made with. */
export async function loadRegistry(
  db: DB | Tx,
): Promise<{ registry: PolicyRegistry; generation: string }> {
  const generation = await packGeneration(db);
  const rows = await governingPackRows(db);
  const packs: PolicyPack[] = rows.map(compileStored);
  return { registry: new PolicyRegistry(packs), generation };
}

/**
 * A process's view of the packs on record. `refresh` asks the database whether the governing set
 * changed (one cheap read) and reloads it when another process published or repealed a pack, so
 * that every server process decides with the newest published set.
 */
export class PolicyStore {
  private constructor(
    private registry: PolicyRegistry,
    private generation: string,
  ) {}

  static async open(db: DB): Promise<PolicyStore> {
    const loaded = await loadRegistry(db);
    return new PolicyStore(loaded.registry, loaded.generation);
  }

  get current(): PolicyRegistry {
    return this.registry;
  }

  /** Reloads when the governing set changed; says whether it did. */
  async refresh(db: DB): Promise<boolean> {
    if ((await packGeneration(db)) === this.generation) return false;
    const loaded = await loadRegistry(db);
    this.registry = loaded.registry;
    this.generation = loaded.generation;
    return true;
  }
}
