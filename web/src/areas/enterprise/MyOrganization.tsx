import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Table, Tag } from "antd";
import { useState } from "react";
import { z } from "zod";
import type { Organization } from "../../../../src/organizations/organizations.ts";
import { api, get } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  Loaded,
  showApiError,
  useLoad,
  zodRule,
} from "../../components/common.tsx";

// The same rules as the API's organizationPatchSchema (src/organizations/organizations.ts, which
// cannot be bundled: it carries the database code with it).
const text = (max: number) =>
  z.string().trim().min(1, "不能为空").max(max, `不能超过 ${max} 个字符`);
const optional = (schema: z.ZodType) => z.union([z.literal(""), z.null(), z.undefined(), schema]);
const rules = {
  contactName: zodRule(optional(text(50))),
  contactPhone: zodRule(
    optional(
      z
        .string()
        .trim()
        .regex(/^[0-9+\-() ]{5,20}$/, "应为电话号码"),
    ),
  ),
  bankName: zodRule(optional(text(100))),
  bankAccount: zodRule(
    optional(
      z
        .string()
        .trim()
        .regex(/^[0-9 -]{8,40}$/, "应为银行账号（数字）"),
    ),
  ),
};

interface Values {
  contactName?: string | null;
  contactPhone?: string | null;
  bankName?: string | null;
  bankAccount?: string;
}

/** 组织资料: the registration facts (kept by officials) and what the enterprise maintains. */
export function MyOrganization() {
  const { user } = useAuth();
  const orgId = user?.organizationId ?? null;
  const state = useLoad(
    () =>
      orgId
        ? get<Organization>(`/api/v1/organizations/${orgId}`)
        : Promise.resolve(null as Organization | null),
    orgId ?? "",
  );
  if (!orgId)
    return (
      <Card title="组织资料">
        <EmptyHint text="您的账号尚未关联组织，请联系所在县（市、区）市场监管部门登记。" />
      </Card>
    );
  return (
    <Loaded state={state}>
      {(org) =>
        org && <OrganizationBody key={org.id} org={org} onSaved={(o) => state.setData(o)} />
      }
    </Loaded>
  );
}

function OrganizationBody({
  org,
  onSaved,
}: {
  org: Organization;
  onSaved: (o: Organization) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = org.exclusions.filter((e) => e.active);

  async function save(values: Values) {
    setBusy(true);
    setError(null);
    const empty = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
    const body: Record<string, string | null> = {
      contactName: empty(values.contactName),
      contactPhone: empty(values.contactPhone),
      bankName: empty(values.bankName),
    };
    // The account is shown masked: an empty box keeps the one on file.
    if (values.bankAccount?.trim()) body.bankAccount = values.bankAccount.trim();
    try {
      const saved = await api<Organization>("PATCH", `/api/v1/organizations/${org.id}`, body);
      message.success("组织资料已保存");
      form.setFieldValue("bankAccount", "");
      onSaved(saved);
    } catch (e) {
      const rest = showApiError(form, e);
      if (rest) setError(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card title="登记信息" style={{ marginBottom: 16 }} extra="由审核人员维护">
          {active.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title="本组织当前不得申报"
              description={active
                .map((e) => `${e.effectiveDate} 起：${e.kindName}（来源：${e.source}）`)
                .join("；")}
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            data-testid="org-registration"
            items={[
              { key: "name", label: "名称", children: org.name },
              { key: "uscc", label: "统一社会信用代码", children: org.uscc },
              { key: "county", label: "管辖县（市、区）", children: org.county },
              { key: "kind", label: "类型", children: org.kindName },
              { key: "created", label: "登记时间", children: beijingTime(org.createdAt) },
            ]}
          />
          <Alert
            type="info"
            style={{ marginTop: 12 }}
            title="名称、类型或管辖县（市、区）有变更的，请持证明材料联系所在县（市、区）市场监管部门办理。"
          />
        </Card>
        {org.exclusions.length > 0 && (
          <Card title="不予支持情形记录" style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={org.exclusions}
              columns={[
                { title: "情形", dataIndex: "kindName" },
                { title: "来源", dataIndex: "source" },
                { title: "生效日期", dataIndex: "effectiveDate", width: 110 },
                {
                  title: "状态",
                  dataIndex: "active",
                  width: 90,
                  render: (a: boolean) => (a ? <Tag color="error">有效</Tag> : <Tag>已解除</Tag>),
                },
              ]}
            />
          </Card>
        )}
      </Col>
      <Col xs={24} xl={12}>
        <Card title="联系人与收款账户" style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              contactName: org.contact?.name ?? "",
              contactPhone: org.contact?.phone ?? "",
              bankName: org.bank?.name ?? "",
              bankAccount: "",
            }}
            onFinish={(v) => void save(v)}
          >
            <Form.Item name="contactName" label="联系人" rules={[rules.contactName]}>
              <Input maxLength={50} data-testid="org-contactName" />
            </Form.Item>
            <Form.Item name="contactPhone" label="联系电话" rules={[rules.contactPhone]}>
              <Input maxLength={20} data-testid="org-contactPhone" />
            </Form.Item>
            <Form.Item name="bankName" label="开户银行" rules={[rules.bankName]}>
              <Input maxLength={100} data-testid="org-bankName" />
            </Form.Item>
            <Form.Item
              name="bankAccount"
              label="银行账号"
              rules={[rules.bankAccount]}
              extra={
                org.bank?.account
                  ? `已登记账号 ${org.bank.account}（完整账号仅财政人员可见）。如需更换请填写新账号，留空则不变。`
                  : "尚未登记收款账号。奖励拨付到此账号，请认真核对。"
              }
            >
              <Input
                maxLength={40}
                autoComplete="off"
                placeholder={org.bank?.account ?? "请输入银行账号"}
                data-testid="org-bankAccount"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="org-save">
              保存
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
