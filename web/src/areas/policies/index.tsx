import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { ForRoles } from "../../components/gate.tsx";
import type { Area } from "../types.ts";

const PoliciesPage = lazy(() =>
  import("./PoliciesPage.tsx").then((m) => ({ default: m.PoliciesPage })),
);

const ROLES = ["city_official", "county_official", "finance", "leader"] as const;

/** 政策管理: the packs on record; officials upload, compare, try and publish a new one. */
export const area: Area = {
  title: "政策管理",
  routes: [
    {
      path: "/policies",
      element: (
        <ForRoles roles={ROLES}>
          <Suspense fallback={<Spin />}>
            <PoliciesPage />
          </Suspense>
        </ForRoles>
      ),
    },
  ],
  menu: [{ path: "/policies", label: "政策版本与发布", roles: [...ROLES] }],
};
