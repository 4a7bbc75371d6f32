import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { ROLE_NAMES, type Role } from "../../../../src/auth/roles.ts";
import { get } from "../../api.ts";
import { beijingTime, EmptyHint, ErrorAlert, Loaded, useLoad } from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { rowTestId } from "../projects/shared.tsx";

/** 审计日志: the auditor reads the log (filters, pages) and verifies its hash chain and the ledger. */

interface Entry {
  seq: number;
  at: string;
  /** null for an anonymous action (a public objection). */
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  outcome: "success" | "denied" | "failure";
  hash: string;
}

interface Page {
  total: number;
  page: number;
  pageSize: number;
  items: Entry[];
}

type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

interface LedgerCheck {
  ok: boolean;
  problems: { what: string; detail: string }[];
  postings: number;
}

interface Filters {
  action?: string;
  actorId?: string;
  outcome?: "success" | "denied" | "failure";
}

const OUTCOMES: Record<string, [string, string]> = {
  success: ["成功", "success"],
  denied: ["拒绝", "warning"],
  failure: ["失败", "error"],
};

export function AuditPage() {
  return <ForRoles roles={["auditor"]}>{() => <Audit />}</ForRoles>;
}

function roleName(role: string): string {
  return (
    ROLE_NAMES[role as Role] ??
    ({ operator: "服务器操作员", system: "系统", public: "公众" } as Record<string, string>)[
      role
    ] ??
    role
  );
}

