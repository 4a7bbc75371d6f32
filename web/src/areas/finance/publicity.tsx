import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { z } from "zod";
import { ApiError, get, post } from "../../api.ts";
import {
  beijingTime,
  EmptyHint,
  ErrorAlert,
  Loaded,
  StateTag,
  showApiError,
  today,
  useLoad,
  yuan,
  zodRule,
} from "../../components/common.tsx";
import {
  BATCH_STATES,
  CURRENT_YEAR,
  ENTRY_OUTCOMES,
  OBJECTION_STATES,
  testId,
  useRequestKey,
} from "./shared.tsx";

/**
 * The city's publicity management (公示管理, city_official): batches of approved cases and of
 * selected public projects, their objections, closing what is due and awarding one case.
 */

interface BatchSummary {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly workingDays: number;
  readonly state: string;
  readonly kind: "awards" | "projects";
}

interface CaseEntry {
  readonly applicationId: string;
  readonly number: string;
  readonly item: string;
  readonly itemTitle: string;
  readonly clause: string | null;
  readonly organization: string;
  readonly county: string;
  readonly amount: number;
  readonly outcome: string | null;
}

interface ProjectEntry {
  readonly proposalId: string;
  readonly number: string;
  readonly title: string;
  readonly category: string;
  readonly rank: number | null;
  readonly organization: string;
  readonly county: string;
  readonly amount: number;
  readonly outcome: string | null;
}

interface BatchDetail extends Omit<BatchSummary, "workingDays"> {
  readonly entries: CaseEntry[];
  readonly projects: ProjectEntry[];
}

interface Objection {
  readonly id: string;
  readonly batch_id: string;
  readonly application_id?: string;
  readonly proposal_id?: string;
  readonly name: string;
  readonly contact: string;
  readonly reason: string;
  readonly state: string;
  readonly resolution: string | null;
  readonly resolved_at: string | null;
  readonly created_at: string;
}

interface CloseSummary {
  readonly awarded: number;
  readonly held: number;
  readonly waiting: { application: string; message: string }[];
  readonly closedBatches: string[];
  readonly projectsFunded: number;
}

const KIND_NAMES = { awards: "奖励", projects: "公共项目" } as const;

/** An open batch whose period has ended is due: closing turns its cases into awards. */
const isDue = (b: { state: string; endDate: string }) => b.state === "open" && b.endDate < today();

function BatchState({ batch }: { batch: { state: string; endDate: string } }) {
  if (isDue(batch)) return <Tag color="warning">期满待结束</Tag>;
  return <StateTag state={batch.state} name={BATCH_STATES[batch.state]} />;
}

function CloseDueButton({ onDone }: { onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Tooltip title="公示期满、无未决异议的申报转为奖励（在预算中预留）；公共项目立项拨款。可重复执行。">
      <Button
        data-testid="publicity-close"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const s = await post<CloseSummary>("/api/v1/publicity/close");
            modal.info({
              title: "结束到期公示",
              width: 560,
              content: (
                <div data-testid="publicity-close-summary">
                  <p>
                    转为奖励 {s.awarded} 项；公共项目立项 {s.projectsFunded} 项；因未决异议暂缓{" "}
                    {s.held} 项。
                  </p>
                  <p>
                    结束的批次：{s.closedBatches.length > 0 ? s.closedBatches.join("、") : "无"}
                  </p>
                  {s.waiting.length > 0 && (
                    <>
                      <p>等待预算 {s.waiting.length} 项（预算调整后再次执行即可）：</p>
                      <ul>
                        {s.waiting.map((w) => (
                          <li key={`${w.application}-${w.message}`}>{w.message}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              ),
            });
            onDone();
          } catch (e) {
            message.error(showApiError(null, e) ?? "操作失败");
          } finally {
            setBusy(false);
          }
        }}
      >
        结束到期公示
      </Button>
    </Tooltip>
  );
}

export function PublicityListPage() {
  const navigate = useNavigate();
  const state = useLoad(() =>
    get<{ items: BatchSummary[] }>("/api/v1/public/publicity").then((r) => r.items),
  );
  const [creating, setCreating] = useState(false);
  const due = (state.data ?? []).filter(isDue);
  return (
    <Card
      title="公示管理"
      extra={
        <Space>
          <CloseDueButton onDone={() => void state.reload()} />
          <Button type="primary" onClick={() => setCreating(true)} data-testid="publicity-create">
            新建公示批次
          </Button>
        </Space>
      }
    >
      {due.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${due.map((b) => b.number).join("、")} 公示期已满。点击“结束到期公示”将无异议的申报转为奖励。`}
        />
      )}
      <Loaded
        state={state}
        empty={(items) =>
          items.length === 0 ? (
            <EmptyHint
              text="还没有公示批次。选择市级审核通过的申报新建公示批次。"
              action={
                <Button type="primary" onClick={() => setCreating(true)}>
                  新建公示批次
                </Button>
              }
            />
          ) : null
        }
      >
        {(items) => (
          <Table<BatchSummary>
            rowKey="id"
            dataSource={items}
            size="middle"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(b) => testId(`publicity-${b.number}`)}
            columns={[
              {
                title: "批次",
                key: "number",
                width: 130,
                render: (_: unknown, b) => <Link to={`/publicity/${b.id}`}>{b.number}</Link>,
              },
              { title: "标题", dataIndex: "title" },
              {
                title: "类别",
                dataIndex: "kind",
                width: 90,
                render: (k: BatchSummary["kind"]) => (
                  <Tag color={k === "projects" ? "purple" : "blue"}>{KIND_NAMES[k] ?? k}</Tag>
                ),
              },
              {
                title: "公示期",
                key: "period",
                width: 250,
                render: (_: unknown, b) =>
                  `${b.startDate} 至 ${b.endDate}（${b.workingDays} 个工作日）`,
              },
              {
                title: "状态",
                key: "state",
                width: 110,
                render: (_: unknown, b) => <BatchState batch={b} />,
              },
              {
                title: "",
                key: "op",
                width: 110,
                render: (_: unknown, b) => (
                  <Button size="small" onClick={() => navigate(`/publicity/${b.id}`)}>
                    名单与异议
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <CreateBatchDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/publicity/${id}`);
        }}
      />
    </Card>
  );
}

