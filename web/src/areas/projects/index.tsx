import type { Area } from "../types.ts";
import { AssessmentPage } from "./AssessmentPage.tsx";
import { CallPage } from "./CallPage.tsx";
import { CallsPage } from "./CallsPage.tsx";
import { ExpertPage } from "./ExpertPage.tsx";
import { ReportsPage } from "./ReportsPage.tsx";

/** Public projects (三（三）4), the county assessment (四（一）) and the reports. */
export const area: Area = {
  title: "公共项目与考核",
  routes: [
    { path: "/projects", element: <CallsPage /> },
    { path: "/projects/calls/:id", element: <CallPage /> },
    { path: "/expert", element: <ExpertPage /> },
    { path: "/assessment", element: <AssessmentPage /> },
    { path: "/reports", element: <ReportsPage /> },
  ],
  menu: [
    {
      path: "/projects",
      label: "项目征集",
      roles: ["enterprise", "county_official", "city_official", "finance", "leader"],
    },
    { path: "/expert", label: "评审任务", roles: ["expert"] },
    {
      path: "/assessment",
      label: "县级考核",
      roles: ["county_official", "city_official", "finance", "leader"],
    },
    {
      path: "/reports",
      label: "报表",
      roles: ["county_official", "city_official", "finance", "leader"],
    },
  ],
};
