import type { Area } from "../types.ts";
import { AuditPage } from "./AuditPage.tsx";
import { CalendarPage } from "./CalendarPage.tsx";
import { SettingsPage } from "./SettingsPage.tsx";
import { UsersPage } from "./UsersPage.tsx";

/** The administrators' pages: accounts and roles, settings, the working calendar, the audit log. */
export const area: Area = {
  title: "系统管理",
  routes: [
    { path: "/admin/users", element: <UsersPage /> },
    { path: "/admin/settings", element: <SettingsPage /> },
    { path: "/admin/calendar", element: <CalendarPage /> },
    { path: "/admin/audit", element: <AuditPage /> },
  ],
  menu: [
    { path: "/admin/users", label: "用户管理", roles: ["system_admin", "security_admin"] },
    { path: "/admin/settings", label: "系统设置", roles: ["system_admin", "security_admin"] },
    { path: "/admin/calendar", label: "工作日历", roles: ["system_admin"] },
    { path: "/admin/audit", label: "审计日志", roles: ["auditor"] },
  ],
};
