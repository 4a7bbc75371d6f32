import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useRef, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import { $api, fetchClient, queryClient } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { upload } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  beijingTime,
  bytes,
  EmptyHint,
  QueryView,
  usePageTitle,
} from "../../components/common.tsx";
import { DownloadButton, ExportButton } from "../../components/filters.tsx";

type Report = Schema<"RosterReport">;
type ReportRow = Report["rows"][number];
type StoredRow = Schema<"StoredRosterRow">;
type Outcome = ReportRow["outcome"];

export const OUTCOME_NAMES: Record<Outcome, string> = {
  matched: "已匹配",
  needsReview: "待核对名称",
  unmatched: "未注册",
  invalid: "无效",
  duplicate: "重复",
};
const OUTCOME_COLORS: Record<Outcome, string> = {
  matched: "green",
  needsReview: "gold",
  unmatched: "blue",
  invalid: "red",
  duplicate: "default",
};
const OUTCOMES = Object.keys(OUTCOME_NAMES) as Outcome[];

/** A table's pagination over a page of stored rows the server answered. */
function pageOf(
  d: { page: number; pageSize: number; total: number },
  setPage: (p: number) => void,
) {
  return {
    current: d.page,
    pageSize: d.pageSize,
    total: d.total,
    onChange: setPage,
    showSizeChanger: false,
  };
}

function OutcomeTag({ outcome }: { outcome: Outcome }) {
  return <Tag color={OUTCOME_COLORS[outcome]}>{OUTCOME_NAMES[outcome]}</Tag>;
}

const invalidate = () =>
  Promise.all(
    ["/api/v1/rosters/imports", "/api/v1/rosters/rows"].map((path) =>
      queryClient.invalidateQueries({
        queryKey: $api.queryOptions("get", path as "/api/v1/rosters/imports").queryKey.slice(0, 2),
      }),
    ),
  );

/**
 * 免申即享: the city imports the official rosters (a dry run first, every row classified, then the
 * import that makes the offers), confirms or rejects the name matches, and keeps the history of
 * imports; the counties list the unregistered organizations in the rosters to invite them.
 */
export function RostersPage() {
  usePageTitle("免申即享");
  const { user } = useAuth();
  const city = user?.role === "city_official";
  const [params, setParams] = useSearchParams();
  const tabs = [
    ...(city
      ? [
          { key: "import", label: "导入名单", children: <ImportTab /> },
          { key: "review", label: "名称核对", children: <NameMatchesTab /> },
        ]
      : []),
    { key: "unregistered", label: "未注册企业", children: <UnregisteredTab /> },
    { key: "history", label: "导入记录", children: <HistoryTab /> },
  ];
  const active = tabs.some((t) => t.key === params.get("tab"))
    ? (params.get("tab") as string)
    : (tabs[0]?.key ?? "unregistered");
  return (
    <div>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        免申即享
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        将官方名单（“品字标”证书、政府质量奖、标准、CNAS
        实验室、绿色产品认证）与已注册企业比对：已匹配且政策引擎核定的，生成待确认奖励，企业确认后进入县级初审；未注册的按县（市、区）列出，供邀请注册。
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={tabs}
      />
    </div>
  );
}

// ── 导入名单 ─────────────────────────────────────────────────────────────────

