/**
 * What the enterprise portal and the review workbench share: the API's shapes (types only from
 * the server), the policy catalog, the claim form generated from an item's fact specs, the
 * engine's decision and trace, the case's timeline and its evidence (list, viewer, upload).
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useRef, useState } from "react";
import { applicationInputSchema } from "../../../../src/applications/application-input.ts";
import { fundingName } from "../../../../src/applications/present.ts";
import { ROLE_NAMES, type Role } from "../../../../src/auth/roles.ts";
import { factValueText } from "../../../../src/policy/conditions.ts";
import { $api, fetchClient, queryClient } from "../../api/client.ts";
import type { Body, Schema } from "../../api/types.ts";
import { upload } from "../../api.ts";
import { beijingTime, StateTag, yuan, zodRule } from "../../components/common.tsx";

export type ApplicationView = Schema<"Application">;
export type ApplicationDetail = Schema<"ApplicationDetail">;
type EventView = Schema<"CaseEvent">;
type EvidenceView = Schema<"Evidence">;
export type CatalogItem = Schema<"CatalogItem">;
export type PolicySummary = Schema<"PolicySummary">;
export type Decision = Schema<"EngineDecision">;
type TraceStep = NonNullable<Decision["trace"]>[number];

// ---------------------------------------------------------------------------------------------
// The catalog of the policy in force (read once, kept for the session).

export interface Catalog {
  policy: PolicySummary;
  items: CatalogItem[];
  byId: Map<string, CatalogItem>;
}

const catalogQuery = queryOptions({
  queryKey: ["catalog", "current"],
  staleTime: Number.POSITIVE_INFINITY,
  queryFn: async ({ signal }): Promise<Catalog> => {
    const { data: list } = await fetchClient.GET("/api/v1/policies", { signal });
    const { data } = await fetchClient.GET("/api/v1/policies/{id}/items", {
      params: { path: { id: list?.current ?? "" } },
      signal,
    });
    if (!data) throw new Error("政策目录为空");
    return { ...data, byId: new Map(data.items.map((i) => [i.id, i])) };
  },
});

/** The catalog of the policy in force, as a query (one read shared by every page). */
export function useCatalog() {
  return useQuery(catalogQuery);
}

export function itemLabel(item: { item: string; itemTitle: string | null }): string {
  return item.itemTitle ? `${item.item} ${item.itemTitle}` : item.item;
}

/** "名称（县）", unless the name already says the county. */
export function orgText(org: { name: string; county: string }): string {
  return org.name.includes(org.county) ? org.name : `${org.name}（${org.county}）`;
}