// ── Creating a batch ──────────────────────────────────────────────────────────

interface ApprovedCase {
  readonly id: string;
  readonly number: string;
  readonly organization: { name: string; county: string };
  readonly item: string;
  readonly itemTitle: string;
  readonly clause: string;
  readonly subject: string;
  readonly expectedAmount: number | null;
  readonly fundingSource: string | null;
  readonly updatedAt: string;
}

interface CreateForm {
  title: string;
  startDate: Dayjs;
  workingDays?: number | null;
  applicationIds: string[];
}

function CasePicker({
  value,
  onChange,
  cases,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  cases: ApprovedCase[];
}) {
  const selected = value ?? [];
  const amount = cases
    .filter((c) => selected.includes(c.id))
    .reduce((s, c) => s + (c.expectedAmount ?? 0), 0);
  return (
    <>
      <Table<ApprovedCase>
        rowKey="id"
        size="small"
        dataSource={cases}
        pagination={false}
        scroll={{ y: 300 }}
        data-testid="publicity-cases"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => onChange?.(keys.map(String)),
        }}
        onRow={(c) => testId(`publicity-case-${c.number}`)}
        columns={[
          { title: "申报编号", dataIndex: "number", width: 140 },
          {
            title: "组织",
            key: "org",
            render: (_: unknown, c) => (
              <>
                <div>{c.organization.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.organization.county}
                </Typography.Text>
              </>
            ),
          },
          {
            title: "项目",
            key: "item",
            render: (_: unknown, c) => (
              <Tooltip title={c.subject}>
                <span>
                  {c.item} {c.itemTitle}
                </span>
              </Tooltip>
            ),
          },
          {
            title: "拟奖励",
            dataIndex: "expectedAmount",
            align: "right",
            width: 120,
            render: (n: number | null) => yuan(n),
          },
        ]}
      />
      <Typography.Text type="secondary">
        已选 {selected.length} 项，拟奖励合计 {yuan(amount)}
      </Typography.Text>
    </>
  );
}

function CreateBatchDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const [busy, setBusy] = useState(false);
  const cases = useLoad(
    async () =>
      open
        ? get<{ items: ApprovedCase[]; total: number }>("/api/v1/applications", {
            state: "approved",
            pageSize: 200,
          })
        : null,
    String(open),
  );

  const submit = async (v: CreateForm) => {
    setBusy(true);
    try {
      const created = await post<{
        id: string;
        number: string;
        endDate: string;
        workingDays: number;
      }>("/api/v1/publicity", {
        title: v.title.trim(),
        startDate: v.startDate.format("YYYY-MM-DD"),
        ...(v.workingDays ? { workingDays: v.workingDays } : {}),
        applicationIds: v.applicationIds,
      });
      message.success(
        `已发布公示 ${created.number}，公示 ${created.workingDays} 个工作日，至 ${created.endDate} 止`,
      );
      onCreated(created.id);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : null;
      const text = showApiError(
        form,
        e,
        field?.startsWith("applicationIds") ? { [field]: ["applicationIds"] } : {},
      );
      if (text) message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title="新建公示批次"
      open={open}
      onClose={onClose}
      size={820}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="publicity-create-submit"
        >
          发布公示
        </Button>
      }
    >
      {cases.error ? (
        <ErrorAlert error={cases.error} />
      ) : (
        <Form<CreateForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          data-testid="publicity-create-form"
          initialValues={{
            title: `${CURRENT_YEAR} 年质量强市奖励公示`,
            startDate: dayjs(today()),
            applicationIds: [],
          }}
        >
          <Form.Item
            name="title"
            label="标题"
            validateFirst
            rules={[
              { required: true, whitespace: true, message: "请填写公示标题" },
              zodRule(z.string().trim().max(200, "不能超过 200 个字符")),
            ]}
          >
            <Input data-testid="publicity-title" />
          </Form.Item>
          <Space align="start" size={24}>
            <Form.Item
              name="startDate"
              label="公示开始日期"
              rules={[{ required: true, message: "请选择开始日期" }]}
            >
              <DatePicker data-testid="publicity-start" />
            </Form.Item>
            <Form.Item
              name="workingDays"
              label="公示工作日数"
              extra="留空按系统设置；按工作日历顺延节假日"
              rules={[
                zodRule(
                  z
                    .number({ error: "应为整数" })
                    .int("应为整数")
                    .min(1, "至少 1 个工作日")
                    .max(30, "不超过 30 个工作日")
                    .nullish(),
                ),
              ]}
            >
              <InputNumber
                min={1}
                max={30}
                precision={0}
                placeholder="默认"
                suffix="个工作日"
                style={{ width: 170 }}
                data-testid="publicity-working-days"
              />
            </Form.Item>
          </Space>
          <Form.Item
            name="applicationIds"
            label="公示的申报（审核通过）"
            rules={[
              {
                validator: async (_: unknown, v: string[] | undefined) => {
                  if (!v || v.length === 0) throw new Error("至少选择一个审核通过的申报");
                },
              },
            ]}
          >
            {cases.loading || !cases.data ? (
              <Typography.Text type="secondary">正在读取审核通过的申报…</Typography.Text>
            ) : cases.data.items.length === 0 ? (
              <EmptyHint text="没有审核通过、等待公示的申报。市级复审通过后的申报会出现在这里。" />
            ) : (
              <CasePicker cases={cases.data.items} />
            )}
          </Form.Item>
          {cases.data && cases.data.total > cases.data.items.length && (
            <Alert
              type="info"
              showIcon
              title={`共有 ${cases.data.total} 项审核通过的申报，此处列出前 ${cases.data.items.length} 项；发布后再新建下一批。`}
            />
          )}
        </Form>
      )}
    </Drawer>
  );
}

// ── One batch: its list and objections ────────────────────────────────────────

function outcomeTag(outcome: string | null, batch: { state: string; endDate: string }) {
  if (outcome === null)
    return isDue(batch) ? (
      <Tag color="warning">期满待奖励</Tag>
    ) : batch.state === "open" ? (
      <StateTag state="publicity" name="公示中" />
    ) : (
      <Tag>—</Tag>
    );
  const color =
    outcome === "awarded" || outcome === "funded"
      ? "awarded"
      : outcome === "rejected"
        ? "rejected"
        : "at_risk";
  return <StateTag state={color} name={ENTRY_OUTCOMES[outcome] ?? outcome} />;
}

export function PublicityBatchPage() {
  const { id = "" } = useParams();
  const state = useLoad(async () => {
    const batch = await get<BatchDetail>(`/api/v1/public/publicity/${encodeURIComponent(id)}`);
    const objections = await get<{ items: Objection[] }>(
      batch.kind === "projects"
        ? `/api/v1/project-publicity/${batch.id}/objections`
        : `/api/v1/publicity/${batch.id}/objections`,
    );
    return { batch, objections: objections.items };
  }, id);
  return (
    <Loaded state={state}>
      {({ batch, objections }) => (
        <BatchView batch={batch} objections={objections} reload={() => void state.reload()} />
      )}
    </Loaded>
  );
}