function ImportTab() {
  const { message } = App.useApp();
  const kinds = $api.useQuery("get", "/api/v1/rosters/kinds");
  const [kind, setKind] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const chosen = kinds.data?.items.find((k) => k.id === kind);

  const send = async (dryRun: boolean) => {
    if (!kind || !file) return;
    setBusy(dryRun ? "preview" : "import");
    setError(null);
    try {
      const report = await upload<Report>(
        `/api/v1/rosters/imports?kind=${encodeURIComponent(kind)}&dryRun=${dryRun}`,
        file,
      );
      if (dryRun) {
        setPreview(report);
        setDone(null);
      } else {
        setDone(report);
        setPreview(null);
        await invalidate();
        message.success(`已导入名单 ${report.import?.number ?? ""}`);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <Card title="1. 选择名单类型与文件" data-testid="roster-upload">
        <Space direction="vertical" style={{ width: "100%" }}>
          <Select
            placeholder="名单类型"
            aria-label="名单类型"
            style={{ width: "100%", maxWidth: 420 }}
            value={kind}
            loading={kinds.isLoading}
            data-testid="roster-kind"
            onChange={(v) => {
              setKind(v);
              setPreview(null);
              setDone(null);
            }}
            options={(kinds.data?.items ?? []).map((k) => ({ value: k.id, label: k.title }))}
          />
          {chosen && (
            <Typography.Text type="secondary">
              表头：{chosen.headers.join("、")}。发布机构：{chosen.publisher}（{chosen.ref}）。
            </Typography.Text>
          )}
          {kind && (
            <DownloadButton
              path={`/api/v1/rosters/kinds/${encodeURIComponent(kind)}/template`}
              testId="roster-template"
              onError={(m) => message.error(m)}
            >
              下载导入模板（.xlsx）
            </DownloadButton>
          )}
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-label="名单文件（.xlsx 或 .csv）"
            data-testid="roster-file"
            // The browser's own control speaks the browser's language: the button below stands
            // for it.
            style={{ display: "none" }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setDone(null);
            }}
          />
          <Space wrap>
            <Button onClick={() => input.current?.click()} data-testid="roster-file-pick">
              选择文件（.xlsx 或 .csv）
            </Button>
            <Typography.Text type="secondary" data-testid="roster-file-name">
              {file ? `${file.name}（${bytes(file.size)}）` : "未选择文件"}
            </Typography.Text>
          </Space>
          <Button
            type="primary"
            disabled={!kind || !file}
            loading={busy === "preview"}
            onClick={() => void send(true)}
            data-testid="roster-preview"
          >
            预览（不写入）
          </Button>
          {error && <Alert type="error" showIcon title={error} data-testid="roster-error" />}
        </Space>
      </Card>
      {preview && (
        <Card
          title="2. 预览结果"
          style={{ marginTop: 16 }}
          data-testid="roster-report"
          extra={
            <Popconfirm
              title="确认导入该名单？"
              description={`将为已匹配且政策引擎核定的 ${preview.counts.matched} 行生成待确认奖励，并通知企业。`}
              okText="导入"
              cancelText="取消"
              onConfirm={() => send(false)}
              okButtonProps={{ "data-testid": "roster-import-ok" } as Record<string, string>}
            >
              <Button
                type="primary"
                loading={busy === "import"}
                disabled={preview.counts.rows === 0}
                data-testid="roster-import"
              >
                确认导入
              </Button>
            </Popconfirm>
          }
        >
          <ReportView report={preview} />
        </Card>
      )}
      {done && (
        <Card title="导入完成" style={{ marginTop: 16 }} data-testid="roster-done">
          <Alert
            type="success"
            showIcon
            title={`名单 ${done.import?.number ?? ""}：生成待确认奖励 ${done.counts.offers} 项，政策引擎不予核定 ${done.counts.refused} 行，待核对名称 ${done.counts.needsReview} 行，未注册 ${done.counts.unmatched} 行。`}
            style={{ marginBottom: 12 }}
          />
          <ReportView report={done} />
        </Card>
      )}
    </div>
  );
}

/** The counts and the rows of a dry run or an import, filtered by outcome, with a CSV export. */
function ReportView({ report }: { report: Report }) {
  const [outcome, setOutcome] = useState<Outcome | "all">("all");
  const rows = outcome === "all" ? report.rows : report.rows.filter((r) => r.outcome === outcome);
  const c = report.counts;
  const counts: Record<Outcome, number> = {
    matched: c.matched,
    needsReview: c.needsReview,
    unmatched: c.unmatched,
    invalid: c.invalid,
    duplicate: c.duplicates,
  };
  return (
    <div>
      <Space wrap size="large" style={{ marginBottom: 12 }} data-testid="roster-counts">
        <Statistic title="数据行" value={c.rows} />
        {OUTCOMES.map((o) => (
          <Statistic key={o} title={OUTCOME_NAMES[o]} value={counts[o]} />
        ))}
        {report.import && <Statistic title="生成待确认奖励" value={c.offers} />}
        {report.import && <Statistic title="不予核定" value={c.refused} />}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome | "all")}
          options={[
            { value: "all", label: `全部 ${c.rows}` },
            ...OUTCOMES.map((o) => ({ value: o, label: `${OUTCOME_NAMES[o]} ${counts[o]}` })),
          ]}
          data-testid="roster-filter"
        />
        <Button onClick={() => saveCsv(report, rows)} data-testid="roster-csv">
          导出当前筛选（CSV）
        </Button>
      </Space>
      <Table<ReportRow>
        size="small"
        rowKey="row"
        dataSource={rows}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: "行", dataIndex: "row", width: 60 },
          {
            title: "结果",
            dataIndex: "outcome",
            width: 100,
            render: (o: Outcome) => <OutcomeTag outcome={o} />,
          },
          {
            title: "名单所列",
            render: (_, r) => (
              <div>
                <div>{r.name ?? "—"}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.uscc ?? "（无代码）"}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: "匹配组织",
            render: (_, r) =>
              r.organization
                ? `${r.organization.name}（${r.organization.county}）`
                : (r.county ?? "—"),
          },
          { title: "对象", dataIndex: "subject", render: (s: string | null) => s ?? "—" },
          { title: "事件日期", dataIndex: "eventDate", width: 110 },
          {
            title: "说明",
            render: (_, r) =>
              r.decision === "offered" ? (
                <Link to={`/review/${r.application?.id ?? ""}`}>
                  已生成待确认奖励 {r.application?.number}
                </Link>
              ) : r.decision === "refused" ? (
                `不予核定：${r.reason ?? ""}`
              ) : (
                (r.message ?? "")
              ),
          },
        ]}
      />
    </div>
  );
}

