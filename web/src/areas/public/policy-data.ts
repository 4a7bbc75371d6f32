import { get } from "../../api.ts";

export interface FactSpec {
  readonly type: "boolean" | "enum" | "integer";
  readonly label: string;
  readonly values?: Record<string, string>;
}

export interface CatalogItem {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly clause: string;
  readonly beneficiary: string;
  readonly kind: "fixed" | "competitive";
  readonly note: string | null;
  readonly amountYuan: number | null;
  readonly facts: readonly { name: string; spec: FactSpec }[];
  readonly conditions: readonly { text: string; formal: string }[];
  readonly cap: { title: string; limitYuan: number; ref: string } | null;
  readonly funding: { rule: string; text: string; ref: string };
}

export interface PolicySummary {
  readonly id: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly effective: string;
  readonly expires: string;
  readonly validityRef: string;
  readonly readings: readonly { ref: string; topic: string; text: string }[];
}

/** The catalog of the policy in force (or the given one), from the public API. */
export async function loadCatalog(policyId?: string) {
  const policies = await get<{ current: string; policies: PolicySummary[] }>("/api/v1/policies");
  const id = policyId ?? policies.current;
  const catalog = await get<{ policy: PolicySummary; items: CatalogItem[] }>(
    `/api/v1/policies/${encodeURIComponent(id)}/items`,
  );
  return { policies: policies.policies, ...catalog };
}

/** The part of 三 an item belongs to, from its id ("2.1.a" → 三（二）). */
export function partOf(itemId: string): string {
  const part = itemId.split(".")[0];
  return part === "1"
    ? "三（一）质量品牌"
    : part === "2"
      ? "三（二）标准化"
      : "三（三）质量基础设施";
}
