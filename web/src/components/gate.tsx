import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router-dom";
import { ROLE_NAMES, type Role } from "../../../src/auth/roles.ts";
import { type User, useAuth } from "../auth.tsx";

/**
 * The one gate of a page for some roles: a visitor goes to the sign-in page (and comes back
 * after), another role is told whose page it is. The API enforces the same; this only spares a
 * confusing page. `children` may take the signed-in user.
 */
export function ForRoles({
  roles,
  children,
}: {
  roles: readonly Role[];
  children: ReactNode | ((user: User) => ReactNode);
}) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading)
    return (
      <div style={{ padding: 48, textAlign: "center" }}>
        <Spin />
      </div>
    );
  if (!user)
    return (
      <Navigate
        to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  if (!roles.includes(user.role))
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`此页面供${roles.map((r) => ROLE_NAMES[r]).join("、")}使用；您当前的角色是${user.roleName}。`}
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    );
  return <>{typeof children === "function" ? children(user) : children}</>;
}
