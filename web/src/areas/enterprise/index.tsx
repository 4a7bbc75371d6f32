import type { ReactNode } from "react";
import { ForRoles } from "../../components/gate.tsx";
import type { Area } from "../types.ts";
import { MyApplications } from "./MyApplications.tsx";
import { MyCase } from "./MyCase.tsx";
import { MyOrganization } from "./MyOrganization.tsx";
import { NewApplication } from "./NewApplication.tsx";

const forEnterprise = (page: ReactNode) => <ForRoles roles={["enterprise"]}>{page}</ForRoles>;

/** The enterprise portal: its claims (new, correct, resubmit, withdraw) and its organization. */
export const area: Area = {
  title: "企业",
  routes: [
    { path: "/my/applications", element: forEnterprise(<MyApplications />) },
    { path: "/my/applications/new", element: forEnterprise(<NewApplication />) },
    { path: "/my/applications/:id", element: forEnterprise(<MyCase />) },
    { path: "/my/organization", element: forEnterprise(<MyOrganization />) },
  ],
  menu: [
    { path: "/my/applications", label: "我的申报", roles: ["enterprise"] },
    { path: "/my/applications/new", label: "新建申报", roles: ["enterprise"] },
    { path: "/my/organization", label: "组织资料", roles: ["enterprise"] },
  ],
};
