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

export const readySchema = z
  .object({
    status: z.literal("ready"),
    database: z.enum(["sqlite", "postgres"]).describe("数据库类型"),
    migrations: z.number().int().describe("已执行的数据库迁移数"),
  })
  .meta({ id: "Ready", description: "可以接收请求：数据库可读写，迁移已全部执行" });

export const notReadySchema = z
  .object({
    status: z.literal("not_ready"),
    reason: z.string().describe("原因"),
  })
  .meta({ id: "NotReady", description: "暂不能接收请求（数据库不可用或迁移未执行完）" });
