import { Alert, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { useAuth } from "./auth.tsx";

/** Where each role starts after signing in. */
const HOME: Record<string, string> = {
  enterprise: "/my/applications",
  county_official: "/review",
  city_official: "/review",
  finance: "/finance/budgets",
  leader: "/dashboard",
  expert: "/expert",
  system_admin: "/admin/users",
  security_admin: "/admin/users",
  auditor: "/admin/audit",
};

export function LoginPage() {
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Card title="登录" style={{ maxWidth: 400, margin: "48px auto" }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        layout="vertical"
        onFinish={async (v: { username: string; password: string }) => {
          setBusy(true);
          try {
            const user = await login(v.username, v.password);
            navigate(params.get("next") ?? HOME[user.role] ?? "/");
          } catch (e) {
            setError((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[{ required: true, message: "请输入用户名" }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: "请输入密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </Card>
  );
}
