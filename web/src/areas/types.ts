import type { ReactNode } from "react";
import type { Role } from "../../../src/auth/roles.ts";

/** A page of the app: its path and who sees it in the menu. */
export interface AreaRoute {
  readonly path: string;
  readonly element: ReactNode;
}

export interface MenuEntry {
  /** The path the entry opens. */
  readonly path: string;
  readonly label: string;
  /** "public": shown to everyone, signed in or not; otherwise the roles that see it. */
  readonly roles: "public" | readonly Role[];
}

/** A part of the app (public pages, the enterprise portal, the review workbench…). */
export interface Area {
  readonly title: string;
  readonly routes: readonly AreaRoute[];
  readonly menu: readonly MenuEntry[];
}
