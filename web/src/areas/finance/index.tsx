import { ForRoles } from "../../components/gate.tsx";
import type { Area } from "../types.ts";
import { AccountChangesPage } from "./AccountChangesPage.tsx";
import { AwardsPage } from "./AwardsPage.tsx";
import { BudgetsPage } from "./BudgetsPage.tsx";
import { LedgerPage } from "./LedgerPage.tsx";
import { PaymentBatchPage, PaymentsPage } from "./PaymentsPage.tsx";
import { PublicityBatchPage, PublicityListPage } from "./publicity.tsx";

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
        <ForRoles roles={["finance"]}>
          <BudgetsPage />
        </ForRoles>
      ),
    },
    {
      path: "/finance/awards",
      element: (
        <ForRoles roles={["finance"]}>
          <AwardsPage />
        </ForRoles>
      ),
    },
    {
      path: "/finance/payments",
      element: (
        <ForRoles roles={["finance"]}>
          <PaymentsPage />
        </ForRoles>
      ),
    },
    {
      path: "/finance/payments/:id",
      element: (
        <ForRoles roles={["finance"]}>
          <PaymentBatchPage />
        </ForRoles>
      ),
    },
    {
      path: "/finance/accounts",
      element: (
        <ForRoles roles={["finance"]}>
          <AccountChangesPage />
        </ForRoles>
      ),
    },
    {
      path: "/finance/ledger",
      element: (
        <ForRoles roles={["auditor"]}>
          <LedgerPage />
        </ForRoles>
      ),
    },
    {
      path: "/publicity",
      element: (
        <ForRoles roles={["city_official"]}>
          <PublicityListPage />
        </ForRoles>
      ),
    },
    {
      path: "/publicity/:id",
      element: (
        <ForRoles roles={["city_official"]}>
          <PublicityBatchPage />
        </ForRoles>
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
