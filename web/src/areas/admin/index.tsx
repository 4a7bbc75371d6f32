import type { Area } from "../types.ts";

export const area: Area = { title: "系统管理", routes: [], menu: [] };
