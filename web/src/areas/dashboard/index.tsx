import type { Area } from "../types.ts";

export const area: Area = { title: "领导看板", routes: [], menu: [] };
