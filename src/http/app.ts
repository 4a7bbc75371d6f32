import { readFileSync } from "node:fs";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler } from "fastify-type-provider-zod";
import type { PolicyRegistry } from "../policy/registry.ts";
import { installErrorHandlers } from "./errors.ts";
import { calculateRoutes } from "./routes/calculate.ts";
import { healthRoutes } from "./routes/health.ts";
import { policyRoutes } from "./routes/policies.ts";
import { validatorCompiler } from "./validator.ts";

export interface AppOptions {
  readonly registry: PolicyRegistry;
  readonly logger?: boolean;
}

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The HTTP API: thin routes over the domain, OpenAPI at /docs (JSON at /docs/json). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy the client address comes from X-Forwarded-For.
    trustProxy: process.env.QI_TRUST_PROXY === "1",
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "台州市质量强市激励政策兑现系统 API",
        description: "quality-incentives (qi)：政策计算、申报、审核、公示、奖励与拨付。",
        version: pkg.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  await app.register(healthRoutes(options.registry, pkg.version));
  await app.register(policyRoutes(options.registry));
  await app.register(calculateRoutes(options.registry));
  return app;
}
