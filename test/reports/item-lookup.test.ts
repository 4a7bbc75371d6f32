import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPackFile } from "../../src/packs/load.ts";
import { compilePack } from "../../src/policy/pack.ts";
import { PolicyRegistry } from "../../src/policy/registry.ts";
import { itemOf } from "../../src/reports/report-helpers.ts";

/**
 * A successor pack reuses the item ids of the pack it repeals, so a report row names its item by
 * the policy it was decided under and the item id together.
 */

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const taizhou = loadPackFile(path("../../src/packs/taizhou-quality-2023.yaml"));
const successorData = parse(readFileSync(path("../fixtures/packs/successor-test.yaml"), "utf8"));
const renamed = successorData.items.find((i: { id: string }) => i.id === "1.1.g");
renamed.title = "后续政策中的另一项奖励";
const successor = compilePack(successorData);
const ctx = { registry: new PolicyRegistry([taizhou, successor]) };

describe("a report's item look-up", () => {
  it("takes the item of the row's own pack", () => {
    expect(itemOf(ctx, taizhou.id, "1.1.g")?.title).toBe(taizhou.items.get("1.1.g")?.title);
    expect(itemOf(ctx, successor.id, "1.1.g")?.title).toBe("后续政策中的另一项奖励");
    expect(taizhou.items.get("1.1.g")?.title).not.toBe("后续政策中的另一项奖励");
  });

  it("finds no item when the row's pack is unknown, rather than another pack's", () => {
    expect(itemOf(ctx, null, "1.1.g")).toBeUndefined();
    expect(itemOf(ctx, "no-such-pack", "1.1.g")).toBeUndefined();
    expect(itemOf(ctx, successor.id, "9.9.z")).toBeUndefined();
  });
});

describe("a case's item, by the registry", () => {
  const registry = ctx.registry;

  it("is the item of the pack its decision was made under", () => {
    expect(registry.itemOf(successor.id, "1.1.g", "2021-01-01")?.title).toBe(
      "后续政策中的另一项奖励",
    );
    expect(registry.itemOf(taizhou.id, "1.1.g", "2099-01-01")?.title).toBe(
      taizhou.items.get("1.1.g")?.title,
    );
  });

  it("before a decision, is the item of the pack in force on the event date", () => {
    expect(registry.itemOf(null, "1.1.g", "2024-05-01")?.title).toBe(
      taizhou.items.get("1.1.g")?.title,
    );
    expect(registry.itemOf(null, "1.1.g", successor.effective)?.title).toBe(
      "后续政策中的另一项奖励",
    );
  });
});