/** An item's facts as the user reads them: "已经市级备案：是；证书情形：首张认证证书". */
function factsText(item: CatalogItem | undefined, facts: Record<string, unknown>): ReactNode {
  const entries = Object.entries(facts);
  if (entries.length === 0) return "—";
  return (
    <Space orientation="vertical" size={0}>
      {entries.map(([name, value]) => {
        const spec = item?.facts.find((f) => f.name === name)?.spec;
        return (
          <span key={name}>
            {spec?.label ?? name}：{factValueText(spec, value)}
          </span>
        );
      })}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------
// The claim form: subject, project, event date and the item's facts.

export interface ClaimFormValues {
  item?: string;
  subject?: string;
  project?: string | null;
  eventDate?: Dayjs | null;
  facts?: Record<string, boolean | number | string | null | undefined>;
}

/** What the filing form sends: the new application's body. */
type ClaimPayload = Body<"/api/v1/applications">;

export function toPayload(values: ClaimFormValues, item: string): ClaimPayload {
  const facts: Record<string, boolean | number | string> = {};
  for (const [k, v] of Object.entries(values.facts ?? {}))
    if (v !== undefined && v !== null && v !== "") facts[k] = v;
  const project = values.project?.trim();
  return {
    item,
    subject: values.subject ?? "",
    project: project ? project : null,
    eventDate: values.eventDate ? values.eventDate.format("YYYY-MM-DD") : "",
    facts,
  };
}

export function toFormValues(app: ApplicationView): ClaimFormValues {
  return {
    item: app.item,
    subject: app.subject,
    project: app.project,
    eventDate: dayjs(app.eventDate),
    facts: app.facts as ClaimFormValues["facts"],
  };
}

const shape = applicationInputSchema.shape;

/** A zod check for a value the user typed; an empty box is left to the `required` rule. */
function whenFilled(schema: Parameters<typeof zodRule>[0]) {
  const rule = zodRule(schema);
  return {
    validator: async (r: unknown, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      await rule.validator(r, value);
    },
  };
}

const eventDateRule = {
  validator: async (_: unknown, value: Dayjs | null | undefined) => {
    if (!value) throw new Error("请选择事件日期");
    const result = shape.eventDate.safeParse(value.format("YYYY-MM-DD"));
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? "日期无效");
    if (value.isAfter(dayjs(), "day")) throw new Error("事件日期不能晚于今天");
  },
};

/** Subject, project, event date and a field for each fact the item asks for. */
export function ClaimFields({ item, policy }: { item: CatalogItem; policy?: PolicySummary }) {
  return (
    <>
      <Form.Item
        name="subject"
        label="奖励对象"
        tooltip="证书编号、标准编号、奖项名称、实验室或平台名称等；同一项目与对象只奖励一次"
        rules={[{ required: true, message: "请填写奖励对象" }, whenFilled(shape.subject)]}
        extra={`本项奖励对象：${item.beneficiary}。请写明证书编号、标准号或认定文件名称，便于查重。`}
      >
        <Input
          data-testid="field-subject"
          maxLength={500}
          placeholder="如：品字标认证证书 ZJM-2024-0001"
        />
      </Form.Item>
      <Form.Item
        name="project"
        label="所属项目（可选）"
        rules={[whenFilled(shape.project)]}
        extra="同一项目符合多项奖励的，按最先申报的一项奖励（五、附则）；不属于同一项目的请留空。"
      >
        <Input data-testid="field-project" maxLength={200} placeholder="如：质量奖-2024" />
      </Form.Item>
      <Form.Item
        name="eventDate"
        label="事件日期"
        required
        rules={[eventDateRule]}
        extra={
          policy
            ? `获奖、认定、发布或通过验收的日期，须在政策施行期 ${policy.effective} 至 ${policy.expires} 之内`
            : "获奖、认定、发布或通过验收的日期"
        }
      >
        <DatePicker
          data-testid="field-eventDate"
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
        />
      </Form.Item>
      {item.facts.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          以下情况由政策引擎据以核定，请如实填写（须有证明材料）：
        </Typography.Paragraph>
      )}
      {item.facts.map(({ name, spec }) => (
        <Form.Item
          key={name}
          name={["facts", name]}
          label={spec.label}
          rules={[{ required: true, message: `请填写“${spec.label}”` }]}
        >
          {spec.type === "boolean" ? (
            <Radio.Group data-testid={`fact-${name}`}>
              <Radio value={true}>是</Radio>
              <Radio value={false}>否</Radio>
            </Radio.Group>
          ) : spec.type === "enum" ? (
            <Select
              data-testid={`fact-${name}`}
              style={{ maxWidth: 360 }}
              placeholder="请选择"
              options={Object.entries(spec.values).map(([value, label]) => ({ value, label }))}
            />
          ) : (
            <InputNumber
              data-testid={`fact-${name}`}
              min={0}
              precision={0}
              style={{ width: 160 }}
            />
          )}
        </Form.Item>
      ))}
    </>
  );
}

/** The item, clause, amount and conditions of a catalog item, in one block. */
export function ItemSummary({ item }: { item: CatalogItem }) {
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        { key: "t", label: "奖励项目", children: `${item.id} ${item.title}`, span: 2 },
        { key: "c", label: "条款", children: item.clause },
        { key: "a", label: "奖励金额", children: yuan(item.amountYuan) },
        { key: "b", label: "奖励对象", children: item.beneficiary },
        { key: "f", label: "资金承担", children: item.funding.text },
        {
          key: "k",
          label: "奖励条件",
          span: 2,
          children:
            item.conditions.length === 0
              ? "本项无附加条件"
              : item.conditions.map((c) => c.text).join("；"),
        },
        ...(item.cap
          ? [
              {
                key: "cap",
                label: "累计上限",
                span: 2,
                children: `${item.cap.title}：${yuan(item.cap.limitYuan)}（${item.cap.ref}）`,
              },
            ]
          : []),
        ...(item.windows.length > 0
          ? [
              {
                key: "w",
                label: "申报窗口",
                span: 2,
                children: item.windows
                  .map((w) => `${w.label}：${w.start} 至 ${w.end}（${w.ref}）`)
                  .join("；"),
              },
            ]
          : []),
        ...(item.note ? [{ key: "n", label: "说明", span: 2, children: item.note }] : []),
      ]}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// The engine's decision and its trace.

