import type { ReactNode } from "react";
import { ForRoles } from "../../components/gate.tsx";
import type { Area } from "../types.ts";
import { Queue } from "./Queue.tsx";
import { ReviewCase } from "./ReviewCase.tsx";

const forOfficials = (page: ReactNode) => (
  <ForRoles roles={["county_official", "city_official"]}>{page}</ForRoles>
);

/** The officials' review workbench: the queue and the case page with the decision. */
export const area: Area = {
  title: "审核",
  routes: [
    { path: "/review", element: forOfficials(<Queue />) },
    { path: "/review/:id", element: forOfficials(<ReviewCase />) },
  ],
  menu: [{ path: "/review", label: "审核队列", roles: ["county_official", "city_official"] }],
};
