import type { Area } from "../types.ts";
import { AccountChangesPage } from "./AccountChangesPage.tsx";
import { AwardsPage } from "./AwardsPage.tsx";
import { BudgetsPage } from "./BudgetsPage.tsx";
import { LedgerPage } from "./LedgerPage.tsx";
import { PaymentBatchPage, PaymentsPage } from "./PaymentsPage.tsx";
import { PublicityBatchPage, PublicityListPage } from "./publicity.tsx";
import { RoleGate } from "./shared.tsx";

/**
 * 财政: budgets, awards and payments for finance (city finance all sources, county finance its
 * own); the city's publicity management (公示管理, city officials); the ledger check (auditor).
 */
export const area: Area = {
  title: "财政",
  routes: [
    {
      path: "/finance/budgets",
      element: (
        <RoleGate roles={["finance"]}>
          <BudgetsPage />
        </RoleGate>
      ),
    },
    {
      path: "/finance/awards",
      element: (
        <RoleGate roles={["finance"]}>
          <AwardsPage />
        </RoleGate>
      ),
    },
    {
      path: "/finance/payments",
      element: (
        <RoleGate roles={["finance"]}>
          <PaymentsPage />
        </RoleGate>
      ),
    },
    {
      path: "/finance/payments/:id",
      element: (
        <RoleGate roles={["finance"]}>
          <PaymentBatchPage />
        </RoleGate>
      ),
    },
    {
      path: "/finance/accounts",
      element: (
        <RoleGate roles={["finance"]}>
          <AccountChangesPage />
        </RoleGate>
      ),
    },
    {
      path: "/finance/ledger",
      element: (
        <RoleGate roles={["auditor"]}>
          <LedgerPage />
        </RoleGate>
      ),
    },
    {
      path: "/publicity",
      element: (
        <RoleGate roles={["city_official"]}>
          <PublicityListPage />
        </RoleGate>
      ),
    },
    {
      path: "/publicity/:id",
      element: (
        <RoleGate roles={["city_official"]}>
          <PublicityBatchPage />
        </RoleGate>
      ),
    },
  ],
  menu: [
    { path: "/finance/budgets", label: "预算", roles: ["finance"] },
    { path: "/finance/awards", label: "奖励", roles: ["finance"] },
    { path: "/finance/payments", label: "拨付批次", roles: ["finance"] },
    { path: "/finance/accounts", label: "收款账户核实", roles: ["finance"] },
    { path: "/publicity", label: "公示管理", roles: ["city_official"] },
    { path: "/finance/ledger", label: "账簿校验", roles: ["auditor"] },
  ],
};
