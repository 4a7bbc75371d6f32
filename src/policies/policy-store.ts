import type { DatabaseHandle, DB, Tx } from "../db/database.ts";
import { compilePack, type PolicyPack } from "../policy/pack.ts";
import { PolicyRegistry } from "../policy/registry.ts";
import { packChangeNotedAt } from "./pack-changes.ts";
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

  /** The last change this process could not read (a pack of a newer format), not retried. */
  private unreadable: string | undefined;

  /**
   * Reloads when the governing set changed; says whether it did. A set this process cannot
   * compile (published by a newer release) leaves it deciding with the set it has, rather than
   * failing every request; `lastError` says why.
   */
  async refresh(db: DB): Promise<boolean> {
    const generation = await packGeneration(db);
    if (generation === this.generation || generation === this.unreadable) return false;
    try {
      const loaded = await loadRegistry(db);
      this.registry = loaded.registry;
      this.generation = loaded.generation;
      this.lastError = undefined;
      return true;
    } catch (e) {
      this.unreadable = generation;
      this.lastError = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  /** Why the newest set could not be read, if it could not. */
  lastError: string | undefined;

  private seenVersion: number | undefined;

  /**
   * What each request asks: `refresh`, unless nothing can have changed. On SQLite the database
   * says whether another process committed anything since the last request (data_version); if
   * none did, and this process changed no pack in the last few seconds (its change may still be
   * committing), the set is the one in hand and no query is made. On PostgreSQL every request
   * asks (one indexed read).
   */
  async refreshIfDue(database: DatabaseHandle, now = Date.now()): Promise<boolean> {
    const version = database.dataVersion?.();
    if (
      version !== undefined &&
      version === this.seenVersion &&
      now - packChangeNotedAt() > NOTED_WINDOW_MS
    ) {
      return false;
    }
    this.seenVersion = version;
    return this.refresh(database.db);
  }
}

const NOTED_WINDOW_MS = 5_000;
