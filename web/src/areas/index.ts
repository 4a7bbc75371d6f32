import { area as admin } from "./admin/index.tsx";
import { area as dashboard } from "./dashboard/index.tsx";
import { area as enterprise } from "./enterprise/index.tsx";
import { area as finance } from "./finance/index.tsx";
import { area as messages } from "./messages/index.tsx";
import { area as policies } from "./policies/index.tsx";
import { area as projects } from "./projects/index.tsx";
import { area as publicArea } from "./public/index.tsx";
import { area as review } from "./review/index.tsx";
import { area as rosters } from "./rosters/index.tsx";
import type { Area } from "./types.ts";

/** Every area of the app, in menu order. */
export const AREAS: readonly Area[] = [
  publicArea,
  enterprise,
  review,
  rosters,
  finance,
  dashboard,
  projects,
  policies,
  admin,
  messages,
];
