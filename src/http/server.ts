import { bundledRegistry } from "../packs/load.ts";
import { buildApp } from "./app.ts";

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
}

/** Starts the product on its embedded default and stops cleanly on SIGINT / SIGTERM. */
export async function startServer(options: ServerOptions): Promise<void> {
  const app = await buildApp({ registry: bundledRegistry(), logger: true });
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port: options.port, host: options.host });
}
