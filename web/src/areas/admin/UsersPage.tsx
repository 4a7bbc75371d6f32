import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { ADMIN_ROLES, ROLE_NAMES, ROLES, type Role } from "../../../../src/auth/roles.ts";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { $api, fetchClient, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import type { User } from "../../auth.tsx";
import { beijingTime, EmptyHint, QueryView, showApiError } from "../../components/common.tsx";
import { useAddressFilters } from "../../components/filters.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { rowTestId } from "../projects/shared.tsx";

/**
 * 用户管理: the system admin keeps business accounts (create, disable, unlock, new password); the
 * security admin creates administrator accounts, assigns roles and records relations (回避).
 */

type Account = Schema<"UserAccountListItem">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BUSINESS_ROLES = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

export function UsersPage() {
  return (
    <ForRoles roles={["system_admin", "security_admin"]}>{(user) => <Users me={user} />}</ForRoles>
  );
}

function locked(a: Account): boolean {
  return a.lockedUntil !== null && new Date(a.lockedUntil).getTime() > Date.now();
}

/** Organizations known from the accounts bound to them (administrators may not list them). */
function knownOrganizations(accounts: readonly Account[]) {
  const out = new Map<string, string>();
  for (const a of accounts)
    if (a.organizationId && !out.has(a.organizationId))
      out.set(a.organizationId, a.organizationName ?? `${a.displayName}（${a.username}）`);
  return [...out].map(([value, name]) => ({ value, label: `${name} · ${value.slice(0, 8)}…` }));
}

const PAGE_SIZE = 15;

function Users({ me }: { me: User }) {
  const { filters, page, setFilters, setPage } = useAddressFilters(["role", "q"] as const);
  const role = ROLES.find((r) => r === filters.role);
  const q = filters.q ?? "";
  const [creating, setCreating] = useState(false);
  const [assigning, setAssigning] = useState<Account | null>(null);
  const [relating, setRelating] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const { message } = AntApp.useApp();
  const list = $api.useQuery("get", "/api/v1/users", { params: { query: { role } } });
  const all = $api.useQuery("get", "/api/v1/users", { params: { query: {} } });
  const orgs = useMemo(() => knownOrganizations(all.data?.items ?? []), [all.data]);
  const system = me.role === "system_admin";
  const security = me.role === "security_admin";
  const reload = () => void refetchAll();
  const patch = async (
    a: Account,
    body: { disabled?: boolean; unlock?: boolean },
    done: string,
  ) => {
    try {
      await fetchClient.PATCH("/api/v1/users/{id}", { params: { path: { id: a.id } }, body });
      message.success(done);
      reload();
    } catch (e) {
      message.error(showApiError(null, e) ?? "操作失败");
    }
  };
  const needle = q.trim().toLowerCase();
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            用户管理
          </Typography.Title>
          <Typography.Text type="secondary">
            {system
              ? "系统管理员：创建业务账号，停用、启用、解锁账号，重设密码。管理员账号与角色分配由安全管理员负责。"
              : "安全管理员：创建管理员账号，分配角色，登记审核人员和专家与组织的关联关系（回避）。"}
          </Typography.Text>
        </Col>
        <Col>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="user-create">
            {system ? "创建业务账号" : "创建管理员账号"}
          </Button>
        </Col>
      </Row>
      <Card size="small">
        <Space wrap>
          <Select
            allowClear
            placeholder="全部角色"
            style={{ width: 160 }}
            value={role}
            onChange={(r?: Role) => setFilters({ role: r })}
            options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))}
            aria-label="按角色筛选"
            data-testid="users-role"
          />
          <Input.Search
            allowClear
            placeholder="用户名或名称"
            aria-label="按用户名或名称查找"
            style={{ width: 240 }}
            defaultValue={q}
            onSearch={(v) => setFilters({ q: v.trim() })}
            onChange={(e) => {
              if (e.target.value === "") setFilters({ q: null });
            }}
            data-testid="users-search"
          />
        </Space>
      </Card>
      <Card>
        <QueryView
          query={list}
          empty={(d) =>
            d.items.length === 0 ? (
              <EmptyHint
                text={role ? `没有“${ROLE_NAMES[role]}”角色的账号。` : "还没有账号。"}
                action={
                  <Button type="primary" onClick={() => setCreating(true)}>
                    创建账号
                  </Button>
                }
              />
            ) : null
          }
        >
          {(d) => (
            <Table<Account>
              rowKey="id"
              size="small"
              dataSource={d.items.filter(
                (a) =>
                  !needle ||
                  a.username.toLowerCase().includes(needle) ||
                  a.displayName.toLowerCase().includes(needle),
              )}
              loading={list.isFetching}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                showSizeChanger: false,
                showTotal: (t) => `共 ${t} 个账号`,
                onChange: (p) => setPage(p),
              }}
              scroll={{ x: 1250 }}
              onRow={(a) => rowTestId(`user-${a.username}`)}
              columns={[
                { title: "用户名", dataIndex: "username", width: 150 },
                { title: "名称", dataIndex: "displayName", width: 200, ellipsis: true },
                {
                  title: "角色",
                  dataIndex: "role",
                  width: 110,
                  render: (r: Role) => (
                    <Tag color={ADMIN_ROLES.includes(r) ? "purple" : "blue"}>{ROLE_NAMES[r]}</Tag>
                  ),
                },
                {
                  title: "绑定",
                  key: "binding",
                  width: 200,
                  ellipsis: true,
                  render: (_, a) =>
                    a.county ??
                    (a.organizationId ? (
                      <Typography.Text
                        copyable={{ text: a.organizationId, tooltips: ["复制组织编号", "已复制"] }}
                        title={`组织编号 ${a.organizationId}`}
                      >
                        {a.organizationName ?? `组织 ${a.organizationId.slice(0, 8)}…`}
                      </Typography.Text>
                    ) : (
                      "全市"
                    )),
                },
                {
                  title: "用户编号",
                  dataIndex: "id",
                  width: 130,
                  render: (id: string) => (
                    <Typography.Text
                      copyable={{ text: id, tooltips: ["复制用户编号", "已复制"] }}
                      title={id}
                    >
                      {id.slice(0, 8)}…
                    </Typography.Text>
                  ),
                },
                {
                  title: "状态",
                  key: "state",
                  width: 80,
                  render: (_, a) =>
                    a.disabled ? (
                      <Tag color="error">已停用</Tag>
                    ) : locked(a) ? (
                      <Tag color="warning" title={`锁定至 ${beijingTime(a.lockedUntil)}`}>
                        已锁定
                      </Tag>
                    ) : (
                      <Tag color="success">正常</Tag>
                    ),
                },
                {
                  title: "创建时间",
                  dataIndex: "createdAt",
                  width: 160,
                  render: beijingTime,
                },
                {
                  title: "操作",
                  key: "actions",
                  width: 200,
                  fixed: "right",
                  render: (_, a) => (
                    <Space size={0} wrap>
                      {system && a.id !== me.id && (
                        <Popconfirm
                          title={
                            a.disabled
                              ? `启用 ${a.username}？`
                              : `停用 ${a.username}？停用后立即退出登录。`
                          }
                          onConfirm={() =>
                            patch(
                              a,
                              { disabled: !a.disabled },
                              a.disabled ? `已启用 ${a.username}` : `已停用 ${a.username}`,
                            )
                          }
                        >
                          <Button
                            type="link"
                            size="small"
                            danger={!a.disabled}
                            data-testid={`user-toggle-${a.username}`}
                          >
                            {a.disabled ? "启用" : "停用"}
                          </Button>
                        </Popconfirm>
                      )}
                      {system && locked(a) && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => patch(a, { unlock: true }, `已解锁 ${a.username}`)}
                        >
                          解锁
                        </Button>
                      )}
                      {system && (!ADMIN_ROLES.includes(a.role) || a.id === me.id) && (
                        <Button type="link" size="small" onClick={() => setResetting(a)}>
                          重设密码
                        </Button>
                      )}
                      {security && a.id !== me.id && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setAssigning(a)}
                          data-testid={`user-role-${a.username}`}
                        >
                          分配角色
                        </Button>
                      )}
                      {security &&
                        ["county_official", "city_official", "expert"].includes(a.role) && (
                          <Button type="link" size="small" onClick={() => setRelating(a)}>
                            登记关联
                          </Button>
                        )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      <CreateUserModal
        open={creating}
        roles={system ? BUSINESS_ROLES : ADMIN_ROLES}
        orgs={orgs}
        onClose={() => setCreating(false)}
        onDone={(a) => {
          setCreating(false);
          message.success(`已创建账号 ${a.username}`);
          reload();
        }}
      />
      <AssignRoleModal
        account={assigning}
        orgs={orgs}
        onClose={() => setAssigning(null)}
        onDone={(a) => {
          setAssigning(null);
          message.success(
            `已将 ${a.username} 的角色设为 ${ROLE_NAMES[a.role]}；其会话已结束，需重新登录`,
          );
          reload();
        }}
      />
      <RelationModal
        account={relating}
        orgs={orgs}
        onClose={() => setRelating(null)}
        onDone={() => {
          setRelating(null);
          message.success("已登记关联关系，今后该人员须回避此组织的申报");
        }}
      />
      <PasswordModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={(a) => {
          setResetting(null);
          message.success(`已重设 ${a.username} 的密码；其会话已结束`);
          reload();
        }}
      />
    </Space>
  );
}