function BatchView({
  batch,
  objections,
  reload,
}: {
  batch: BatchDetail;
  objections: Objection[];
  reload: () => void;
}) {
  const { message } = App.useApp();
  const key = useRequestKey();
  const [awarding, setAwarding] = useState<string | null>(null);
  const [resolving, setResolving] = useState<Objection | null>(null);
  const openObjections = objections.filter((o) => o.state === "open");
  const heldBy = new Set(openObjections.map((o) => o.application_id ?? o.proposal_id));
  const projects = batch.kind === "projects";
  const labelOf = (o: Objection) => {
    if (projects) {
      const p = batch.projects.find((e) => e.proposalId === o.proposal_id);
      return p ? `${p.number} ${p.organization}` : (o.proposal_id ?? "");
    }
    const e = batch.entries.find((x) => x.applicationId === o.application_id);
    return e ? `${e.number} ${e.organization}` : (o.application_id ?? "");
  };

  const award = async (entry: CaseEntry) => {
    setAwarding(entry.applicationId);
    try {
      const a = await post<{ number: string; amount: number; year: number; source: string }>(
        `/api/v1/applications/${entry.applicationId}/award`,
        undefined,
        { idempotencyKey: key.keyFor({ award: entry.applicationId }) },
      );
      key.done();
      message.success(`${entry.number} 已转为奖励 ${a.number}（${yuan(a.amount)}）`);
      reload();
    } catch (e) {
      message.error(showApiError(null, e) ?? "操作失败");
    } finally {
      setAwarding(null);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title={
          <Space>
            <Link to="/publicity">公示管理</Link>
            <span>/</span>
            <span data-testid="publicity-batch-number">{batch.number}</span>
            <Tag color={projects ? "purple" : "blue"}>{KIND_NAMES[batch.kind]}</Tag>
            <BatchState batch={batch} />
          </Space>
        }
        extra={<CloseDueButton onDone={reload} />}
      >
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: "title", label: "标题", children: batch.title, span: 3 },
            { key: "period", label: "公示期", children: `${batch.startDate} 至 ${batch.endDate}` },
            {
              key: "count",
              label: projects ? "项目数" : "申报数",
              children: projects ? batch.projects.length : batch.entries.length,
            },
            {
              key: "objections",
              label: "异议",
              children: `${objections.length} 件（待处理 ${openObjections.length} 件）`,
            },
          ]}
        />
        {isDue(batch) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={
              projects
                ? "公示期已满：点击“结束到期公示”为无异议的项目立项并预留资金。"
                : "公示期已满：点击“结束到期公示”，或逐项点击“奖励”，将无未决异议的申报转为奖励。"
            }
          />
        )}
      </Card>
      <Card title={projects ? "公示项目" : "公示名单"} size="small">
        {projects ? (
          <Table<ProjectEntry>
            rowKey="proposalId"
            dataSource={batch.projects}
            size="small"
            pagination={false}
            locale={{ emptyText: "本批没有项目" }}
            onRow={(p) => testId(`entry-${p.number}`)}
            columns={[
              { title: "排序", dataIndex: "rank", width: 60 },
              { title: "项目编号", dataIndex: "number", width: 140 },
              { title: "项目", dataIndex: "title" },
              { title: "类别", dataIndex: "category", width: 140 },
              {
                title: "承担单位",
                key: "org",
                render: (_: unknown, p) => `${p.organization}（${p.county}）`,
              },
              { title: "金额", dataIndex: "amount", align: "right", width: 120, render: yuan },
              {
                title: "结果",
                key: "outcome",
                width: 120,
                render: (_: unknown, p) => outcomeTag(p.outcome, batch),
              },
            ]}
          />
        ) : (
          <Table<CaseEntry>
            rowKey="applicationId"
            dataSource={batch.entries}
            size="small"
            pagination={false}
            locale={{ emptyText: "本批没有申报" }}
            onRow={(e) => testId(`entry-${e.number}`)}
            columns={[
              { title: "申报编号", dataIndex: "number", width: 140 },
              { title: "组织", dataIndex: "organization" },
              { title: "县（市、区）", dataIndex: "county", width: 110 },
              {
                title: "项目",
                key: "item",
                render: (_: unknown, e) => `${e.item} ${e.itemTitle}`,
              },
              { title: "金额", dataIndex: "amount", align: "right", width: 120, render: yuan },
              {
                title: "结果",
                key: "outcome",
                width: 130,
                render: (_: unknown, e) => outcomeTag(e.outcome, batch),
              },
              {
                title: "操作",
                key: "op",
                width: 90,
                render: (_: unknown, e) => {
                  const awardable =
                    batch.endDate < today() &&
                    (e.outcome === null || e.outcome === "waiting_budget");
                  if (!awardable) return null;
                  const held = heldBy.has(e.applicationId);
                  return (
                    <Tooltip
                      title={held ? "有未处理的异议，处理后才能奖励" : "转为奖励并在预算中预留"}
                    >
                      <Button
                        size="small"
                        type="primary"
                        disabled={held}
                        loading={awarding === e.applicationId}
                        data-testid={`award-case-${e.applicationId}`}
                        onClick={() => void award(e)}
                      >
                        奖励
                      </Button>
                    </Tooltip>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <Card title={`异议（${objections.length}）`} size="small">
        {objections.length === 0 ? (
          <EmptyHint
            text={
              batch.state === "open" && !isDue(batch)
                ? "公示期内暂无异议。公众可在公示页面对名单中的申报提出异议，提出后在此处理。"
                : "本批公示没有异议。"
            }
          />
        ) : (
          <List
            dataSource={objections}
            data-testid="objections"
            renderItem={(o) => (
              <List.Item
                {...testId(`objection-${o.id}`)}
                actions={
                  o.state === "open"
                    ? [
                        <Button
                          key="resolve"
                          type="primary"
                          size="small"
                          data-testid={`objection-resolve-${o.id}`}
                          onClick={() => setResolving(o)}
                        >
                          处理异议
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <StateTag
                        state={
                          o.state === "upheld"
                            ? "rejected"
                            : o.state === "dismissed"
                              ? "closed"
                              : "open"
                        }
                        name={OBJECTION_STATES[o.state] ?? o.state}
                      />
                      <span>针对 {labelOf(o)}</span>
                    </Space>
                  }
                  description={
                    <>
                      <div>异议理由：{o.reason}</div>
                      <div>
                        异议人：{o.name}，{o.contact}（不公开）· 提出于 {beijingTime(o.created_at)}
                      </div>
                      {o.resolution && (
                        <div>
                          处理意见：{o.resolution}（{beijingTime(o.resolved_at)}）
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <ResolveModal
        objection={resolving}
        projects={projects}
        label={resolving ? labelOf(resolving) : ""}
        onClose={() => setResolving(null)}
        onDone={() => {
          setResolving(null);
          reload();
        }}
      />
    </Space>
  );
}

interface ResolveForm {
  outcome: "upheld" | "dismissed";
  resolution: string;
}

function ResolveModal({
  objection,
  projects,
  label,
  onClose,
  onDone,
}: {
  objection: Objection | null;
  projects: boolean;
  label: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ResolveForm>();
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch("outcome", form);
  const submit = async (v: ResolveForm) => {
    if (!objection) return;
    setBusy(true);
    try {
      await post(
        projects
          ? `/api/v1/project-objections/${objection.id}/resolve`
          : `/api/v1/objections/${objection.id}/resolve`,
        { outcome: v.outcome, resolution: v.resolution.trim() },
      );
      message.success(v.outcome === "upheld" ? "已认定异议成立" : "已认定异议不成立");
      form.resetFields();
      onDone();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`处理异议：${label}`}
      open={objection !== null}
      onCancel={onClose}
      okText="确认处理"
      okButtonProps={{
        loading: busy,
        danger: outcome === "upheld",
        "data-testid": "objection-resolve-submit",
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {objection && (
        <Typography.Paragraph type="secondary">异议理由：{objection.reason}</Typography.Paragraph>
      )}
      <Form<ResolveForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="objection-resolve-form"
      >
        <Form.Item
          name="outcome"
          label="处理结果"
          rules={[{ required: true, message: "请选择处理结果" }]}
        >
          <Radio.Group>
            <Radio value="dismissed" data-testid="objection-outcome-dismissed">
              {projects ? "异议不成立（项目继续立项）" : "异议不成立（申报继续奖励）"}
            </Radio>
            <Radio value="upheld" data-testid="objection-outcome-upheld">
              {projects ? "异议成立（项目不予立项）" : "异议成立（申报不予奖励）"}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === "upheld" && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              projects
                ? "异议成立后该项目不予立项，金额退回项目征集预算，不能撤回。"
                : "异议成立后该申报转为“不予通过”，处理意见将告知申报单位，不能撤回。"
            }
          />
        )}
        <Form.Item
          name="resolution"
          label="处理意见"
          validateFirst
          rules={[
            { required: true, whitespace: true, message: "请填写处理意见" },
            zodRule(z.string().trim().max(2000, "不能超过 2000 个字符")),
          ]}
        >
          <Input.TextArea
            rows={4}
            placeholder="核查经过与结论"
            data-testid="objection-resolution"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
