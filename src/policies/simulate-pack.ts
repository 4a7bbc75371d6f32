import { randomUUID } from "node:crypto";
import { requireAccess } from "../auth/access.ts";
import type { Actor } from "../auth/roles.ts";
import { listBudgetRows } from "../budgets/budgets-repository.ts";
import type { Context } from "../context.ts";
import { AppError } from "../errors.ts";
import { PolicyRegistry } from "../policy/registry.ts";
import {
  type ClaimGroup,
  type Simulation,
  Simulator,
  supportingDecisions,
} from "../policy/simulate.ts";
import type { Claim } from "../policy/types.ts";
import { loadSettings } from "../settings/settings.ts";
import { checkPackSource, packRefused } from "./pack-source.ts";
import { eachHistoricalClaim, insertSimulation, organizationsOf } from "./policies-repository.ts";

export interface SimulateInput {
  /** The draft pack file (YAML or JSON). */
  readonly source: string;
  /** The claims' event dates, inclusive; either end may be open. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface SimulationRun extends Simulation {
  readonly id: string;
  readonly draft: Simulation["draft"];
  readonly draftPack: { id: string; title: string; effective: string };
  readonly from: string | null;
  readonly to: string | null;
  /** The city fund's yearly budget of 四（二） (the setting), beside each year's city total. */
  readonly cityFundBudget: number;
  /**
   * For a county's supporting pack (四（三）): the county, whose organizations' claims alone were
   * tried, and its budget of each year on record (the reference for the county's money); null for
   * a city pack.
   */
  readonly county: { readonly name: string; readonly budgetByYear: Record<string, number> } | null;
}

/**
 * The what-if (沙盘) of a draft: the historical claims of the range (every case that reached
 * submission and was not withdrawn) decided under the packs that governed them and under the
 * draft as if it had governed them all. Nothing is written but the run itself.
 */
export async function simulatePack(
  ctx: Context,
  actor: Actor,
  input: SimulateInput,
): Promise<SimulationRun> {
  requireAccess(actor, "policy.read");
  if (input.from && input.to && input.from > input.to) {
    throw new AppError("invalid_date", `起始日期 ${input.from} 晚于截止日期 ${input.to}`, "from");
  }
  const db = ctx.database.db;
  // A draft may overlap the packs on record (that is what a what-if tries): only its own faults
  // refuse it.
  const check = await checkPackSource(db, input.source, { alone: true });
  if (!check.pack) throw packRefused(check.problems);
  const draft = check.pack;
  // A county's supporting pack is tried on its county's organizations only, beside the city's
  // decisions of the same claims (as it would be decided), and weighed against its budget.
  const county = draft.supplement ? draft.jurisdiction : null;
  const organizations = await organizationsOf(db);
  const simulator = county
    ? new Simulator(ctx.registry, ctx.registry.withSupportingDraft(draft), supportingDecisions)
    : new Simulator(ctx.registry, PolicyRegistry.asIfGoverning(draft));
  let current: { id: string; group: ClaimGroup & { claims: Claim[] } } | undefined;
  const flush = () => {
    if (current) simulator.add(current.group);
    current = undefined;
  };
  await eachHistoricalClaim(ctx.database, input, (r) => {
    if (current?.id !== r.organizationId) {
      flush();
      const organization = organizations.get(r.organizationId);
      if (!organization || (county && organization.county !== county)) return;
      current = { id: r.organizationId, group: { organization, claims: [] } };
    }
    current.group.claims.push({
      id: r.number,
      item: r.item,
      subject: r.subject,
      project: r.project ?? undefined,
      eventDate: r.eventDate,
      submittedAt: r.submittedAt,
      facts: JSON.parse(r.facts) as Record<string, unknown>,
    });
  });
  flush();
  const result = simulator.result();
  const settings = await loadSettings(db);
  const run: SimulationRun = {
    id: randomUUID(),
    ...result,
    draftPack: { id: draft.id, title: draft.title, effective: draft.effective },
    from: input.from ?? null,
    to: input.to ?? null,
    cityFundBudget: settings["general.cityFundDefault"],
    county: county
      ? {
          name: county,
          budgetByYear: Object.fromEntries(
            (await listBudgetRows(db, { source: county })).map((b) => [
              String(b.year),
              Number(b.total),
            ]),
          ),
        }
      : null,
  };
  await insertSimulation(db, {
    id: run.id,
    draft_sha256: check.sha256,
    draft_pack_id: draft.id,
    from_date: run.from,
    to_date: run.to,
    claims: run.claims,
    delta_yuan: run.deltaYuan,
    result: JSON.stringify(run),
    created_by: actor.userId,
    created_at: ctx.now().toISOString(),
  });
  return run;
}
