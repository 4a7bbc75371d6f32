import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Table, Tag } from "antd";
import { useState } from "react";
import { z } from "zod";
import { $api, fetchClient, ifMatch, queryClient, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { isStaleVersion } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  QueryView,
  showApiError,
  zodRule,
} from "../../components/common.tsx";
import { NoticesCard } from "../../components/notices.tsx";

type Organization = Schema<"Organization">;

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
}

interface AccountValues {
  bankName: string;
  bankAccount: string;
}

/** 组织资料: the registration facts (kept by officials) and what the enterprise maintains. */
export function MyOrganization() {
  const { user } = useAuth();
  const orgId = user?.organizationId ?? null;
  const org = $api.useQuery(
    "get",
    "/api/v1/organizations/{id}",
    { params: { path: { id: orgId ?? "" } } },
    { enabled: orgId !== null },
  );
  if (!orgId)
    return (
      <Card title="组织资料">
        <EmptyHint text="您的账号尚未关联组织，请联系所在县（市、区）市场监管部门登记。" />
      </Card>
    );
  return (
    <QueryView query={org}>
      {(o) => <OrganizationBody key={`${o.id}:${o.version}`} org={o} />}
    </QueryView>
  );
}

function OrganizationBody({ org }: { org: Organization }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = org.exclusions.filter((e) => e.active);

  async function save(values: Values) {
    setBusy(true);
    setError(null);
    const empty = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
    try {
      const { data } = await fetchClient.PATCH("/api/v1/organizations/{id}", {
        params: { path: { id: org.id }, header: ifMatch(org.version) },
        body: {
          contactName: empty(values.contactName),
          contactPhone: empty(values.contactPhone),
        },
      });
      message.success("联系人已保存");
      if (data)
        queryClient.setQueryData(
          $api.queryOptions("get", "/api/v1/organizations/{id}", {
            params: { path: { id: org.id } },
          }).queryKey,
          data,
        );
    } catch (e) {
      // A stale save is told in the client's dialog, whose 刷新 reloads the organization.
      const rest = isStaleVersion(e) ? null : showApiError(form, e);
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
        <Card title="联系人" style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              contactName: org.contact?.name ?? "",
              contactPhone: org.contact?.phone ?? "",
            }}
            onFinish={(v) => void save(v)}
          >
            <Form.Item name="contactName" label="联系人" rules={[rules.contactName]}>
              <Input maxLength={50} data-testid="org-contactName" />
            </Form.Item>
            <Form.Item name="contactPhone" label="联系电话" rules={[rules.contactPhone]}>
              <Input maxLength={20} data-testid="org-contactPhone" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="org-save">
              保存
            </Button>
          </Form>
        </Card>
        <BankAccountCard org={org} />
        <NoticesCard />
      </Col>
    </Row>
  );
}

/**
 * 收款账户: the verified account (masked), a change waiting for finance, and the form to ask for a
 * new one. A new account takes effect only when finance has verified it.
 */
function BankAccountCard({ org }: { org: Organization }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountValues>();
  const [busy, setBusy] = useState(false);
  const pending = org.bank?.pending ?? null;

  async function ask(values: AccountValues) {
    setBusy(true);
    try {
      await fetchClient.POST("/api/v1/organizations/{id}/bank-account", {
        params: { path: { id: org.id } },
        body: { bankName: values.bankName.trim(), bankAccount: values.bankAccount.trim() },
      });
      message.success("已提交账户变更，财政核实后生效");
      form.resetFields();
      // The change also writes a notice to the organization.
      await refetchAll();
    } catch (e) {
      const rest = showApiError(form, e);
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    if (!pending) return;
    try {
      await fetchClient.POST("/api/v1/bank-account-changes/{id}/withdraw", {
        params: { path: { id: pending.id } },
      });
      message.success("已撤回账户变更");
      await refetchAll();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Card title="收款账户" style={{ marginBottom: 16 }} data-testid="org-bank">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: "current",
            label: "已核实账户",
            children: org.bank?.account ? (
              `${org.bank.name ?? ""} ${org.bank.account}`
            ) : (
              <Tag>尚无，奖励暂不能拨付</Tag>
            ),
          },
        ]}
      />
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="org-bank-pending"
          title={`变更待财政核实：${pending.name} ${pending.account ?? ""}（${beijingTime(pending.requestedAt)} 提交）`}
          description="核实前，拨付仍使用上面的已核实账户。"
          action={
            <Button size="small" onClick={() => void withdraw()}>
              撤回
            </Button>
          }
        />
      )}
      <Form<AccountValues>
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        onFinish={(v) => void ask(v)}
      >
        <Form.Item
          name="bankName"
          label="新开户银行"
          rules={[{ required: true, message: "请填写开户银行" }, rules.bankName]}
        >
          <Input maxLength={100} data-testid="org-bankName" />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label="新银行账号"
          rules={[{ required: true, message: "请填写银行账号" }, rules.bankAccount]}
          extra="完整账号仅财政人员可见。提交后须由财政部门核实，核实后才用于拨付；本单位用户会收到站内通知。"
        >
          <Input maxLength={40} autoComplete="off" data-testid="org-bankAccount" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="org-bank-request">
          申请变更收款账户
        </Button>
      </Form>
    </Card>
  );
}
