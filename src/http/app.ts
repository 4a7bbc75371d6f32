import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { Context } from "../context.ts";
import type { PolicyStore } from "../policies/policy-store.ts";
import { installAuth } from "./auth.ts";
import { installErrorHandlers } from "./errors.ts";
import { createMetrics, installMetrics, type Metrics } from "./metrics.ts";
import { databaseRateLimitStore } from "./rate-limit-store.ts";
import { adminRoutes } from "./routes/admin.ts";
import { applicationRoutes } from "./routes/applications.ts";
import { assessmentRoutes } from "./routes/assessment.ts";
import { authRoutes } from "./routes/auth.ts";
import { calculateRoutes } from "./routes/calculate.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { healthRoutes } from "./routes/health.ts";
import { moneyRoutes } from "./routes/money.ts";
import { noticeRoutes } from "./routes/notices.ts";
import { organizationRoutes } from "./routes/organizations.ts";
import { policyRoutes } from "./routes/policies.ts";
import { policyRecordRoutes } from "./routes/policy-records.ts";
import { projectRoutes } from "./routes/projects.ts";
import { reportRoutes } from "./routes/reports.ts";
import { rosterRoutes } from "./routes/rosters.ts";
import { targetRoutes } from "./routes/targets.ts";
import { responseSerializer } from "./serializer.ts";
import { validatorCompiler } from "./validator.ts";

export interface AppOptions {
  readonly context: Context;
  readonly logger?: boolean;
  /**
   * Served over TLS (by the app's proxy): cookies marked Secure, and browsers told to use https
   * only (CSP `upgrade-insecure-requests`, Strict-Transport-Security). Off, these go only with a
   * request that came over https (by a trusted proxy's X-Forwarded-Proto).
   */
  readonly secureCookies?: boolean;
  readonly trustProxy?: boolean;
  /**
   * Every answer is checked against its route's response schema; strictly, a field the schema
   * does not describe is an error too (Config.strictResponses; on in the test suite). Off by
   * default.
   */
  readonly strictResponses?: boolean;
  /** The built web app (index.html and assets); served at `/` when it exists. */
  readonly webRoot?: string;
  /**
   * The packs on record, refreshed before each request when another process published or
   * repealed one (the context's registry reads from it). Without it the registry is fixed.
   */
  readonly policies?: PolicyStore;
  /** The process's metrics (made here when not given); served at /metrics. */
  readonly metrics?: Metrics;
  /** The bearer token /metrics asks for (QI_METRICS_TOKEN); none: only this machine may read. */
  readonly metricsToken?: string;
}

/** A request id a proxy may pass on (X-Request-Id): kept when it is short and plain. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The HTTP API: thin routes over the domain, OpenAPI at /docs (JSON at /docs/json). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { context } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Every log line of a request carries its id (reqId): the proxy's X-Request-Id when it sent
    // one, else a new one; the answer says it back, so a user's report finds the log lines.
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  installMetrics(app, options.metrics ?? createMetrics(context.database.db), options.metricsToken);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.strictResponses ?? false));
  installErrorHandlers(app, context);

  // Browsers are told to use https only (CSP `upgrade-insecure-requests`, HSTS) when the app is
  // served over TLS: configured so (QI_SECURE_COOKIES=1), or the request came over https, which
  // (the app itself speaks plain http) a proxy says in X-Forwarded-Proto, believed only when the
  // proxy is trusted (QI_TRUST_PROXY=1). The same rule as the session cookie's Secure flag. Over
  // plain http at an intranet host name, the usual deployment, the upgrade (a helmet default) has
  // Chromium ask for the app's own scripts over https, and the page stays empty.
  const tls = options.secureCookies ?? false;
  const directives = {
    "script-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "upgrade-insecure-requests": null,
  };
  await app.register(helmet, {
    contentSecurityPolicy: { directives },
    strictTransportSecurity: false,
  });
  const overTls = {
    contentSecurityPolicy: { directives: { ...directives, "upgrade-insecure-requests": [] } },
    strictTransportSecurity: { maxAge: 365 * 24 * 3600, includeSubDomains: true },
  };
  app.addHook("onRequest", async (request, reply) => {
    if (tls || request.protocol === "https") reply.helmet(overTls);
  });
  const policies = options.policies;
  if (policies)
    app.addHook("onRequest", async () => void (await policies.refreshIfDue(context.database)));
  await app.register(cookie);
  // Counted in the database: every process behind the proxy counts the same hits.
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(context.database.db),
  });
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1, fields: 10 } });
  installAuth(app, context);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "台州市质量强市激励政策兑现系统 API",
        description:
          "quality-incentives (qi)：政策计算、申报、审核、公示、奖励与拨付。登录后会话放在 HttpOnly Cookie 中；修改类请求须带 X-CSRF-Token 头（登录时返回）。",
        version: pkg.version,
      },
    },
    transform: jsonSchemaTransform,
    // Schemas with a `.meta({ id })` become components that the routes reference.
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI's pages get the policy above (its own `staticCSP` always asks for the upgrade).
  await app.register(swaggerUi, { routePrefix: "/docs" });

  await app.register(healthRoutes(context, pkg.version));
  await app.register(policyRoutes(context));
  await app.register(policyRecordRoutes(context));
  await app.register(rosterRoutes(context));
  await app.register(calculateRoutes(context));
  await app.register(authRoutes(context, options.secureCookies ?? false));
  await app.register(organizationRoutes(context));
  await app.register(noticeRoutes(context));
  await app.register(applicationRoutes(context));
  await app.register(adminRoutes(context));
  await app.register(moneyRoutes(context));
  await app.register(targetRoutes(context));
  await app.register(projectRoutes(context));
  await app.register(assessmentRoutes(context));
  await app.register(reportRoutes(context));
  await app.register(dashboardRoutes(context));
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: "/",
      index: ["index.html"],
      // Hashed assets may be kept; index.html must be asked for again.
      setHeaders: (res, path) => {
        res.header(
          "cache-control",
          path.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  return app;
}
