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
import { $api, fetchClient } from "../../api/client.ts";
import type { paths } from "../../api/schema.d.ts";
import type { Answer, Schema } from "../../api/types.ts";
import { beijingTime, EmptyHint, ErrorAlert, QueryView } from "../../components/common.tsx";
import { ExportButton, useAddressFilters } from "../../components/filters.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { rowTestId } from "../projects/shared.tsx";

/**
 * 审计日志: the auditor reads the log in words (actions, records and people by name, changes
 * field by field), filters it (kept in the address), exports the filtered entries, and verifies
 * its hash chain and the ledger.
 */

type Entry = Schema<"AuditEntry">;
type Outcome = NonNullable<
  NonNullable<paths["/api/v1/audit"]["get"]["parameters"]["query"]>["outcome"]
>;

const FILTERS = ["action", "actor", "outcome"] as const;

/** The outcome's colour; its name comes with the entry. */
const OUTCOME_COLORS: Record<string, string> = {
  success: "success",
  denied: "warning",
  failure: "error",
};
const OUTCOME_OPTIONS: { value: Outcome; label: string }[] = [
  { value: "success", label: "成功" },
  { value: "denied", label: "拒绝" },
  { value: "failure", label: "失败" },
];

export function AuditPage() {
  return <ForRoles roles={["auditor"]}>{() => <Audit />}</ForRoles>;
}

interface FilterForm {
  action?: string;
  actor?: string;
  outcome?: Outcome;
}

function Audit() {
  const { filters, query, page, pageSize, setFilters, setPage } = useAddressFilters(FILTERS);
  const [form] = Form.useForm<FilterForm>();
  const list = $api.useQuery(
    "get",
    "/api/v1/audit",
    {
      params: {
        query: { ...query, outcome: query.outcome as Outcome | undefined, page, pageSize },
      },
    },
    { placeholderData: (previous) => previous },
  );
  const filtered = Object.keys(query).length > 0;
  const apply = (v: FilterForm) =>
    setFilters({ action: v.action?.trim(), actor: v.actor?.trim(), outcome: v.outcome });
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
        <Form<FilterForm>
          form={form}
          layout="inline"
          initialValues={filters}
          onFinish={apply}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="action" label="操作">
            <Input
              allowClear
              placeholder="如 审核、登录"
              style={{ width: 180 }}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input allowClear placeholder="用户名或名称" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="outcome" label="结果">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              options={OUTCOME_OPTIONS}
              data-testid="audit-outcome"
            />
          </Form.Item>
          <Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({ action: undefined, actor: undefined, outcome: undefined });
                  setFilters({ action: null, actor: null, outcome: null });
                }}
              >
                重置
              </Button>
              <ExportButton path="/api/v1/audit/export" query={query} />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card>
        <QueryView
          query={list}
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
            <EntryTable
              page={d}
              loading={list.isFetching}
              onPage={setPage}
              onAction={(code) => {
                form.setFieldsValue({ action: code });
                setFilters({ action: code });
              }}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}

