import { z } from "zod";

/** What the health check answers (src/http/routes/health.ts). */

export const healthSchema = z
  .object({
    status: z.literal("ok"),
    version: z.string().describe("程序版本"),
    database: z.enum(["sqlite", "postgres"]).describe("数据库类型"),
    policies: z.array(z.string()).describe("已收录的政策编号"),
  })
  .meta({ id: "Health", description: "运行状态：程序与数据库可用" });