// The engine's words for its own codes (src/policy/types.ts names none of them).
const STATUS_TEXT: Record<Decision["status"], { text: string; color: string }> = {
  granted: { text: "予以核定", color: "success" },
  partial: { text: "部分核定", color: "warning" },
  refused: { text: "不予核定", color: "error" },
};

const CHECK_NAMES: Record<TraceStep["check"], string> = {
  catalog: "奖励项目",
  validity: "施行期与申报窗口",
  conditions: "奖励条件",
  payOnce: "同一项目与对象只奖一次",
  sameProject: "同一项目不重复奖励",
  cap: "累计上限",
  funding: "资金承担",
};

const OUTCOME: Record<TraceStep["outcome"], { text: string; color: string }> = {
  pass: { text: "通过", color: "success" },
  fail: { text: "不通过", color: "error" },
  partial: { text: "部分", color: "warning" },
  skipped: { text: "未检查", color: "default" },
};

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/**
 * One check of the trace as a sentence. The cap is named by its title and its sums are written
 * from the check's figures (the engine's own sentence has neither); the others are the engine's
 * sentence as it wrote it. The raw inputs are never shown.
 */
function traceSentence(t: TraceStep, capTitles: ReadonlyMap<string, string>): string {
  if (t.check === "cap" && t.outcome !== "skipped" && typeof t.inputs.cap === "string") {
    const title = capTitles.get(t.inputs.cap) ?? "累计奖励上限";
    const limit = num(t.inputs.limit) ?? 0;
    const used = num(t.inputs.used) ?? 0;
    const amount = num(t.inputs.amount) ?? 0;
    const head = `${title}为每家企业 ${yuan(limit)}，此前已核定 ${yuan(used)}`;
    if (t.outcome === "pass")
      return `${head}，加本项 ${yuan(amount)} 共 ${yuan(used + amount)}，未超过上限`;
    if (t.outcome === "partial")
      return `${head}，本项 ${yuan(amount)} 按剩余额度核定 ${yuan(Math.max(0, limit - used))}`;
    return `${head}，额度已用完，本项不予核定`;
  }
  return t.detail;
}

function useCapTitles(): ReadonlyMap<string, string> {
  const catalog = useCatalog();
  return new Map((catalog.data?.policy.caps ?? []).map((c) => [c.id, c.title]));
}

