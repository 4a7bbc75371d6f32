import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { $api, fetchClient, queryClient } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { ApiError } from "../../api.ts";
import type { User } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  ErrorAlert,
  QueryView,
  showApiError,
} from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { rowTestId, thisYear } from "./shared.tsx";

/** 县级考核 (四（一）): a year's latest run with every county's explanation, the scheme versions. */

type Rule = Schema<"AssessmentRule">;
type Source = Schema<"AssessmentSource">;
type Indicator = Schema<"AssessmentIndicator">;
type Scheme = Schema<"AssessmentScheme">;
type RunSummary = Schema<"AssessmentRunSummary">;
type Run = Schema<"AssessmentRun">;
type CountyScore = Schema<"AssessmentCountyScore">;
type IndicatorScore = CountyScore["indicators"][number];
type Verification = Schema<"AssessmentRunCheck">;

const READERS = ["county_official", "city_official", "finance", "leader"] as const;

const DIRECTION_NAMES = { higher: "越高越好", lower: "越低越好" } as const;

function ruleText(rule: Rule): string {
  switch (rule.kind) {
    case "relative":
      return "相对最优值（数值 ÷ 最优值 × 权重）";
    case "threshold":
      return `达标得分（阈值 ${rule.threshold}）`;
    case "linear":
      return `区间线性（${rule.min} 得 0 分，${rule.max} 得满分）`;
  }
}

/** Item names of the current policy's catalog, by item id. */
function useItemTitles(): (id: string) => string {
  const policies = $api.useQuery("get", "/api/v1/policies");
  const current = policies.data?.current ?? "";
  const catalog = $api.useQuery(
    "get",
    "/api/v1/policies/{id}/items",
    { params: { path: { id: current } } },
    { enabled: current !== "" },
  );
  const titles = new Map((catalog.data?.items ?? []).map((i) => [i.id, i.title]));
  return (id) => titles.get(id) ?? id;
}

function sourceText(source: Source, itemTitle: (id: string) => string): string {
  switch (source.kind) {
    case "awards":
      return `${source.measure === "count" ? "获奖励项数" : "获奖励金额（元）"}${source.items ? `（${source.items.map(itemTitle).join("、")}）` : ""}`;
    case "targets":
      return `目标贡献${source.targetIds ? `（${source.targetIds.join("、")}）` : "（计数类目标）"}`;
    case "objections_upheld":
      return "公示异议成立数";
    case "review_timeliness":
      return `县级审核 ${source.days} 个工作日内办结率（%）`;
    case "manual":
      return "人工录入";
  }
}

export function AssessmentPage() {
  return <ForRoles roles={READERS}>{(user) => <Assessment user={user} />}</ForRoles>;
}

