import { Button, Result, Spin } from "antd";
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { ForRoles } from "../../components/gate.tsx";
import type { Area } from "../types.ts";

/** When the app was redeployed after this page was opened, the old chunk is gone: say so. */
function Outdated() {
  return (
    <Result
      status="warning"
      title="系统已更新"
      subTitle="请刷新页面后继续。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

function lazyPage(load: () => Promise<ComponentType>) {
  return lazy(
    (): Promise<{ default: ComponentType }> =>
      load().then(
        (page) => ({ default: page }),
        () => ({ default: Outdated }),
      ),
  );
}

// The dashboard's pages bring ECharts: loaded when first opened, not with the rest of the app.
const DashboardPage = lazyPage(() => import("./DashboardPage.tsx").then((m) => m.DashboardPage));
const TargetPage = lazyPage(() => import("./TargetPage.tsx").then((m) => m.TargetPage));

const ROLES = ["leader", "city_official", "county_official", "finance"] as const;

function page(children: ReactNode) {
  return (
    <ForRoles roles={ROLES}>
      <Suspense
        fallback={
          <div style={{ padding: 48, textAlign: "center" }}>
            <Spin />
          </div>
        }
      >
        {children}
      </Suspense>
    </ForRoles>
  );
}

/** 领导看板: the 2025 targets, awards, budget use, cases and the county assessment. */
export const area: Area = {
  title: "领导看板",
  routes: [
    { path: "/dashboard", element: page(<DashboardPage />) },
    { path: "/dashboard/targets/:id", element: page(<TargetPage />) },
  ],
  menu: [{ path: "/dashboard", label: "目标与资金看板", roles: [...ROLES] }],
};