export function DecisionView({
  decision,
  county,
  testId,
  title,
  compact = false,
}: {
  decision: Decision;
  /**
   * The organization's county, which names a county's share (按属地). The decision's own funding
   * is shown, not the case's: a preview or an earlier step may differ, and the calculator has no
   * case.
   */
  county?: string;
  testId?: string;
  title?: ReactNode;
  /** For a narrow column: the trace as a list rather than a table. */
  compact?: boolean;
}) {
  const status = STATUS_TEXT[decision.status];
  const screens = Grid.useBreakpoint();
  // A phone reads the trace as a list whatever the column.
  const asList = compact || screens.md === false;
  return (
    <div data-testid={testId} data-status={decision.status} data-amount={decision.amountYuan}>
      {title}
      <Space size={compact ? 20 : 32} wrap style={{ marginBottom: 12 }}>
        <div>
          <Typography.Text type="secondary">结论</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Tag color={status.color} data-testid="decision-status" style={{ fontSize: 14 }}>
              {status.text}
            </Tag>
          </div>
        </div>
        <Statistic
          title="核定金额"
          value={decision.amountYuan}
          suffix="元"
          styles={{ content: { fontSize: 22 } }}
          data-testid="decision-amount"
        />
        <div>
          <Typography.Text type="secondary">资金承担</Typography.Text>
          <div style={{ marginTop: 4 }}>
            {fundingName(decision.fundingSource, county ?? "县（市、区）") ?? "—"}
          </div>
        </div>
        <div>
          <Typography.Text type="secondary">依据条款</Typography.Text>
          <div style={{ marginTop: 4 }}>{decision.clause ?? "—"}</div>
        </div>
      </Space>
      {decision.reasons.length > 0 && (
        <Alert
          type={decision.status === "refused" ? "error" : "warning"}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="decision-reasons"
          title="原因"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {decision.reasons.map((r) => (
                <li key={`${r.code}:${r.message}`}>{r.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {decision.trace &&
        decision.trace.length > 0 &&
        (asList ? <TraceList trace={decision.trace} /> : <TraceTable trace={decision.trace} />)}
    </div>
  );
}

/** The trace as a list: one line per check, its sentence below. */
export function TraceList({ trace }: { trace: readonly TraceStep[] }) {
  const caps = useCapTitles();
  return (
    <div data-testid="decision-trace">
      {trace.map((t, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: the trace is a fixed sequence of checks
          key={i}
          data-testid="trace-step"
          style={{
            display: "flex",
            gap: 8,
            padding: "6px 0",
            borderBottom: i < trace.length - 1 ? "1px solid #f0f0f0" : undefined,
          }}
        >
          <Tag color={OUTCOME[t.outcome].color} style={{ marginTop: 1, height: 22 }}>
            {OUTCOME[t.outcome].text}
          </Tag>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{CHECK_NAMES[t.check]}</Typography.Text>
            {t.clause && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t.clause}
              </Typography.Text>
            )}
            <div>{traceSentence(t, caps)}</div>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The trace as a table: the check, its clause, its outcome and its sentence. */
function TraceTable({ trace }: { trace: readonly TraceStep[] }) {
  const caps = useCapTitles();
  return (
    <Table<TraceStep & { key: number }>
      size="small"
      pagination={false}
      data-testid="decision-trace"
      dataSource={trace.map((t, i) => ({ ...t, key: i }))}
      onRow={() => ({ "data-testid": "trace-step" }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: "核查",
          dataIndex: "check",
          width: 150,
          render: (c: TraceStep["check"]) => CHECK_NAMES[c],
        },
        { title: "条款", dataIndex: "clause", width: 100, render: (c: string | null) => c ?? "—" },
        {
          title: "结果",
          dataIndex: "outcome",
          width: 80,
          render: (o: TraceStep["outcome"]) => (
            <Tag color={OUTCOME[o].color}>{OUTCOME[o].text}</Tag>
          ),
        },
        { title: "说明", key: "detail", render: (_, t) => traceSentence(t, caps) },
      ]}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// The case: timeline and evidence.

const ACTION_COLORS: Record<string, string> = {
  submit: "blue",
  accept: "blue",
  approve: "green",
  return: "orange",
  reject: "red",
  withdraw: "gray",
};

/** Who acted when no person did: the scheduled jobs, or a member of the public (an objection). */
const ACTING_NAMES: Record<string, string> = { system: "系统", public: "社会公众" };

/** The case's steps, oldest first: who did what, when, with which comment and amount. */
export function EventTimeline({ detail }: { detail: ApplicationDetail }) {
  const app = detail.application;
  // Cases drafted before creation was a recorded step have no such step: show it from the date.
  // An offer (免申即享) begins with its own step.
  const createdStep = detail.events.some(
    (e) => e.record === "application" && (e.action === "create" || e.action === "offer"),
  );
  const items = [
    ...(createdStep
      ? []
      : [
          {
            key: "created",
            color: "gray",
            content: (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {beijingTime(app.createdAt)}
                </Typography.Text>
                <div>创建草稿</div>
              </>
            ),
          },
        ]),
    ...detail.events.map((e) => ({
      key: e.key,
      color: e.record === "application" ? (ACTION_COLORS[e.action] ?? "blue") : "green",
      content: (
        <div
          data-testid={
            e.record === "application" ? `event-${e.seq}` : `event-${e.record}-${e.action}`
          }
        >
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {beijingTime(e.createdAt)}
            </Typography.Text>
          </div>
          <Space wrap size={4}>
            <Typography.Text strong>
              {e.record === "application" ? e.actionName : `${e.recordTitle}：${e.actionName}`}
            </Typography.Text>
            <Typography.Text type="secondary">
              {e.fromStateName ?? "—"} → {e.toStateName}
            </Typography.Text>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {ROLE_NAMES[e.actorRole as Role] ?? ACTING_NAMES[e.actorRole] ?? e.actorRole}
              {e.actorName ? `：${e.actorName}` : ""}
            </Typography.Text>
          </div>
          {e.amount !== null && (
            <div>
              <Typography.Text type="secondary">
                {e.record === "application" ? "政策引擎核定" : "金额"} {yuan(e.amount)}
              </Typography.Text>
            </div>
          )}
          {e.comment && (
            <div
              style={{
                marginTop: 4,
                padding: "4px 8px",
                background: "#fafafa",
                borderLeft: "3px solid #d9d9d9",
              }}
            >
              意见：{e.comment}
            </div>
          )}
        </div>
      ),
    })),
  ];
  return <Timeline data-testid="case-timeline" items={items} />;
}

function evidenceUrl(applicationId: string, evidenceId: string): string {
  return `/api/v1/applications/${applicationId}/evidence/${evidenceId}`;
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const MIME_TEXT: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
};

export function EvidenceTable({
  applicationId,
  evidence,
  selected,
  onSelect,
  onDelete,
}: {
  applicationId: string;
  evidence: EvidenceView[];
  selected?: string | null;
  onSelect?: (e: EvidenceView) => void;
  /** Offered while the case is a draft or returned: deletes a file after a confirmation. */
  onDelete?: (e: EvidenceView) => Promise<unknown>;
}) {
  return (
    <Table<EvidenceView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={evidence}
      data-testid="evidence-list"
      locale={{ emptyText: <Typography.Text type="secondary">尚未上传证明材料</Typography.Text> }}
      rowClassName={(e) => (e.id === selected ? "ant-table-row-selected" : "")}
      onRow={(e) =>
        ({
          "data-testid": `evidence-row-${e.id}`,
          onClick: onSelect ? () => onSelect(e) : undefined,
          style: onSelect ? { cursor: "pointer" } : undefined,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: "文件",
          dataIndex: "name",
          render: (name: string, e) => (
            <a
              href={evidenceUrl(applicationId, e.id)}
              target="_blank"
              rel="noreferrer"
              onClick={(ev) => ev.stopPropagation()}
              data-testid="evidence-link"
            >
              {name}
            </a>
          ),
        },
        { title: "类型", dataIndex: "mime", width: 70, render: (m: string) => MIME_TEXT[m] ?? m },
        { title: "大小", dataIndex: "size", width: 90, render: (s: number) => fileSize(s) },
        { title: "上传时间", dataIndex: "createdAt", width: 170, render: beijingTime },
        ...(onDelete
          ? [
              {
                title: "操作",
                key: "delete",
                width: 80,
                render: (_: unknown, e: EvidenceView) => (
                  <Popconfirm
                    title="删除证明材料"
                    description={`确定删除“${e.name}”？删除后如需要须重新上传。`}
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true, "data-testid": "evidence-delete-confirm" }}
                    onConfirm={() => onDelete(e)}
                  >
                    <Button
                      size="small"
                      type="link"
                      danger
                      aria-label={`删除 ${e.name}`}
                      onClick={(ev) => ev.stopPropagation()}
                      data-testid="evidence-delete"
                    >
                      删除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Deletes a piece of evidence of a draft or returned case, then reads the case again. */
export async function deleteEvidence(applicationId: string, evidenceId: string): Promise<void> {
  await fetchClient.DELETE("/api/v1/applications/{id}/evidence/{evidenceId}", {
    params: { path: { id: applicationId, evidenceId } },
  });
  await queryClient.invalidateQueries({
    queryKey: $api.queryOptions("get", "/api/v1/applications/{id}", {
      params: { path: { id: applicationId } },
    }).queryKey,
  });
}

/** Shows one piece of evidence in the page: PDF in a frame, images inline. */
export function EvidenceViewer({
  applicationId,
  evidence,
  height = 560,
}: {
  applicationId: string;
  evidence: EvidenceView;
  height?: number;
}) {
  const src = evidenceUrl(applicationId, evidence.id);
  if (evidence.mime.startsWith("image/"))
    return (
      <div
        style={{ height, overflow: "auto", background: "#f5f5f5", textAlign: "center" }}
        data-testid="evidence-viewer"
      >
        <img src={src} alt={evidence.name} style={{ maxWidth: "100%" }} />
      </div>
    );
  return (
    <iframe
      data-testid="evidence-viewer"
      title={evidence.name}
      src={`${src}#view=FitH&navpanes=0`}
      style={{ width: "100%", height, border: "1px solid #f0f0f0" }}
    />
  );
}

const ACCEPTED = ["application/pdf", "image/jpeg", "image/png"];
const ACCEPTED_EXT = /\.(pdf|jpe?g|png)$/i;

interface UploadRow {
  key: string;
  name: string;
  percent: number;
  status: "uploading" | "done" | "error";
  error?: string;
}

/**
 * Picks PDF/JPEG/PNG files and uploads them one by one with progress. The input itself carries
 * `data-testid="evidence-input"` so tests can set files on it.
 */
export function EvidenceUploader({
  applicationId,
  onUploaded,
  disabled,
}: {
  applicationId: string;
  onUploaded: (e: EvidenceView) => void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = rows.some((r) => r.status === "uploading");
  const patch = (key: string, p: Partial<UploadRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));

  async function send(files: File[]) {
    const queued = files.map((f, i) => ({
      file: f,
      row: {
        key: `${Date.now()}-${i}-${f.name}`,
        name: f.name,
        percent: 0,
        status: "uploading" as const,
      },
    }));
    setRows((rs) => [...queued.map((q) => q.row), ...rs]);
    for (const { file, row } of queued) {
      if (!(ACCEPTED.includes(file.type) || ACCEPTED_EXT.test(file.name))) {
        patch(row.key, { status: "error", error: "只接受 PDF、JPEG 或 PNG 文件" });
        continue;
      }
      try {
        const e = await upload<EvidenceView>(
          `/api/v1/applications/${applicationId}/evidence`,
          file,
          (percent) => patch(row.key, { percent }),
        );
        patch(row.key, { status: "done", percent: 100 });
        onUploaded(e);
      } catch (err) {
        patch(row.key, { status: "error", error: (err as Error).message });
      }
    }
  }

  return (
    <div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone; the button inside is the keyboard path */}
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (!disabled && !busy) void send([...e.dataTransfer.files]);
        }}
        style={{
          border: `1px dashed ${dragging ? "#1661ab" : "#d9d9d9"}`,
          borderRadius: 8,
          padding: 20,
          textAlign: "center",
          background: dragging ? "#e6f0fa" : "#fafafa",
        }}
      >
        <input
          ref={input}
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          data-testid="evidence-input"
          style={{ display: "none" }}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            if (files.length > 0) void send(files);
          }}
        />
        <Button
          type="primary"
          ghost
          disabled={disabled || busy}
          loading={busy}
          onClick={() => input.current?.click()}
          data-testid="evidence-pick"
        >
          选择文件上传
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          或把文件拖到此处。接受 PDF、JPEG、PNG（按文件内容识别），可一次选择多个文件。
        </Typography.Paragraph>
      </div>
      {rows.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="upload-progress">
          {rows.map((r) => (
            <div key={r.key} style={{ display: "flex", alignItems: "center", gap: 12 }}>
              <span
                style={{
                  width: 260,
                  overflow: "hidden",
                  textOverflow: "ellipsis",
                  whiteSpace: "nowrap",
                }}
                title={r.name}
              >
                {r.name}
              </span>
              <Progress
                style={{ flex: 1, margin: 0 }}
                percent={r.percent}
                size="small"
                status={
                  r.status === "error" ? "exception" : r.status === "done" ? "success" : "active"
                }
              />
              {r.error && (
                <Typography.Text type="danger" style={{ maxWidth: 360 }}>
                  {r.error}
                </Typography.Text>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The facts of a case as a Descriptions block. */
export function CaseDescriptions({
  app,
  item,
  extra = [],
}: {
  app: ApplicationView;
  item: CatalogItem | undefined;
  extra?: { key: string; label: string; children: ReactNode; span?: number }[];
}) {
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={[
        { key: "item", label: "奖励项目", children: itemLabel(app), span: 2 },
        { key: "clause", label: "条款", children: app.clause ?? "—" },
        {
          key: "state",
          label: "状态",
          children: <StateTag state={app.state} name={app.stateName} />,
        },
        { key: "subject", label: "奖励对象", children: app.subject, span: 2 },
        { key: "project", label: "所属项目", children: app.project ?? "—" },
        { key: "eventDate", label: "事件日期", children: app.eventDate },
        { key: "facts", label: "申报情况", children: factsText(item, app.facts), span: 2 },
        {
          key: "amount",
          label: "预计金额",
          children: app.expectedAmount === null ? "提交后由政策引擎核定" : yuan(app.expectedAmount),
        },
        {
          key: "funding",
          label: "资金承担",
          children: app.fundingSourceName ?? "—",
        },
        { key: "submittedAt", label: "首次提交", children: beijingTime(app.submittedAt) },
        { key: "updatedAt", label: "最近更新", children: beijingTime(app.updatedAt) },
        ...extra,
      ]}
    />
  );
}

/** The latest decision the engine stored with a step of the case, if any. */
export function lastStoredDecision(detail: ApplicationDetail): EventView | null {
  for (let i = detail.events.length - 1; i >= 0; i--) {
    const e = detail.events[i];
    if (e?.decision) return e;
  }
  return null;
}
