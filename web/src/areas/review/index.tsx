import type { Area } from "../types.ts";

export const area: Area = { title: "审核", routes: [], menu: [] };