function Assessment({ user }: { user: User }) {
  const [year, setYear] = useState(thisYear());
  const [runId, setRunId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [entering, setEntering] = useState(false);
  const city = user.role === "city_official";
  const runs = $api.useQuery("get", "/api/v1/assessment/runs", {
    params: { query: { year } },
  });
  const schemes = $api.useQuery("get", "/api/v1/assessment/schemes", {
    params: { query: { year } },
  });
  // Every year's schemes: the starting point of a new year's first version.
  const allSchemes = $api.useQuery("get", "/api/v1/assessment/schemes", {}, { enabled: city });
  const refetchSchemes = () =>
    queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/assessment/schemes"] });
  useEffect(() => {
    setRunId(runs.data?.items[0]?.id ?? null);
  }, [runs.data]);
  const years = Array.from({ length: thisYear() - 2021 }, (_, i) => thisYear() + 1 - i);
  const latestScheme = schemes.data?.items[0] ?? null;
  const manual = latestScheme?.indicators.filter((i) => i.source.kind === "manual") ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            县级考核
          </Typography.Title>
          <Typography.Text type="secondary">
            四（一）：把质量强市建设纳入对县（市、区）政府的目标责任制考核。每次计算保存输入与结果，可随时核对。
          </Typography.Text>
        </Col>
        <Col>
          <Space>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
              aria-label="年度"
              data-testid="assessment-year"
            />
            {city && (
              <>
                <Button onClick={() => setEditing(true)} data-testid="scheme-new">
                  保存新版本方案
                </Button>
                {manual.length > 0 && (
                  <Button onClick={() => setEntering(true)}>录入人工指标</Button>
                )}
                <Button
                  type="primary"
                  onClick={() => setRunning(true)}
                  disabled={!latestScheme}
                  title={latestScheme ? undefined : "该年度还没有考核方案"}
                  data-testid="assessment-run"
                >
                  计算考核
                </Button>
              </>
            )}
          </Space>
        </Col>
      </Row>
      <QueryView
        query={runs}
        empty={(d) =>
          d.items.length === 0 ? (
            <Card>
              <EmptyHint
                text={
                  city
                    ? schemes.data?.items.length
                      ? `${year} 年度还没有考核计算。点击“计算考核”按最新方案计算各县得分。`
                      : `${year} 年度还没有考核方案。先“保存新版本方案”，再“计算考核”。`
                    : `${year} 年度还没有考核结果。市级主管部门计算后将在此显示。`
                }
              />
            </Card>
          ) : null
        }
      >
        {(d) => (
          <RunCard runs={d.items} runId={runId ?? d.items[0]?.id ?? null} onSelect={setRunId} />
        )}
      </QueryView>
      <SchemesCard query={schemes} year={year} city={city} onNew={() => setEditing(true)} />
      {city && (
        <>
          <RunModal
            open={running}
            year={year}
            schemes={schemes.data?.items ?? []}
            onClose={() => setRunning(false)}
            onDone={(id) => {
              setRunning(false);
              void queryClient
                .invalidateQueries({ queryKey: ["get", "/api/v1/assessment/runs"] })
                .then(() => setRunId(id));
            }}
          />
          <SchemeEditor
            open={editing}
            year={year}
            base={latestScheme ?? allSchemes.data?.items[0] ?? null}
            baseVersion={latestScheme?.version}
            onReload={refetchSchemes}
            onClose={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              void refetchSchemes();
            }}
          />
          <ValueModal
            open={entering}
            year={year}
            indicators={manual}
            onClose={() => setEntering(false)}
          />
        </>
      )}
    </Space>
  );
}