type Options = { value: string; label: string }[];

/** The role's binding: an organization for enterprises (and optionally experts), a county for county staff. */
function BindingFields({ role, orgs }: { role: Role | undefined; orgs: Options }) {
  const needsOrg = role === "enterprise" || role === "expert";
  const needsCounty = role === "county_official" || role === "finance";
  return (
    <>
      {needsOrg && (
        <Form.Item
          name="organizationId"
          label={role === "enterprise" ? "绑定组织" : "所在单位（可选，用于回避）"}
          extra="填写组织编号（UUID）。可从已绑定该组织的账号中选择，或向市级审核人员索取组织编号。"
          rules={[
            {
              required: role === "enterprise",
              whitespace: true,
              message: "企业用户须绑定一个组织",
            },
            { pattern: UUID, message: "应为组织编号（UUID）" },
          ]}
        >
          <AutoComplete
            options={orgs}
            placeholder="组织编号"
            filterOption={(input, option) =>
              String(option?.label ?? "")
                .toLowerCase()
                .includes(input.toLowerCase()) || String(option?.value ?? "").startsWith(input)
            }
          />
        </Form.Item>
      )}
      {needsCounty && (
        <Form.Item
          name="county"
          label="县（市、区）"
          extra={role === "finance" ? "不选则为市级财政" : undefined}
          rules={[
            { required: role === "county_official", message: "县级审核人员须绑定一个县（市、区）" },
          ]}
        >
          <Select allowClear options={COUNTIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      )}
    </>
  );
}

function bindingOf(v: { role: Role; organizationId?: string | null; county?: County | null }) {
  const org = v.role === "enterprise" || v.role === "expert" ? v.organizationId?.trim() : null;
  const county = v.role === "county_official" || v.role === "finance" ? v.county : null;
  return { organizationId: org || null, county: county || null };
}

interface CreateForm {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  organizationId?: string;
  county?: County;
}

function CreateUserModal({
  open,
  roles,
  orgs,
  onClose,
  onDone,
}: {
  open: boolean;
  roles: readonly Role[];
  orgs: Options;
  onClose: () => void;
  onDone: (a: Schema<"UserAccount">) => void;
}) {
  const [form] = Form.useForm<CreateForm>();
  const role = Form.useWatch("role", form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: CreateForm) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await fetchClient.POST("/api/v1/users", {
        body: {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          role: v.role,
          ...bindingOf(v),
        },
      });
      form.resetFields();
      if (data) onDone(data);
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="创建账号"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      okText="创建"
      confirmLoading={busy}
      onOk={() => form.submit()}
      okButtonProps={{ "data-testid": "user-create-submit" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: roles[0] }}
      >
        <Form.Item name="role" label="角色" rules={[{ required: true, message: "请选择角色" }]}>
          <Select options={roles.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="username"
              label="用户名"
              rules={[
                { required: true, message: "请填写用户名" },
                {
                  pattern: /^\s*[a-zA-Z0-9._-]{3,40}\s*$/,
                  message: "用户名为 3–40 位字母、数字或 . _ -",
                },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="displayName"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: "请填写名称" },
                { max: 50, message: "不能超过 50 个字符" },
              ]}
            >
              <Input placeholder="姓名或单位" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="password"
          label="初始密码"
          extra="须符合安全管理员设定的密码策略（长度、复杂度）；请线下告知本人，首次登录后修改。"
          rules={[{ required: true, message: "请填写初始密码" }, { max: 256 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <BindingFields role={role} orgs={orgs} />
      </Form>
    </Modal>
  );
}

function AssignRoleModal({
  account,
  orgs,
  onClose,
  onDone,
}: {
  account: Account | null;
  orgs: Options;
  onClose: () => void;
  onDone: (a: Schema<"UserAccount">) => void;
}) {
  const [form] = Form.useForm<{ role: Role; organizationId?: string; county?: County }>();
  const role = Form.useWatch("role", form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { role: Role; organizationId?: string; county?: County }) => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await fetchClient.PUT("/api/v1/users/{id}/role", {
        params: { path: { id: account.id } },
        body: { role: v.role, ...bindingOf(v) },
      });
      if (data) onDone(data);
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={account ? `分配角色：${account.displayName}（${account.username}）` : "分配角色"}
      open={account !== null}
      onCancel={onClose}
      destroyOnHidden
      okText="保存"
      confirmLoading={busy}
      onOk={() => form.submit()}
      okButtonProps={{ "data-testid": "user-role-submit" }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="修改角色后，该用户的所有会话立即结束，需重新登录。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {account && (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            role: account.role,
            organizationId: account.organizationId ?? undefined,
            county: account.county ?? undefined,
          }}
        >
          <Form.Item name="role" label="角色" rules={[{ required: true, message: "请选择角色" }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} />
          </Form.Item>
          <BindingFields role={role} orgs={orgs} />
        </Form>
      )}
    </Modal>
  );
}

