import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { exportAudit, listAudit, verifyAudit } from "../../audit/read-audit.ts";
import { ROLES } from "../../auth/roles.ts";
import type { Context } from "../../context.ts";
import { readSettings, updateSettings } from "../../settings/update-settings.ts";
import { assignRole } from "../../users/assign-role.ts";
import { createUser, createUserSchema } from "../../users/create-user.ts";
import { listUsers } from "../../users/list-users.ts";
import { recordRelation } from "../../users/relations.ts";
import { roleBindingSchema } from "../../users/role-binding.ts";
import { updateAccount, updateAccountSchema } from "../../users/update-account.ts";
import { actorOf } from "../auth.ts";
import { sendXlsxFile } from "../files.ts";
import { expectedVersion, ifMatchHeaders, VERSION_HELP, versionField } from "../if-match.ts";
import { cursorQuery, idParams, pageQuery } from "../params.ts";
import {
  auditChainCheckSchema,
  auditPageSchema,
  relationRecordedSchema,
  settingsValuesSchema,
  settingsViewSchema,
  userAccountListSchema,
  userAccountSchema,
} from "../responses/admin.ts";
import { errors, fileContent, RECORD_CHANGE, SIGNED_IN } from "../schemas.ts";

/** What the audit log and its export are filtered by. */
const auditFilters = z.object({
  action: z.string().max(100).optional().describe("操作：动作代码，或其中文名中的文字（如 审核）"),
  actor: z.string().max(100).optional().describe("操作人：用户编号、用户名或名称中的文字"),
  actorId: z.string().max(100).optional().describe("操作人编号（精确）"),
  outcome: z.enum(["success", "denied", "failure"]).optional(),
});

export function adminRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/users",
      {
        schema: {
          tags: ["用户与权限"],
          summary: "用户列表",
          querystring: z.object({ role: z.enum(ROLES).optional() }),
          response: { 200: userAccountListSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => ({ items: await listUsers(ctx, actorOf(request), request.query.role) }),
    );
    app.post(
      "/api/v1/users",
      {
        schema: {
          tags: ["用户与权限"],
          summary: "创建账号",
          body: createUserSchema,
          response: { 201: userAccountSchema, ...errors(...SIGNED_IN, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createUser(ctx, actorOf(request), request.body)),
    );
    app.patch(
      "/api/v1/users/:id",
      {
        schema: {
          tags: ["用户与权限"],
          summary:
            "停用、启用、解锁账号或重设密码（系统管理员；不能停用自己，也不能停用某管理角色唯一启用的账号）",
          params: idParams,
          body: updateAccountSchema,
          response: { 200: userAccountSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => updateAccount(ctx, actorOf(request), request.params.id, request.body),
    );
    app.put(
      "/api/v1/users/:id/role",
      {
        schema: {
          tags: ["用户与权限"],
          summary: "分配角色（安全管理员；不能改自己的角色，也不能改某管理角色唯一启用的账号）",
          params: idParams,
          body: roleBindingSchema,
          response: { 200: userAccountSchema, ...errors(...RECORD_CHANGE) },
        },
      },
      async (request) => assignRole(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/v1/relations",
      {
        schema: {
          tags: ["用户与权限"],
          summary: "登记审核人员与组织的关联关系（回避）",
          body: z.object({
            userId: z.string().uuid(),
            organizationId: z.string().uuid(),
            note: z.string().trim().min(1).max(500),
          }),
          response: { 201: relationRecordedSchema, ...errors(...SIGNED_IN, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordRelation(ctx, actorOf(request), request.body)),
    );
    app.get(
      "/api/v1/settings",
      {
        schema: {
          tags: ["设置"],
          summary: "本角色可管理的设置，及全部设置共用的版本号 version（修改时须带上）",
          response: { 200: settingsViewSchema, ...errors(401, 403) },
        },
      },
      async (request) => readSettings(ctx, actorOf(request)),
    );
    app.patch(
      "/api/v1/settings",
      {
        schema: {
          tags: ["设置"],
          summary:
            "修改设置（须带读取时的版本号 version；全部设置共用一个版本号，任一设置被修改后版本号加一）",
          description: VERSION_HELP,
          headers: ifMatchHeaders,
          body: z
            .looseObject({ version: versionField })
            .describe(
              "要修改的设置：键为设置名（如 general.publicityWorkingDays），值为新值；另加 version",
            ),
          response: { 200: settingsValuesSchema, ...errors(...SIGNED_IN, 409) },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return updateSettings(ctx, actorOf(request), changes, expectedVersion(request, version));
      },
    );
    app.get(
      "/api/v1/audit",
      {
        schema: {
          tags: ["审计"],
          summary: "审计日志（审计管理员）",
          querystring: pageQuery.extend(auditFilters.shape).extend(cursorQuery.shape),
          response: { 200: auditPageSchema, ...errors(...SIGNED_IN) },
        },
      },
      async (request) => listAudit(ctx, actorOf(request), request.query),
    );
    app.get(
      "/api/v1/audit/export",
      {
        schema: {
          tags: ["审计"],
          summary: "导出当前筛选的审计日志（.xlsx，全部页）",
          querystring: auditFilters,
          response: { 200: fileContent(), ...errors(...SIGNED_IN) },
        },
      },
      async (request, reply) => {
        const file = await exportAudit(ctx, actorOf(request), request.query);
        return sendXlsxFile(reply, file);
      },
    );
    app.get(
      "/api/v1/audit/verify",
      {
        schema: {
          tags: ["审计"],
          summary: "校验审计日志哈希链",
          response: { 200: auditChainCheckSchema, ...errors(401, 403) },
        },
      },
      async (request) => verifyAudit(ctx, actorOf(request)),
    );
  };
}
