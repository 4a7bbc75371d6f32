import type { ReactNode } from "react";
import type { Role } from "../../../../src/auth/roles.ts";
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
const page = (roles: Role[], element: ReactNode) => <ForRoles roles={roles}>{element}</ForRoles>;

export const area: Area = {
  title: "财政",
  routes: [
    {
      path: "/finance/budgets",
      element: page(["finance"], <BudgetsPage />),
    },
    {
      path: "/finance/awards",
      element: page(["finance"], <AwardsPage />),
    },
    {
      path: "/finance/payments",
      element: page(["finance"], <PaymentsPage />),
    },
    {
      path: "/finance/payments/:id",
      element: page(["finance"], <PaymentBatchPage />),
    },
    {
      path: "/finance/accounts",
      element: page(["finance"], <AccountChangesPage />),
    },
    {
      path: "/finance/ledger",
      element: page(["auditor"], <LedgerPage />),
    },
    {
      path: "/publicity",
      element: page(["city_official"], <PublicityListPage />),
    },
    {
      path: "/publicity/:id",
      element: page(["city_official"], <PublicityBatchPage />),
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
