import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { ForRoles } from "../../components/gate.tsx";
import type { Area } from "../types.ts";

const RostersPage = lazy(() =>
  import("./RostersPage.tsx").then((m) => ({ default: m.RostersPage })),
);

const ROLES = ["city_official", "county_official"] as const;

/** 免申即享: the city's roster imports and name checks; the counties' unregistered organizations. */
export const area: Area = {
  title: "免申即享",
  routes: [
    {
      path: "/rosters",
      element: (
        <ForRoles roles={ROLES}>
          <Suspense fallback={<Spin />}>
            <RostersPage />
          </Suspense>
        </ForRoles>
      ),
    },
  ],
  menu: [{ path: "/rosters", label: "名单比对", roles: [...ROLES] }],
};
