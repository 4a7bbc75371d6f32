import type { Area } from "../types.ts";
import { CalculatorPage } from "./CalculatorPage.tsx";
import { PolicyPage } from "./PolicyPage.tsx";
import { PublicityDetailPage, PublicityListPage } from "./PublicityPage.tsx";

export const area: Area = {
  title: "政策与公示",
  routes: [
    { path: "/policy", element: <PolicyPage /> },
    { path: "/calculator", element: <CalculatorPage /> },
    { path: "/publicity/public", element: <PublicityListPage /> },
    { path: "/publicity/public/:id", element: <PublicityDetailPage /> },
  ],
  menu: [
    { path: "/policy", label: "政策条款", roles: "public" },
    { path: "/calculator", label: "政策计算器", roles: "public" },
    { path: "/publicity/public", label: "公示公告", roles: "public" },
  ],
};
