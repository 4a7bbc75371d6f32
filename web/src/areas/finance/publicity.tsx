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
import { PROJECT_PUBLICITY_ENTRY_MACHINE } from "../../../../src/projects/states.ts";
import {
  OBJECTION_MACHINE,
  PUBLICITY_BATCH_MACHINE,
  PUBLICITY_ENTRY_MACHINE,
  PUBLICITY_KIND_NAMES,
} from "../../../../src/publicity/states.ts";
import { $api, fetchClient, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { ApiError } from "../../api.ts";
import {
  beijingTime,
  EmptyHint,
  ErrorAlert,
  QueryView,
  StateTag,
  showApiError,
  today,
  usePageTitle,
  yuan,
  zodRule,
} from "../../components/common.tsx";
import { CURRENT_YEAR, testId, useRequestKey } from "./shared.tsx";

/**
 * The city's publicity management (公示管理, city_official): batches of approved cases and of
 * selected public projects, their objections, closing what is due and awarding one case.
 */

type BatchSummary = Schema<"PublicPublicityBatch">;
type BatchDetail = Schema<"PublicPublicityBatchDetail">;
type CaseEntry = Schema<"PublicCaseEntry">;
type ProjectEntry = Schema<"PublicProjectEntry">;
type Objection = Schema<"CaseObjection"> | Schema<"ProjectObjection">;
type ApprovedCase = Schema<"Application">;

const BATCH_STATES: Record<string, string> = PUBLICITY_BATCH_MACHINE.stateNames;
const ENTRY_OUTCOMES: Record<string, string> = {
  ...PUBLICITY_ENTRY_MACHINE.stateNames,
  ...PROJECT_PUBLICITY_ENTRY_MACHINE.stateNames,
};
const OBJECTION_STATES: Record<string, string> = OBJECTION_MACHINE.stateNames;
const kindName = (k: string) => PUBLICITY_KIND_NAMES[k as keyof typeof PUBLICITY_KIND_NAMES] ?? k;
const subjectOf = (o: Objection) => ("application_id" in o ? o.application_id : o.proposal_id);

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
            const { data: s } = await fetchClient.POST("/api/v1/publicity/close");
            if (!s) return;
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
  const list = $api.useQuery("get", "/api/v1/public/publicity");
  const [creating, setCreating] = useState(false);
  const due = (list.data?.items ?? []).filter(isDue);
  return (
    <Card
      title="公示管理"
      extra={
        <Space>
          <CloseDueButton onDone={() => void refetchAll()} />
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
      <QueryView
        query={list}
        empty={(d) =>
          d.items.length === 0 ? (
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
        {(d) => (
          <Table<BatchSummary>
            rowKey="id"
            dataSource={d.items}
            scroll={{ x: 900 }}
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
                  <Tag color={k === "projects" ? "purple" : "blue"}>{kindName(k)}</Tag>
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
      </QueryView>
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
          getTitleCheckboxProps: () => ({ "aria-label": "全选申报" }) as Record<string, string>,
          getCheckboxProps: (c) => ({ "aria-label": `选择 ${c.number}` }) as Record<string, string>,
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
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const cases = $api.useQuery(
    "get",
    "/api/v1/applications",
    { params: { query: { state: "approved", pageSize: 200 } } },
    { enabled: open },
  );
  const publish = $api.useMutation("post", "/api/v1/publicity");

  const send = async (v: CreateForm) => {
    try {
      const created = await publish.mutateAsync({
        body: {
          title: v.title.trim(),
          startDate: v.startDate.format("YYYY-MM-DD"),
          ...(v.workingDays ? { workingDays: v.workingDays } : {}),
          applicationIds: v.applicationIds,
        },
      });
      message.success(
        `已发布公示 ${created.number}，公示 ${created.workingDays} 个工作日，至 ${created.endDate} 止`,
      );
      await refetchAll();
      onCreated(created.id);
    } catch (e) {
      const field = e instanceof ApiError ? e.field : null;
      const text = showApiError(
        form,
        e,
        field?.startsWith("applicationIds") ? { [field]: ["applicationIds"] } : {},
      );
      if (text) message.error(text);
    }
  };

  // Publishing puts organizations' names and amounts before the public at once and cannot be
  // taken back, so, like the review actions, it says what will be published and asks first.
  const submit = (v: CreateForm) => {
    const chosen = (cases.data?.items ?? []).filter((c) => v.applicationIds.includes(c.id));
    const amount = chosen.reduce((s, c) => s + (c.expectedAmount ?? 0), 0);
    modal.confirm({
      title: `发布公示“${v.title.trim()}”？`,
      width: 560,
      content: (
        <div data-testid="publicity-confirm">
          <p>
            公示 {chosen.length} 项申报，拟奖励合计 {yuan(amount)}：
            {chosen.map((c) => `${c.number} ${c.organization.name}`).join("；")}。
          </p>
          <p>
            自 {v.startDate.format("YYYY-MM-DD")} 起公示
            {v.workingDays ? ` ${v.workingDays} 个工作日` : "，工作日数按系统设置"}
            （遇节假日顺延）。发布后名单即在公示页面向公众公开，不能撤回。
          </p>
        </div>
      ),
      okText: "确认发布",
      cancelText: "取消",
      okButtonProps: { "data-testid": "action-confirm" } as Record<string, string>,
      onOk: () => send(v),
    });
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
          loading={publish.isPending}
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
            {cases.isPending || !cases.data ? (
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
  return <StateTag state={outcome} name={ENTRY_OUTCOMES[outcome] ?? outcome} />;
}

export function PublicityBatchPage() {
  const { id = "" } = useParams();
  const detail = $api.useQuery("get", "/api/v1/public/publicity/{id}", {
    params: { path: { id } },
  });
  const projects = detail.data?.kind === "projects";
  const caseObjections = $api.useQuery(
    "get",
    "/api/v1/publicity/{id}/objections",
    { params: { path: { id } } },
    { enabled: detail.data !== undefined && !projects },
  );
  const projectObjections = $api.useQuery(
    "get",
    "/api/v1/project-publicity/{id}/objections",
    { params: { path: { id } } },
    { enabled: detail.data !== undefined && projects },
  );
  const objections: {
    data: { items: Objection[] } | undefined;
    error: unknown;
    isPending: boolean;
  } = projects ? projectObjections : caseObjections;
  usePageTitle(detail.data ? `公示 ${detail.data.number}` : undefined);
  return (
    <QueryView query={detail}>
      {(batch) => (
        <QueryView query={objections}>
          {(o) => <BatchView batch={batch} objections={o.items} reload={() => void refetchAll()} />}
        </QueryView>
      )}
    </QueryView>
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
  const heldBy = new Set(openObjections.map(subjectOf));
  const projects = batch.kind === "projects";
  const labelOf = (o: Objection) => {
    if (projects) {
      const p = batch.projects.find((e) => e.proposalId === subjectOf(o));
      return p ? `${p.number} ${p.organization}` : subjectOf(o);
    }
    const e = batch.entries.find((x) => x.applicationId === subjectOf(o));
    return e ? `${e.number} ${e.organization}` : subjectOf(o);
  };

  const award = async (entry: CaseEntry) => {
    setAwarding(entry.applicationId);
    try {
      const { data: a } = await fetchClient.POST("/api/v1/applications/{id}/award", {
        params: { path: { id: entry.applicationId } },
        headers: { "idempotency-key": key.keyFor({ award: entry.applicationId }) },
      });
      key.done();
      if (a) message.success(`${entry.number} 已转为奖励 ${a.number}（${yuan(a.amount)}）`);
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
            <Tag color={projects ? "purple" : "blue"}>{kindName(batch.kind)}</Tag>
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
                      <StateTag state={o.state} name={OBJECTION_STATES[o.state] ?? o.state} />
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
      const body = { outcome: v.outcome, resolution: v.resolution.trim() };
      const params = { path: { id: objection.id } };
      if (projects)
        await fetchClient.POST("/api/v1/project-objections/{id}/resolve", { params, body });
      else await fetchClient.POST("/api/v1/objections/{id}/resolve", { params, body });
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
