import type { Area } from "../types.ts";

export const area: Area = { title: "财政", routes: [], menu: [] };
