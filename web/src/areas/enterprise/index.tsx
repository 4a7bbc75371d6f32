import type { Area } from "../types.ts";

export const area: Area = { title: "企业", routes: [], menu: [] };
