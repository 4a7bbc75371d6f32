import type { Area } from "../types.ts";

export const area: Area = { title: "公开", routes: [], menu: [] };