function RelationModal({
  account,
  orgs,
  onClose,
  onDone,
}: {
  account: Account | null;
  orgs: Options;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ organizationId: string; note: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { organizationId: string; note: string }) => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      await fetchClient.POST("/api/v1/relations", {
        body: {
          userId: account.id,
          organizationId: v.organizationId.trim(),
          note: v.note.trim(),
        },
      });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={account ? `登记关联关系：${account.displayName}` : "登记关联关系"}
      open={account !== null}
      onCancel={onClose}
      destroyOnHidden
      okText="登记"
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">
        登记后，该人员审核该组织的申报、评审其公共项目时须回避。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="organizationId"
          label="组织编号"
          rules={[
            { required: true, whitespace: true, message: "请填写组织编号" },
            { pattern: UUID, message: "应为组织编号（UUID）" },
          ]}
        >
          <AutoComplete options={orgs} placeholder="组织编号（UUID）" />
        </Form.Item>
        <Form.Item
          name="note"
          label="关系说明"
          rules={[
            { required: true, whitespace: true, message: "请填写关系说明" },
            { max: 500, message: "不能超过 500 个字符" },
          ]}
        >
          <Input.TextArea rows={3} placeholder="例如：配偶在该企业任职" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PasswordModal({
  account,
  onClose,
  onDone,
}: {
  account: Account | null;
  onClose: () => void;
  onDone: (a: Schema<"UserAccount">) => void;
}) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { password: string }) => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      const { data } = await fetchClient.PATCH("/api/v1/users/{id}", {
        params: { path: { id: account.id } },
        body: { password: v.password },
      });
      form.resetFields();
      if (data) onDone(data);
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={account ? `重设密码：${account.username}` : "重设密码"}
      open={account !== null}
      onCancel={onClose}
      destroyOnHidden
      okText="重设"
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="password"
          label="新密码"
          rules={[{ required: true, message: "请填写新密码" }, { max: 256 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入"
          dependencies={["password"]}
          rules={[
            { required: true, message: "请再次输入" },
            ({ getFieldValue }) => ({
              validator: async (_, v?: string) => {
                if (v && v !== getFieldValue("password")) throw new Error("两次输入不一致");
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