function EntryTable({
  page,
  loading,
  onPage,
  onAction,
}: {
  page: Answer<"/api/v1/audit">;
  loading: boolean;
  onPage: (page: number, size?: number) => void;
  onAction: (code: string) => void;
}) {
  return (
    <Table<Entry>
      rowKey="seq"
      size="small"
      dataSource={page.items}
      loading={loading}
      scroll={{ x: 1000 }}
      onRow={(e) => rowTestId(`audit-${e.seq}`)}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: page.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (t) => `共 ${t.toLocaleString("zh-CN")} 条`,
        onChange: (p, s) => onPage(s === page.pageSize ? p : 1, s),
      }}
      expandable={{
        expandedRowRender: (e) => <EntryDetail entry={e} />,
        columnTitle: "详情",
      }}
      columns={[
        { title: "序号", dataIndex: "seq", width: 70 },
        { title: "时间", dataIndex: "at", width: 165, render: beijingTime },
        {
          title: "操作人",
          key: "actor",
          width: 230,
          render: (_, e) => (
            <Space size={4} wrap>
              {e.actorRoleName && <Tag>{e.actorRoleName}</Tag>}
              {e.actorName ?? (
                <Typography.Text type="secondary">{e.actorId ? "—" : "匿名"}</Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: "操作",
          dataIndex: "actionName",
          width: 210,
          render: (name: string, e) => (
            <Typography.Link
              onClick={() => onAction(e.action)}
              title="只看此操作"
              data-testid="audit-action-name"
            >
              {name}
            </Typography.Link>
          ),
        },
        {
          title: "对象",
          dataIndex: "target",
          ellipsis: true,
          render: (t: string | null) => t ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          title: "结果",
          dataIndex: "outcomeName",
          width: 70,
          render: (name: string, e) => (
            <Tag color={OUTCOME_COLORS[e.outcome] ?? "default"}>{name}</Tag>
          ),
        },
        {
          title: "IP 地址",
          dataIndex: "ip",
          width: 120,
          render: (ip: string | null) => ip ?? "—",
        },
      ]}
    />
  );
}

function EntryDetail({ entry }: { entry: Entry }) {
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {entry.changes.length > 0 ? (
        <Table<Schema<"AuditChange">>
          size="small"
          bordered
          pagination={false}
          rowKey="field"
          data-testid="audit-changes"
          dataSource={entry.changes}
          columns={[
            { title: "字段", dataIndex: "field", width: 200 },
            {
              title: "修改前",
              dataIndex: "before",
              render: (v: string | null) => v ?? "—",
            },
            {
              title: "修改后 / 详情",
              dataIndex: "after",
              render: (v: string | null) => v ?? "—",
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary" data-testid="audit-changes">
          此操作没有记录修改内容。
        </Typography.Text>
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="操作代码">
          <Typography.Text code>{entry.action}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="操作人编号">{entry.actorId ?? "匿名（公众）"}</Descriptions.Item>
        <Descriptions.Item label="对象编号">{entry.targetId ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="哈希">
          <Typography.Text code style={{ fontSize: 12, wordBreak: "break-all" }}>
            {entry.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

type ChainCheck = Answer<"/api/v1/audit/verify">;
type LedgerCheck = Answer<"/api/v1/ledger/verify">;

function Checks() {
  const [chain, setChain] = useState<(ChainCheck & { at: string }) | null>(null);
  const [ledger, setLedger] = useState<(LedgerCheck & { at: string }) | null>(null);
  const [busy, setBusy] = useState<"chain" | "ledger" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (which: "chain" | "ledger") => {
    setBusy(which);
    setError(null);
    try {
      const at = beijingTime(new Date().toISOString());
      if (which === "chain") {
        const { data } = await fetchClient.GET("/api/v1/audit/verify");
        if (data) setChain({ ...data, at });
      } else {
        const { data } = await fetchClient.GET("/api/v1/ledger/verify");
        if (data) setLedger({ ...data, at });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
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
                    ? `哈希链完整：共 ${chain.entries.toLocaleString("zh-CN")} 条记录，全部校验通过。`
                    : `哈希链在第 ${chain.brokenAt} 条断开：${chain.reason}`
                }
                description={`校验时间 ${chain.at}${chain.ok ? "" : `；已校验 ${chain.entries.toLocaleString("zh-CN")} 条`}`}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={12}>
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
                    ? `账簿一致：共 ${ledger.postings.toLocaleString("zh-CN")} 条记账，未发现问题。`
                    : `账簿发现 ${ledger.problems.length} 个问题（共 ${ledger.postings.toLocaleString("zh-CN")} 条记账）`
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
      {error !== null && (
        <Col span={24}>
          <ErrorAlert error={error} />
        </Col>
      )}
    </Row>
  );
}
