import type { Area } from "../types.ts";

export const area: Area = { title: "公共项目与考核", routes: [], menu: [] };
