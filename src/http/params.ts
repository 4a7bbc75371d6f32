import { z } from "zod";

export const idParams = z.object({ id: z.string().uuid("应为记录编号（UUID）") });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Keyset paging: the cursor of the page before. Given, `page` is not used. */
export const cursorQuery = z.object({
  after: z
    .string()
    .max(400)
    .optional()
    .describe(
      "游标：上一页答复中的 nextCursor；给出时自该条之后取一页（不使用 page），翻页期间新增的记录不会使某条重复或遗漏",
    ),
});
