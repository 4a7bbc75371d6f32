import { describe, expect, it } from "vitest";
import { runQi } from "../helpers/cli.ts";
import { CONTRACT_EXAMPLE } from "../helpers/fixtures.ts";

describe("qi calculate", () => {
  it("answers the contract's example with 200000 from the county", () => {
    const r = runQi(["calculate", "-"], JSON.stringify(CONTRACT_EXAMPLE));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      policy: { id: "taizhou-quality-2023", effective: "2023-02-11", expires: "2026-02-10" },
      decisions: [
        {
          claim: "c1",
          item: "1.1.g",
          status: "granted",
          amountYuan: 200000,
          fundingSource: "county",
          clause: "三（一）1",
          reasons: [],
        },
      ],
      totalYuan: 200000,
    });
  });
});