function RunCard({
  runs,
  runId,
  onSelect,
}: {
  runs: RunSummary[];
  runId: string | null;
  onSelect: (id: string) => void;
}) {
  const query = $api.useQuery(
    "get",
    "/api/v1/assessment/runs/{id}",
    { params: { path: { id: runId ?? "" } } },
    { enabled: runId !== null },
  );
  const [verification, setVerification] = useState<Verification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const verify = async () => {
    if (!runId) return;
    setVerifying(true);
    setError(null);
    try {
      const { data } = await fetchClient.GET("/api/v1/assessment/runs/{id}/verify", {
        params: { path: { id: runId } },
      });
      setVerification(data ?? null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setVerifying(false);
    }
  };
  const latest = runs[0]?.id === runId;
  return (
    <Card
      title={
        <Space>
          <span>考核结果</span>
          {latest ? <Tag color="blue">最新计算</Tag> : <Tag>历史计算</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          <Select
            value={runId ?? undefined}
            onChange={onSelect}
            style={{ width: 300, maxWidth: "calc(100vw - 140px)" }}
            options={runs.map((r, i) => ({
              value: r.id,
              label: `${beijingTime(r.createdAt)} · 方案第 ${r.schemeVersion} 版${i === 0 ? "（最新）" : ""}`,
            }))}
            aria-label="计算记录"
            data-testid="assessment-runs"
          />
          <Button onClick={verify} loading={verifying} data-testid="assessment-verify">
            核对
          </Button>
        </Space>
      }
    >
      {error && <ErrorAlert error={error} />}
      {verification && (
        <Alert
          style={{ marginBottom: 12 }}
          type={verification.ok ? "success" : "error"}
          showIcon
          data-testid="assessment-verify-result"
          title={
            verification.ok
              ? "核对一致：用保存的输入和方案版本重新计分，结果与保存的结果完全相同。"
              : `核对不一致：${verification.differences.length} 处不同`
          }
          description={
            verification.ok ? undefined : (
              <List
                size="small"
                dataSource={verification.differences.slice(0, 20)}
                renderItem={(d) => (
                  <List.Item>
                    {d.path}：保存 {JSON.stringify(d.stored)}，重算 {JSON.stringify(d.recomputed)}
                  </List.Item>
                )}
              />
            )
          }
        />
      )}
      {runId !== null && <QueryView query={query}>{(run) => <RunTable run={run} />}</QueryView>}
    </Card>
  );
}

function RunTable({ run }: { run: Run }) {
  const indicators = run.results.indicators;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {run.year} 年度，方案第 {run.schemeVersion} 版，计算于 {beijingTime(run.createdAt)}
        。各项得分保留两位小数、四舍五入；总分相同的并列同一名次。展开一行查看逐项计算过程。
      </Typography.Paragraph>
      <Table<CountyScore>
        rowKey="county"
        size="small"
        pagination={false}
        dataSource={run.results.counties}
        scroll={{ x: 260 + indicators.length * 110 }}
        onRow={(c) => rowTestId(`assessment-${c.county}`)}
        expandable={{
          expandedRowRender: (c) => <Explanation county={c} />,
          expandRowByClick: true,
        }}
        columns={[
          { title: "名次", dataIndex: "rank", width: 60, align: "center" },
          { title: "县（市、区）", dataIndex: "county", width: 120 },
          {
            title: "总分",
            dataIndex: "total",
            width: 80,
            align: "right",
            render: (t: string) => <b>{t}</b>,
          },
          ...indicators.map((ind) => ({
            title: (
              <span title={ind.name}>
                {ind.name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  满分 {ind.weight}
                </Typography.Text>
              </span>
            ),
            key: ind.id,
            width: 110,
            align: "right" as const,
            render: (_: unknown, c: CountyScore) =>
              c.indicators.find((x) => x.indicatorId === ind.id)?.points ?? "—",
          })),
        ]}
      />
    </>
  );
}

function Explanation({ county }: { county: CountyScore }) {
  return (
    <Table<IndicatorScore>
      rowKey="indicatorId"
      size="small"
      pagination={false}
      dataSource={county.indicators}
      data-testid={`explain-${county.county}`}
      columns={[
        { title: "指标", dataIndex: "name", width: 200 },
        { title: "权重", dataIndex: "weight", width: 60, align: "right" },
        {
          title: "方向",
          dataIndex: "direction",
          width: 90,
          render: (d: "higher" | "lower") => DIRECTION_NAMES[d],
        },
        {
          title: "本县数值",
          dataIndex: "value",
          width: 110,
          align: "right",
          render: (v: string | null) => v ?? "无数据",
        },
        {
          title: "最优值",
          dataIndex: "best",
          width: 110,
          align: "right",
          render: (v: string | null) => v ?? "—",
        },
        { title: "计算过程", dataIndex: "formula" },
        {
          title: "得分",
          dataIndex: "points",
          width: 80,
          align: "right",
          render: (p: string) => <b>{p}</b>,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={6}>
            合计
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">
            <b>{county.total}</b>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function IndicatorsTable({ indicators }: { indicators: Indicator[] }) {
  const itemTitle = useItemTitles();
  return (
    <Table<Indicator>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={indicators}
      columns={[
        { title: "标识", dataIndex: "id", width: 170 },
        { title: "指标", dataIndex: "name", width: 200 },
        { title: "权重", dataIndex: "weight", width: 60, align: "right" },
        {
          title: "方向",
          dataIndex: "direction",
          width: 90,
          render: (d: "higher" | "lower") => DIRECTION_NAMES[d],
        },
        { title: "计分规则", dataIndex: "rule", render: (r: Rule) => ruleText(r) },
        { title: "数据来源", dataIndex: "source", render: (s: Source) => sourceText(s, itemTitle) },
      ]}
    />
  );
}

function SchemesCard({
  query,
  year,
  city,
  onNew,
}: {
  query: { data: { items: Scheme[] } | undefined; error: unknown; isPending: boolean };
  year: number;
  city: boolean;
  onNew: () => void;
}) {
  return (
    <Card title={`${year} 年度考核方案版本`} size="small">
      <QueryView
        query={query}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint
              text={
                city
                  ? `${year} 年度还没有考核方案。点击“保存新版本方案”，从上一年度的方案开始修改。`
                  : `${year} 年度还没有考核方案。`
              }
              action={
                city ? (
                  <Button type="primary" onClick={onNew}>
                    保存新版本方案
                  </Button>
                ) : null
              }
            />
          ) : null
        }
      >
        {(d) => (
          <Table<Scheme>
            rowKey="id"
            size="small"
            pagination={false}
            // On a phone the table scrolls inside its card, not the page.
            scroll={{ x: "max-content" }}
            dataSource={d.items}
            onRow={(s) => rowTestId(`scheme-${s.version}`)}
            expandable={{
              expandedRowRender: (s) => <IndicatorsTable indicators={s.indicators} />,
            }}
            columns={[
              {
                title: "版本",
                dataIndex: "version",
                width: 130,
                render: (v: number, _s, i) => (
                  <Space>
                    第 {v} 版{i === 0 && <Tag color="blue">最新</Tag>}
                  </Space>
                ),
              },
              {
                title: "说明",
                dataIndex: "note",
                width: 300,
                ellipsis: true,
                render: (n: string | null) => n ?? "—",
              },
              {
                title: "指标与权重",
                key: "indicators",
                ellipsis: true,
                render: (_, s) => s.indicators.map((i) => `${i.name} ${i.weight}`).join("、"),
              },
              { title: "保存时间", dataIndex: "createdAt", width: 170, render: beijingTime },
            ]}
          />
        )}
      </QueryView>
      <Typography.Text type="secondary">
        方案一经保存不再修改；调整时保存为新版本，已有的计算仍按其当时的版本重现。
      </Typography.Text>
    </Card>
  );
}

function RunModal({
  open,
  year,
  schemes,
  onClose,
  onDone,
}: {
  open: boolean;
  year: number;
  schemes: Scheme[];
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data: r } = await fetchClient.POST("/api/v1/assessment/runs", {
        body: { year, version },
      });
      if (!r) return;
      message.success(`已完成 ${year} 年度考核计算（方案第 ${r.schemeVersion} 版）`);
      setVersion(undefined);
      onDone(r.id);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`计算 ${year} 年度县级考核`}
      open={open}
      onCancel={onClose}
      okText="计算"
      confirmLoading={busy}
      onOk={run}
      okButtonProps={{ "data-testid": "assessment-run-submit" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        从系统记录读取各县本年度的数值（奖励、目标贡献、公示异议、审核时效及人工录入的数值），按方案计分并保存本次计算。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="方案版本" extra="不选则用最新版本">
          <Select
            allowClear
            placeholder="最新版本"
            value={version}
            onChange={setVersion}
            options={schemes.map((s) => ({
              value: s.version,
              label: `第 ${s.version} 版${s.note ? `：${s.note}` : ""}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SchemeEditor({
  open,
  year,
  base,
  baseVersion,
  onReload,
  onClose,
  onDone,
}: {
  open: boolean;
  year: number;
  /** Where the editing starts: the year's latest version, or another year's when it has none. */
  base: Scheme | null;
  /** The year's latest version as loaded (none when the year has no scheme yet). */
  baseVersion: number | undefined;
  onReload: () => Promise<void>;
  onClose: () => void;
  onDone: () => void;
}) {
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [json, setJson] = useState("");
  const [mode, setMode] = useState<"table" | "json">("table");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Another official saved a version after this one was loaded: saving now would replace it.
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const { message } = AntApp.useApp();
  const itemTitle = useItemTitles();
  useEffect(() => {
    if (!open) return;
    setStale(false);
    const start = base?.indicators ?? [];
    setIndicators(start);
    setJson(JSON.stringify(start, null, 2));
    setMode("table");
    setNote("");
    setErrors({});
    setError(null);
  }, [open, base]);
  const sum = indicators.reduce((s, i) => s + (Number(i.weight) || 0), 0);
  /** The indicators as edited in the current mode, or an error shown in place. */
  const current = (): Indicator[] | null => {
    if (mode === "table") return indicators;
    try {
      const parsed = JSON.parse(json) as unknown;
      if (!Array.isArray(parsed)) throw new Error("应为指标数组 [ … ]");
      return parsed as Indicator[];
    } catch (e) {
      setErrors({ json: `JSON 无效：${(e as Error).message}` });
      return null;
    }
  };
  const switchMode = (next: string) => {
    if (next === mode) return;
    if (next === "json") {
      setJson(JSON.stringify(indicators, null, 2));
      setErrors({});
      setMode("json");
      return;
    }
    const parsed = current();
    if (!parsed) return;
    setIndicators(parsed);
    setErrors({});
    setMode("table");
  };
  const setWeight = (i: number, weight: number | null) =>
    setIndicators((list) => list.map((x, j) => (j === i ? { ...x, weight: weight ?? 0 } : x)));
  const setName = (i: number, name: string) =>
    setIndicators((list) => list.map((x, j) => (j === i ? { ...x, name } : x)));
  const save = async () => {
    const list = current();
    if (!list) return;
    const local: Record<string, string> = {};
    if (mode === "table") {
      list.forEach((ind, i) => {
        if (!Number.isInteger(ind.weight) || ind.weight < 1 || ind.weight > 100)
          local[`indicators[${i}].weight`] = "权重应为 1–100 的整数";
        if (!ind.name?.trim()) local[`indicators[${i}].name`] = "不能为空";
      });
      if (sum !== 100) local.indicators = `各指标权重之和应为 100，现为 ${sum}`;
    }
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const { data: saved } = await fetchClient.POST("/api/v1/assessment/schemes", {
        body: { year, baseVersion, note: note.trim() || undefined, indicators: list },
      });
      message.success(`已保存 ${year} 年度考核方案第 ${saved?.version ?? ""} 版`);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === "stale_version") setStale(true);
      else if (e instanceof ApiError && e.field?.startsWith("indicators") && mode === "table")
        setErrors({ [e.field.replace(/\.rule\..*|\.source\..*/, "")]: e.message });
      else if (e instanceof ApiError && e.field?.startsWith("indicators"))
        setErrors({ json: `${e.field}：${e.message}` });
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setStale(false);
    } finally {
      setReloading(false);
    }
  };
  const rowError = (i: number) =>
    Object.entries(errors)
      .filter(([k]) => k === `indicators[${i}]` || k.startsWith(`indicators[${i}].`))
      .map(([, v]) => v)[0];
  return (
    <Modal
      title={`保存 ${year} 年度考核方案（新版本）`}
      open={open}
      onCancel={onClose}
      width={980}
      okText="保存为新版本"
      confirmLoading={busy}
      onOk={save}
      okButtonProps={{ "data-testid": "scheme-save" }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title="已被他人修改，请刷新后重试"
          description="刷新将载入该年度最新版本，本次未保存的修改会被放弃。"
          action={
            <Button size="small" onClick={reload} loading={reloading} data-testid="scheme-reload">
              刷新方案
            </Button>
          }
          style={{ marginBottom: 12 }}
          data-testid="scheme-stale"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {base
          ? `从 ${base.year} 年度第 ${base.version} 版开始修改。`
          : "还没有任何方案：请在 JSON 中填写指标。"}
        权重为整数分值，合计应为 100。计分规则与数据来源可在 JSON 中修改。
      </Typography.Paragraph>
      <Tabs
        activeKey={mode}
        onChange={switchMode}
        items={[
          {
            key: "table",
            label: "表格",
            children: (
              <>
                <Table<Indicator>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={indicators}
                  scroll={{ y: 360 }}
                  columns={[
                    { title: "标识", dataIndex: "id", width: 160 },
                    {
                      title: "名称",
                      dataIndex: "name",
                      width: 220,
                      render: (n: string, _r, i) => (
                        <Input
                          value={n}
                          maxLength={50}
                          status={errors[`indicators[${i}].name`] ? "error" : undefined}
                          onChange={(e) => setName(i, e.target.value)}
                        />
                      ),
                    },
                    {
                      title: "权重",
                      dataIndex: "weight",
                      width: 110,
                      render: (w: number, r, i) => (
                        <InputNumber
                          value={w}
                          min={1}
                          max={100}
                          precision={0}
                          status={rowError(i) ? "error" : undefined}
                          onChange={(v) => setWeight(i, v)}
                          data-testid={`weight-${r.id}`}
                        />
                      ),
                    },
                    {
                      title: "规则 · 来源",
                      key: "rule",
                      render: (_, r, i) => (
                        <>
                          <div>
                            {DIRECTION_NAMES[r.direction]} · {ruleText(r.rule)}
                          </div>
                          <Typography.Text type="secondary">
                            {sourceText(r.source, itemTitle)}
                          </Typography.Text>
                          {rowError(i) && (
                            <div>
                              <Typography.Text type="danger">{rowError(i)}</Typography.Text>
                            </div>
                          )}
                        </>
                      ),
                    },
                  ]}
                />
                <div style={{ marginTop: 8 }}>
                  <Typography.Text
                    type={sum === 100 ? "success" : "danger"}
                    data-testid="weight-sum"
                  >
                    权重合计 {sum}
                    {sum === 100 ? "" : "（应为 100）"}
                  </Typography.Text>
                  {errors.indicators && (
                    <div>
                      <Typography.Text type="danger">{errors.indicators}</Typography.Text>
                    </div>
                  )}
                </div>
              </>
            ),
          },
          {
            key: "json",
            label: "JSON",
            children: (
              <>
                <Input.TextArea
                  value={json}
                  onChange={(e) => setJson(e.target.value)}
                  rows={16}
                  status={errors.json ? "error" : undefined}
                  style={{ fontFamily: "monospace", fontSize: 12 }}
                  data-testid="scheme-json"
                />
                {errors.json && <Typography.Text type="danger">{errors.json}</Typography.Text>}
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  规则 rule：{"{"}"kind":"relative"{"}"}、{"{"}"kind":"threshold","threshold":"0"
                  {"}"}、{"{"}"kind":"linear","min":"60","max":"100"{"}"}；来源
                  source：awards（measure count/amount，items 可选）、targets（targetIds
                  可选）、objections_upheld、review_timeliness（days）、manual。
                </Typography.Paragraph>
              </>
            ),
          },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item label="版本说明">
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={1000}
            placeholder="例如：提高审核时效权重"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ValueModal({
  open,
  year,
  indicators,
  onClose,
}: {
  open: boolean;
  year: number;
  indicators: Indicator[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<{
    county: string;
    indicatorId: string;
    value: string;
    source: string;
  }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (v: {
    county: string;
    indicatorId: string;
    value: string;
    source: string;
  }) => {
    setBusy(true);
    setError(null);
    try {
      await fetchClient.POST("/api/v1/assessment/values", {
        body: { year, ...v, county: v.county as County, value: v.value.trim() },
      });
      message.success(`已录入 ${v.county} 的数值；重新“计算考核”后生效`);
      form.resetFields(["county", "value"]);
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`录入 ${year} 年度人工指标数值`}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      okText="录入"
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ indicatorId: indicators[0]?.id }}
      >
        <Form.Item
          name="indicatorId"
          label="指标"
          rules={[{ required: true, message: "请选择指标" }]}
        >
          <Select options={indicators.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item
          name="county"
          label="县（市、区）"
          rules={[{ required: true, message: "请选择" }]}
        >
          <Select options={COUNTIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item
          name="value"
          label="数值"
          rules={[
            { required: true, whitespace: true, message: "请填写数值" },
            {
              pattern: /^\s*(0|[1-9][0-9]{0,10})(\.[0-9]{1,4})?\s*$/,
              message: "应为非负数，最多 4 位小数",
            },
          ]}
        >
          <Input placeholder="例如 12.5" />
        </Form.Item>
        <Form.Item
          name="source"
          label="数据来源"
          rules={[
            { required: true, whitespace: true, message: "请填写数据来源" },
            { max: 200, message: "不能超过 200 个字符" },
          ]}
        >
          <Input placeholder="例如 2025 年度县级质量工作统计" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
