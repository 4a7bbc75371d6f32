import { z } from "zod";

export const idParams = z.object({ id: z.string().uuid("应为记录编号（UUID）") });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
