import { Navigate } from "react-router-dom";
import { ForRoles } from "../../components/gate.tsx";
import { INBOX_ROLES } from "../../components/notices.tsx";
import type { Area } from "../types.ts";
import { Messages } from "./Messages.tsx";

/** 消息中心: every user with an inbox reads their notices and sets their channels here. */
export const area: Area = {
  title: "消息",
  routes: [
    {
      path: "/messages",
      element: (
        <ForRoles roles={INBOX_ROLES}>
          <Messages />
        </ForRoles>
      ),
    },
    // The enterprise's earlier address.
    { path: "/my/messages", element: <Navigate to="/messages" replace /> },
  ],
  menu: [{ path: "/messages", label: "消息中心", roles: INBOX_ROLES }],
};
