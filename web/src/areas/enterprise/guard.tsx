import { Button, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router-dom";
import type { Role } from "../../../../src/auth/roles.ts";
import { useAuth } from "../../auth.tsx";

/**
 * A page for some roles only: the signed-out go to the sign-in page (and come back), other roles
 * are told whose page it is. The API enforces the same; this only avoids a confusing page.
 */
export function ForRoles({
  roles,
  who,
  children,
}: {
  roles: readonly Role[];
  who: string;
  children: ReactNode;
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
        subTitle={`此页面供${who}使用；您当前的角色是${user.roleName}。`}
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    );
  return <>{children}</>;
}
