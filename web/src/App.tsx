import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from "antd";
import { useLayoutEffect, useMemo, useState } from "react";
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { AREAS } from "./areas/index.ts";
import type { MenuEntry } from "./areas/types.ts";
import { useAuth } from "./auth.tsx";
import { pageTitle } from "./components/common.tsx";
import { INBOX_ROLES, InboxButton } from "./components/notices.tsx";
import { LoginPage } from "./LoginPage.tsx";

const { Header, Sider, Content } = Layout;

function visible(entry: MenuEntry, role: string | null): boolean {
  if (entry.roles === "public") return true;
  return role !== null && (entry.roles as readonly string[]).includes(role);
}

export function App() {
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  // On a phone the menu opens from a ☰ button in the header, as a drawer over the page; it never
  // floats over the page's own content.
  const [menuOpen, setMenuOpen] = useState(false);
  const role = user?.role ?? null;
  const items = useMemo(
    () =>
      AREAS.map((area) => ({
        area,
        entries: area.menu.filter((m) => visible(m, role)),
      }))
        .filter((g) => g.entries.length > 0)
        .map((g) => ({
          type: "group" as const,
          key: g.area.title,
          label: g.area.title,
          children: g.entries.map((m) => ({
            key: m.path,
            label: <Link to={m.path}>{m.label}</Link>,
          })),
        })),
    [role],
  );
  const entry = AREAS.flatMap((a) => a.menu)
    .filter((m) => visible(m, role))
    .filter((m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const selected = entry?.path;
  // Each page has its own tab title. A detail page names its record (usePageTitle) in an effect,
  // which runs after this one: this is a layout effect so that the page's own title wins.
  useLayoutEffect(() => {
    document.title = pageTitle(location.pathname === "/login" ? "登录" : entry?.label);
  }, [location.pathname, entry?.label]);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          padding: "0 16px",
        }}
      >
        {narrow ? (
          <Button
            type="text"
            aria-label="菜单"
            data-testid="menu-toggle"
            onClick={() => setMenuOpen(true)}
            style={{ color: "#fff", marginRight: 8, flexShrink: 0, fontSize: 18 }}
          >
            ☰
          </Button>
        ) : null}
        <h1
          style={{
            margin: 0,
            minWidth: 0,
            flex: 1,
            display: "flex",
            lineHeight: "inherit",
            fontSize: "inherit",
          }}
        >
          <Link
            to="/"
            style={{
              color: "#fff",
              fontSize: narrow ? 14 : 16,
              fontWeight: 600,
              whiteSpace: "nowrap",
              overflow: "hidden",
              textOverflow: "ellipsis",
              minWidth: 0,
              marginRight: 8,
            }}
          >
            台州市质量强市激励政策兑现系统
          </Link>
        </h1>
        {user && (INBOX_ROLES as readonly string[]).includes(user.role) ? (
          <InboxButton narrow={narrow} />
        ) : null}
        {user ? (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                {
                  key: "logout",
                  label: "退出登录",
                  onClick: async () => {
                    await logout();
                    navigate("/");
                  },
                },
              ],
            }}
          >
            <Button
              type="text"
              style={{
                color: "#fff",
                height: "auto",
                maxWidth: narrow ? "50%" : undefined,
                overflow: "hidden",
                flexShrink: 0,
              }}
              data-testid="current-user"
              aria-label={`${user.displayName} ${user.roleName} 账户菜单（退出登录）`}
            >
              <Space>
                {/* A long organization name ends in … rather than running under the title. */}
                <span
                  style={{
                    display: "inline-block",
                    maxWidth: narrow ? 120 : 280,
                    overflow: "hidden",
                    textOverflow: "ellipsis",
                    whiteSpace: "nowrap",
                    verticalAlign: "bottom",
                  }}
                >
                  {user.displayName}
                </span>
                {narrow ? null : <span style={{ color: "#d9d9d9" }}>{user.roleName}</span>}
                <span aria-hidden="true">▾</span>
              </Space>
            </Button>
          </Dropdown>
        ) : location.pathname === "/login" ? null : (
          <Button type="primary" onClick={() => navigate("/login")}>
            登录
          </Button>
        )}
      </Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            size={240}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title="菜单"
            styles={{ body: { padding: 0 } }}
          >
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items}
              onClick={() => setMenuOpen(false)}
            />
          </Drawer>
        ) : (
          <Sider width={200} theme="light">
            <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
          </Sider>
        )}
        <Content style={{ padding: 16, minWidth: 0 }}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            {AREAS.flatMap((a) => a.routes).map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route path="/" element={<Navigate to="/policy" replace />} />
            <Route path="*" element={<Typography.Title level={4}>页面不存在</Typography.Title>} />
          </Routes>
        </Content>
      </Layout>
    </Layout>
  );
}