function Audit() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [form] = Form.useForm<Filters>();
  const state = useLoad(
    () => get<Page>("/api/v1/audit", { ...filters, page, pageSize }),
    JSON.stringify([filters, page, pageSize]),
  );
  const filtered = Object.values(filters).some((v) => v);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Typography.Text type="secondary">
          每一次登录、修改、导出与被拒绝的操作都记入审计日志；日志只追加，每条记录含前一条的哈希，形成哈希链，任何改动都能被校验发现。
        </Typography.Text>
      </div>
      <Checks />
      <Card size="small">
        <Form<Filters>
          form={form}
          layout="inline"
          onFinish={(v) => {
            setFilters({
              action: v.action?.trim() || undefined,
              actorId: v.actorId?.trim() || undefined,
              outcome: v.outcome,
            });
            setPage(1);
          }}
        >
          <Form.Item name="action" label="操作">
            <Input
              allowClear
              placeholder="如 auth.login"
              style={{ width: 180 }}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item name="actorId" label="操作人编号">
            <Input allowClear placeholder="用户编号" style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="outcome" label="结果">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={Object.entries(OUTCOMES).map(([value, [label]]) => ({ value, label }))}
              data-testid="audit-outcome"
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                  setPage(1);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <Loaded
          state={state}
          empty={(d) =>
            d.total === 0 ? (
              <EmptyHint
                text={
                  filtered ? "没有符合条件的记录。请放宽或重置筛选条件。" : "审计日志还没有记录。"
                }
              />
            ) : null
          }
        >
          {(d) => (
            <Table<Entry>
              rowKey="seq"
              size="small"
              dataSource={d.items}
              loading={state.loading}
              scroll={{ x: 1000 }}
              onRow={(e) => rowTestId(`audit-${e.seq}`)}
              pagination={{
                current: d.page,
                pageSize: d.pageSize,
                total: d.total,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: (t) => `共 ${t} 条`,
                onChange: (p, s) => {
                  setPage(s === pageSize ? p : 1);
                  setPageSize(s);
                },
              }}
              expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
              columns={[
                { title: "序号", dataIndex: "seq", width: 70 },
                { title: "时间", dataIndex: "at", width: 165, render: beijingTime },
                {
                  title: "操作人",
                  key: "actor",
                  width: 190,
                  render: (_, e) => (
                    <Space size={4}>
                      <Tag>{e.actorRole ? roleName(e.actorRole) : "公众"}</Tag>
                      {e.actorId ? (
                        <Typography.Text copyable={{ text: e.actorId }} title={e.actorId}>
                          {e.actorId.length > 12 ? `${e.actorId.slice(0, 8)}…` : e.actorId}
                        </Typography.Text>
                      ) : (
                        <Typography.Text type="secondary">匿名</Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: "操作",
                  dataIndex: "action",
                  width: 190,
                  render: (a: string) => (
                    <Typography.Link
                      onClick={() => {
                        form.setFieldsValue({ action: a });
                        setFilters((f) => ({ ...f, action: a }));
                        setPage(1);
                      }}
                      title="只看此操作"
                    >
                      {a}
                    </Typography.Link>
                  ),
                },
                {
                  title: "对象",
                  key: "target",
                  ellipsis: true,
                  render: (_, e) =>
                    e.targetType ? (
                      `${e.targetType} ${e.targetId ?? ""}`
                    ) : (
                      <Typography.Text type="secondary">—</Typography.Text>
                    ),
                },
                {
                  title: "结果",
                  dataIndex: "outcome",
                  width: 70,
                  render: (o: string) => {
                    const [name, color] = OUTCOMES[o] ?? [o, "default"];
                    return <Tag color={color}>{name}</Tag>;
                  },
                },
                {
                  title: "IP",
                  dataIndex: "ip",
                  width: 120,
                  render: (ip: string | null) => ip ?? "—",
                },
              ]}
            />
          )}
        </Loaded>
      </Card>
    </Space>
  );
}

function EntryDetail({ entry }: { entry: Entry }) {
  const json = (v: unknown) =>
    v === null || v === undefined ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
        {JSON.stringify(v, null, 2)}
      </pre>
    );
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="操作人编号">{entry.actorId ?? "匿名（公众）"}</Descriptions.Item>
      <Descriptions.Item label="对象编号">{entry.targetId ?? "—"}</Descriptions.Item>
      <Descriptions.Item label="修改前">{json(entry.before)}</Descriptions.Item>
      <Descriptions.Item label="修改后 / 详情">{json(entry.after)}</Descriptions.Item>
      <Descriptions.Item label="哈希" span={2}>
        <Typography.Text code style={{ fontSize: 12 }}>
          {entry.hash}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

function Checks() {
  const [chain, setChain] = useState<(ChainCheck & { at: string }) | null>(null);
  const [ledger, setLedger] = useState<(LedgerCheck & { at: string }) | null>(null);
  const [busy, setBusy] = useState<"chain" | "ledger" | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const run = async (which: "chain" | "ledger") => {
    setBusy(which);
    setError(null);
    try {
      const at = beijingTime(new Date().toISOString());
      if (which === "chain") setChain({ ...(await get<ChainCheck>("/api/v1/audit/verify")), at });
      else setLedger({ ...(await get<LedgerCheck>("/api/v1/ledger/verify")), at });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card size="small" title="审计日志哈希链校验" style={{ height: "100%" }}>
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text type="secondary">
              逐条重算哈希，核对每条记录与前一条的链接。
            </Typography.Text>
            <Button
              type="primary"
              onClick={() => run("chain")}
              loading={busy === "chain"}
              data-testid="audit-verify"
            >
              校验哈希链
            </Button>
            {chain && (
              <Alert
                type={chain.ok ? "success" : "error"}
                showIcon
                data-testid="audit-verify-result"
                title={
                  chain.ok
                    ? `哈希链完整：共 ${chain.entries} 条记录，全部校验通过。`
                    : `哈希链在第 ${chain.brokenAt} 条断开：${chain.reason}`
                }
                description={`校验时间 ${chain.at}${chain.ok ? "" : `；已校验 ${chain.entries} 条`}`}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="资金账簿校验" style={{ height: "100%" }}>
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text type="secondary">
              核对记账平衡、预算余额、无超支、无重复支付。
            </Typography.Text>
            <Button
              onClick={() => run("ledger")}
              loading={busy === "ledger"}
              data-testid="ledger-verify"
            >
              校验账簿
            </Button>
            {ledger && (
              <Alert
                type={ledger.ok ? "success" : "error"}
                showIcon
                data-testid="ledger-verify-result"
                title={
                  ledger.ok
                    ? `账簿一致：共 ${ledger.postings} 条记账，未发现问题。`
                    : `账簿发现 ${ledger.problems.length} 个问题（共 ${ledger.postings} 条记账）`
                }
                description={
                  ledger.ok ? (
                    `校验时间 ${ledger.at}`
                  ) : (
                    <List
                      size="small"
                      dataSource={ledger.problems}
                      renderItem={(p) => <List.Item>{p.detail}</List.Item>}
                    />
                  )
                }
              />
            )}
          </Space>
        </Card>
      </Col>
      {error && (
        <Col span={24} style={{ marginTop: 12 }}>
          <ErrorAlert error={error} />
        </Col>
      )}
    </Row>
  );
}