/** The rows on screen as a CSV (UTF-8 with BOM, which Excel opens in Chinese). */
function saveCsv(report: Report, rows: readonly ReportRow[]) {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    [
      "行号",
      "结果",
      "名单所列名称",
      "统一社会信用代码",
      "匹配组织",
      "县（市、区）",
      "奖励项目",
      "对象",
      "事件日期",
      "列",
      "说明",
    ],
    ...rows.map((r) => [
      r.row,
      OUTCOME_NAMES[r.outcome],
      r.name,
      r.uscc,
      r.organization?.name,
      r.organization?.county ?? r.county,
      r.item,
      r.subject,
      r.eventDate,
      r.column,
      r.decision === "refused" ? `不予核定：${r.reason ?? ""}` : r.message,
    ]),
  ];
  const text = `\uFEFF${lines.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  a.download = `${report.kind.title}-${report.import ? report.import.number : "预览"}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

// ── 名称核对 ─────────────────────────────────────────────────────────────────

function NameMatchesTab() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const rows = $api.useQuery("get", "/api/v1/rosters/rows", {
    params: { query: { outcome: "needsReview", page, pageSize: 20 } },
  });
  const [rejecting, setRejecting] = useState<StoredRow | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<string | null>(null);

  const review = async (row: StoredRow, decision: "confirm" | "reject", comment?: string) => {
    setBusy(row.id);
    try {
      const { data, error } = await fetchClient.POST("/api/v1/rosters/rows/{id}/review", {
        params: { path: { id: row.id } },
        body: { decision, comment: comment ?? null, version: row.version },
      });
      if (error || !data)
        throw new Error((error as { error?: { message?: string } })?.error?.message ?? "操作失败");
      message.success(
        decision === "reject"
          ? "已否定：该行列入未注册企业"
          : data.decision === "offered"
            ? `已确认：生成待确认奖励 ${data.application?.number ?? ""}`
            : `已确认；政策引擎不予核定：${data.reason ?? ""}`,
      );
      setRejecting(null);
      setReason("");
      await invalidate();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card data-testid="name-matches">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="以下名单记录没有统一社会信用代码或代码未注册，但名称与一个已注册组织完全相同（已统一全半角、空格和括号）。请核对后确认或否定：确认后即按该组织生成待确认奖励；否定须说明理由，该行列入未注册企业。"
      />
      <QueryView
        query={rows}
        empty={(d) => (d.total === 0 ? <EmptyHint text="没有待核对的名称匹配" /> : null)}
      >
        {(d) => (
          <Table<StoredRow>
            size="small"
            rowKey="id"
            dataSource={d.items}
            scroll={{ x: 900 }}
            pagination={pageOf(d, setPage)}
            columns={[
              {
                title: "名单",
                render: (_, r) => `${r.import.number} 第 ${r.row} 行`,
                width: 150,
              },
              {
                title: "名单所列",
                render: (_, r) => (
                  <div>
                    <div>{r.name}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.uscc ?? "（无代码）"}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: "建议匹配的已注册组织",
                render: (_, r) =>
                  r.organization ? (
                    <div>
                      <div>{r.organization.name}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.organization.uscc}（{r.organization.county}）
                      </Typography.Text>
                    </div>
                  ) : (
                    "—"
                  ),
              },
              {
                title: "奖励项目与对象",
                render: (_, r) => `${r.itemTitle ?? r.item ?? ""}：${r.subject ?? ""}`,
              },
              {
                title: "操作",
                width: 140,
                // On a phone the table scrolls; the two buttons stay in view.
                fixed: "right",
                render: (_, r) => (
                  <Space>
                    <Popconfirm
                      title="确认名称匹配？"
                      description={`将按 ${r.organization?.name ?? ""} 生成待确认奖励。`}
                      okText="确认"
                      cancelText="取消"
                      onConfirm={() => review(r, "confirm")}
                      okButtonProps={
                        { "data-testid": "match-confirm-ok" } as Record<string, string>
                      }
                    >
                      <Button
                        size="small"
                        type="primary"
                        loading={busy === r.id}
                        data-testid="match-confirm"
                        aria-label={`确认 ${r.name ?? ""} 即 ${r.organization?.name ?? ""}`}
                      >
                        确认
                      </Button>
                    </Popconfirm>
                    <Button
                      size="small"
                      danger
                      onClick={() => setRejecting(r)}
                      data-testid="match-reject"
                      aria-label={`否定 ${r.name ?? ""} 的名称匹配`}
                    >
                      否定
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <Modal
        open={rejecting !== null}
        title="否定名称匹配"
        okText="否定"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim() === "", loading: busy !== null }}
        onOk={() => rejecting && review(rejecting, "reject", reason.trim())}
        onCancel={() => {
          setRejecting(null);
          setReason("");
        }}
      >
        <Typography.Paragraph>
          {rejecting?.name} 不是 {rejecting?.organization?.name}？请说明理由（将记入审计日志）。
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label="否定理由"
          data-testid="match-reject-reason"
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}

// ── 未注册企业 ───────────────────────────────────────────────────────────────

function UnregisteredTab() {
  const { user } = useAuth();
  const ownCounty = user?.role === "county_official" ? (user.county ?? undefined) : undefined;
  const [county, setCounty] = useState<string | undefined>(ownCounty);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const query = {
    outcome: "unmatched" as const,
    ...(county ? { county } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  };
  const rows = $api.useQuery("get", "/api/v1/rosters/rows", {
    params: { query: { ...query, page, pageSize: 20 } },
  });
  return (
    <Card data-testid="unregistered">
      <Typography.Paragraph type="secondary">
        名单中未在本系统注册的组织，按其统一社会信用代码的登记机关归入县（市、区）。导出的表格另有“待邀请注册的组织”一页，每个组织一行，列出其可享的奖励，供邀请注册。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="县（市、区）"
          placeholder="全部县（市、区）"
          allowClear={!ownCounty}
          disabled={ownCounty !== undefined}
          style={{ width: 180 }}
          value={county}
          onChange={(v) => {
            setCounty(v);
            setPage(1);
          }}
          options={COUNTIES.map((c) => ({ value: c, label: c }))}
          data-testid="unregistered-county"
        />
        <Input.Search
          placeholder="名称或代码"
          aria-label="按名称或统一社会信用代码查找"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <ExportButton
          path="/api/v1/rosters/rows/export"
          query={query}
          testId="unregistered-export"
        />
      </Space>
      <QueryView
        query={rows}
        empty={(d) => (d.total === 0 ? <EmptyHint text="名单中没有未注册的组织" /> : null)}
      >
        {(d) => (
          <Table<StoredRow>
            size="small"
            rowKey="id"
            dataSource={d.items}
            scroll={{ x: 760 }}
            pagination={pageOf(d, setPage)}
            columns={[
              { title: "组织名称", dataIndex: "name" },
              {
                title: "统一社会信用代码",
                dataIndex: "uscc",
                render: (v: string | null) => v ?? "—",
              },
              {
                title: "县（市、区）",
                dataIndex: "county",
                render: (v: string | null) => v ?? "（无法确定）",
              },
              {
                title: "可享奖励（名单所列）",
                render: (_, r) => `${r.itemTitle ?? r.item ?? ""}：${r.subject ?? ""}`,
              },
              { title: "名单", render: (_, r) => `${r.import.number} 第 ${r.row} 行` },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}

// ── 导入记录 ─────────────────────────────────────────────────────────────────

function HistoryTab() {
  const imports = $api.useQuery("get", "/api/v1/rosters/imports");
  const [open, setOpen] = useState<Schema<"RosterImportList">["items"][number] | null>(null);
  return (
    <div>
      <Card data-testid="roster-history">
        <QueryView
          query={imports}
          empty={(d) => (d.items.length === 0 ? <EmptyHint text="尚未导入名单" /> : null)}
        >
          {(d) => (
            <Table
              size="small"
              rowKey="id"
              dataSource={d.items}
              scroll={{ x: 900 }}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                {
                  title: "批次",
                  dataIndex: "number",
                  render: (n: string, r) => (
                    <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>
                      {n}
                    </Button>
                  ),
                },
                { title: "名单", dataIndex: "kindTitle" },
                { title: "文件", dataIndex: "filename" },
                { title: "导入人", dataIndex: "importedBy" },
                {
                  title: "导入时间",
                  dataIndex: "importedAt",
                  render: (t: string) => beijingTime(t),
                },
                { title: "行数", render: (_, r) => r.counts.rows },
                { title: "待确认奖励", render: (_, r) => r.counts.offers },
                {
                  title: "待核对",
                  dataIndex: "pendingReview",
                  render: (n: number) => (n > 0 ? <Tag color="gold">{n}</Tag> : 0),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {open && <ImportRows entry={open} />}
    </div>
  );
}

function ImportRows({ entry }: { entry: Schema<"RosterImportList">["items"][number] }) {
  const [outcome, setOutcome] = useState<Outcome | "all">("all");
  const [page, setPage] = useState(1);
  const query = { importId: entry.id, ...(outcome === "all" ? {} : { outcome }) };
  const rows = $api.useQuery("get", "/api/v1/rosters/rows", {
    params: { query: { ...query, page, pageSize: 20 } },
  });
  return (
    <Card title={`名单 ${entry.number}`} style={{ marginTop: 16 }} data-testid="import-rows">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="名单">{entry.kindTitle}</Descriptions.Item>
        <Descriptions.Item label="文件">
          {entry.filename}（{bytes(entry.size)}）
        </Descriptions.Item>
        <Descriptions.Item label="SHA-256">
          <Typography.Text code style={{ wordBreak: "break-all" }}>
            {entry.sha256}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="导入">
          {entry.importedBy} · {beijingTime(entry.importedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={outcome}
          onChange={(v) => {
            setOutcome(v as Outcome | "all");
            setPage(1);
          }}
          options={[
            { value: "all", label: "全部" },
            ...OUTCOMES.map((o) => ({ value: o, label: OUTCOME_NAMES[o] })),
          ]}
        />
        <ExportButton path="/api/v1/rosters/rows/export" query={query} testId="import-export" />
      </Space>
      <QueryView query={rows}>
        {(d) => (
          <Table<StoredRow>
            size="small"
            rowKey="id"
            dataSource={d.items}
            scroll={{ x: 900 }}
            pagination={pageOf(d, setPage)}
            columns={[
              { title: "行", dataIndex: "row", width: 60 },
              {
                title: "结果",
                dataIndex: "outcome",
                width: 100,
                render: (o: Outcome) => <OutcomeTag outcome={o} />,
              },
              { title: "名单所列名称", dataIndex: "name" },
              {
                title: "组织",
                render: (_, r) => r.organization?.name ?? r.county ?? "—",
              },
              { title: "对象", dataIndex: "subject" },
              {
                title: "处理",
                render: (_, r) =>
                  r.application ? (
                    <Link to={`/review/${r.application.id}`}>{r.application.number}</Link>
                  ) : r.decision === "refused" ? (
                    `不予核定：${r.reason ?? ""}`
                  ) : r.reviewComment ? (
                    `已否定：${r.reviewComment}`
                  ) : (
                    (r.message ?? "")
                  ),
              },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}
