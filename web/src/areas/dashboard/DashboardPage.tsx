import {
  Alert,
  App,
  Progress as Bar,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { STATE_NAMES, STATES } from "../../../../src/applications/states.ts";
import { get } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  EmptyHint,
  ErrorAlert,
  Loaded,
  StateTag,
  today,
  useLoad,
  yuan,
} from "../../components/common.tsx";
import type { Award } from "../finance/AwardsPage.tsx";
import type { Budget } from "../finance/BudgetsPage.tsx";
import {
  budgetOrder,
  COUNTIES,
  CURRENT_YEAR,
  DownloadButton,
  groupOf,
  sourceName,
  testId,
  useCan,
  useCatalog,
  yearOptions,
} from "../finance/shared.tsx";
import { Chart, type ChartOption, STATUS_COLORS } from "./Chart.tsx";
import { OverviewCards } from "./Overview.tsx";
import { STATUS_NAMES, STATUS_ORDER, shortName, type TargetSummary, withUnit } from "./targets.ts";

/**
 * The leadership dashboard: the 2025 targets for everyone who may read them, and — each only
 * for the roles the API lets read it — awards by county, item group and year, budget use, cases
 * by state, the county assessment and the .xlsx reports.
 */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf") ?? undefined;
  const { user } = useAuth();
  // County staff start on their own county; "all" is the explicit choice of the whole city.
  const countyParam = params.get("county") ?? user?.county ?? undefined;
  const county = countyParam === "all" ? undefined : countyParam;
  const year = Number(params.get("year") ?? CURRENT_YEAR);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const can = useCan();

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <TargetsCard
        asOf={asOf}
        county={county}
        onAsOf={(v) => set("asOf", v)}
        onCounty={(v) => set("county", v ?? (user?.county ? "all" : undefined))}
      />
      <Flex align="center" gap={12} style={{ padding: "0 4px" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          年度情况
        </Typography.Title>
        <Select
          value={year}
          style={{ width: 110 }}
          onChange={(v) => set("year", String(v))}
          options={yearOptions()}
          aria-label="年度"
          data-testid="dashboard-year"
        />
        <Typography.Text type="secondary">
          以下奖励、预算、申报和县级考核按所选年度统计
          {user?.county ? `（限 ${user.county}）` : ""}。
        </Typography.Text>
      </Flex>
      <OverviewCards withAwards={!can("award.read")} />
      {can("award.read") ? <AwardsCard year={year} /> : <AwardsByReport year={year} />}
      {(can("budget.read") || can("application.list")) && (
        <Row gutter={16}>
          {can("budget.read") && (
            <Col span={can("application.list") ? 12 : 24}>
              <BudgetsCard year={year} />
            </Col>
          )}
          {can("application.list") && (
            <Col span={can("budget.read") ? 12 : 24}>
              <CasesCard year={year} />
            </Col>
          )}
        </Row>
      )}
      {can("assessment.read") && <AssessmentCard year={year} />}
    </Space>
  );
}

// ── Targets ───────────────────────────────────────────────────────────────────

function TargetsCard({
  asOf,
  county,
  onAsOf,
  onCounty,
}: {
  asOf: string | undefined;
  county: string | undefined;
  onAsOf: (v: string | undefined) => void;
  onCounty: (v: string | undefined) => void;
}) {
  const navigate = useNavigate();
  const state = useLoad(
    () =>
      get<{ policy: string; asOf: string; items: TargetSummary[] }>("/api/v1/targets", {
        asOf,
        county,
      }),
    `${asOf}|${county}`,
  );
  const items = state.data?.items ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (p: { dataIndex: number }[]) => {
          const t = [...items].reverse()[p[0]?.dataIndex ?? 0];
          if (!t) return "";
          return `${t.indicator}<br/>${withUnit(t.progress.value, t.unit)} / ${t.comparatorText} ${withUnit(t.value, t.unit)}<br/>完成 ${t.progress.percent ?? 0}% · ${t.progress.statusName}`;
        },
      },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: {
        type: "category",
        data: [...items].reverse().map((t) => shortName(t.indicator)),
        axisLabel: { width: 150, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          name: "完成度",
          barMaxWidth: 18,
          data: [...items].reverse().map((t) => ({
            value: t.progress.percent ?? 0,
            itemStyle: { color: STATUS_COLORS[t.progress.status] },
          })),
          label: { show: true, position: "right", formatter: "{c}%" },
        },
      ],
    }),
    [items],
  );

  const counts = STATUS_ORDER.map((s) => ({
    status: s,
    n: items.filter((t) => t.progress.status === s).length,
  })).filter((c) => c.n > 0);
  const on = items[0]?.progress.on;

  return (
    <Card
      title="2025 年质量强市目标"
      extra={
        <Space>
          <DatePicker
            allowClear
            style={{ width: 190 }}
            placeholder="统计日期（默认今天）"
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => onAsOf(d ? d.format("YYYY-MM-DD") : undefined)}
            data-testid="targets-as-of"
            aria-label="统计日期"
          />
          <Select
            style={{ width: 150 }}
            value={county ?? "all"}
            onChange={(v) => onCounty(v === "all" ? undefined : v)}
            options={[
              { value: "all", label: "全市（不分县）" },
              ...COUNTIES.map((c) => ({ value: c, label: c })),
            ]}
            aria-label="县（市、区）"
            data-testid="targets-county"
          />
        </Space>
      }
    >
      <Loaded
        state={state}
        empty={(d) => (d.items.length === 0 ? <EmptyHint text="政策中没有设定目标。" /> : null)}
      >
        {(data) => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              {counts.map((c) => (
                <StateTag
                  key={c.status}
                  state={c.status}
                  name={`${STATUS_NAMES[c.status]} ${c.n} 项`}
                />
              ))}
              <Typography.Text type="secondary">
                统计日期 {data.asOf}
                {on && on !== data.asOf ? `；目标期限已过，按期限日 ${on} 计` : ""}
                {county ? `；“${county}”列为该县（市、区）基数与新增之和` : ""}
              </Typography.Text>
            </Space>
            <Row gutter={16}>
              <Col span={9}>
                <Chart
                  option={option}
                  height={Math.max(300, items.length * 30)}
                  testId="chart-targets"
                  onClick={(p) => {
                    const t = [...items].reverse()[p.dataIndex];
                    if (t)
                      navigate(
                        targetLink(t.id, data.asOf === today() ? undefined : data.asOf, county),
                      );
                  }}
                />
              </Col>
              <Col span={15}>
                <Table<TargetSummary>
                  rowKey="id"
                  dataSource={data.items}
                  size="small"
                  pagination={false}
                  onRow={(t) => testId(`target-${t.id}`)}
                  columns={[
                    {
                      title: "目标",
                      key: "indicator",
                      render: (_: unknown, t) => (
                        <Link to={targetLink(t.id, asOf, county)}>{shortName(t.indicator)}</Link>
                      ),
                    },
                    {
                      title: "目标值",
                      key: "target",
                      width: 95,
                      render: (_: unknown, t) =>
                        `${t.comparator === "gt" ? ">" : "≥"} ${withUnit(t.value, t.unit)}`,
                    },
                    {
                      title: "当前",
                      key: "value",
                      width: 80,
                      align: "right",
                      render: (_: unknown, t) => withUnit(t.progress.value, t.unit),
                    },
                    ...(county
                      ? [
                          {
                            title: county,
                            key: "county",
                            width: 80,
                            align: "right" as const,
                            render: (_: unknown, t: TargetSummary) => {
                              const c = t.progress.counties.find((x) => x.county === county);
                              return c ? withUnit(c.value, t.unit) : "—";
                            },
                          },
                        ]
                      : []),
                    {
                      title: "完成度",
                      key: "percent",
                      width: 130,
                      render: (_: unknown, t) => (
                        <Bar
                          percent={t.progress.percent ?? 0}
                          size="small"
                          strokeColor={STATUS_COLORS[t.progress.status]}
                          format={(p) => `${p}%`}
                          style={{ margin: 0 }}
                        />
                      ),
                    },
                    {
                      title: "状态",
                      key: "status",
                      width: 90,
                      render: (_: unknown, t) => (
                        <StateTag state={t.progress.status} name={t.progress.statusName} />
                      ),
                    },
                  ]}
                />
              </Col>
            </Row>
          </>
        )}
      </Loaded>
    </Card>
  );
}

export function targetLink(id: string, asOf?: string, county?: string): string {
  const q = new URLSearchParams();
  if (asOf) q.set("asOf", asOf);
  if (county) q.set("county", county);
  const s = q.toString();
  return `/dashboard/targets/${encodeURIComponent(id)}${s ? `?${s}` : ""}`;
}

// ── Awards (finance and city officials: award.read) ───────────────────────────

function AwardsCard({ year }: { year: number }) {
  const { user } = useAuth();
  const all = useLoad(() => get<{ items: Award[] }>("/api/v1/awards").then((r) => r.items));
  const catalog = useCatalog();
  const { live, ofYear } = useMemo(() => {
    const live = (all.data ?? []).filter((a) => a.state === "reserved" || a.state === "paid");
    return { live, ofYear: live.filter((a) => a.year === year) };
  }, [all.data, year]);

  const charts = useMemo(() => {
    const sum = <K extends string>(rows: Award[], keyOf: (a: Award) => K, keys: readonly K[]) => {
      const m = new Map<K, { count: number; amount: number }>(
        keys.map((k) => [k, { count: 0, amount: 0 }]),
      );
      for (const a of rows) {
        const k = keyOf(a);
        const v = m.get(k) ?? { count: 0, amount: 0 };
        v.count++;
        v.amount += a.amount;
        m.set(k, v);
      }
      return [...m.entries()];
    };
    const countyRows = sum(ofYear, (a) => a.organization.county, COUNTIES as readonly string[]);
    const groups = [...new Set(live.map((a) => groupOf(catalog.data, a.item)))].sort();
    const groupRows = sum(ofYear, (a) => groupOf(catalog.data, a.item), groups);
    const years = [...new Set(live.map((a) => a.year))].sort();
    const yearRows = sum(live, (a) => String(a.year), years.map(String));
    /** Amount bars (万元) with each bar's number of awards on top; both in the tooltip. */
    const bars = (
      rows: [string, { count: number; amount: number }][],
      horizontal = false,
    ): ChartOption => {
      const categories = { type: "category", data: rows.map(([k]) => k), inverse: horizontal };
      const values = {
        type: "value",
        name: horizontal ? undefined : "万元",
        axisLabel: { formatter: (v: number) => `${v / 10000}` },
      };
      return {
        grid: { left: 8, right: horizontal ? 48 : 8, top: 28, bottom: 8, containLabel: true },
        tooltip: {
          trigger: "axis",
          axisPointer: { type: "shadow" },
          formatter: (p: { dataIndex: number }[]) => {
            const row = rows[p[0]?.dataIndex ?? 0];
            return row ? `${row[0]}<br/>${row[1].count} 项，${yuan(row[1].amount)}` : "";
          },
        },
        xAxis: horizontal
          ? values
          : { ...categories, axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 } },
        yAxis: horizontal ? categories : values,
        series: [
          {
            name: "金额",
            type: "bar",
            barMaxWidth: 28,
            color: "#1661ab",
            data: rows.map(([, v]) => v.amount),
            label: {
              show: true,
              position: horizontal ? "right" : "top",
              formatter: (p: { dataIndex: number }) => {
                const n = rows[p.dataIndex]?.[1].count ?? 0;
                return n > 0 ? `${n}项` : "";
              },
            },
          },
        ],
      };
    };
    return {
      county: bars(countyRows),
      group: bars(groupRows, true),
      year: bars(yearRows),
    };
  }, [live, ofYear, catalog.data]);

  return (
    <Card
      title="奖励情况"
      extra={
        <Typography.Text type="secondary">
          有效奖励（待拨付、已拨付）；按预算年度
          {user?.role === "finance" && user.county ? `；${user.county}财政承担部分` : ""}
        </Typography.Text>
      }
    >
      <Loaded state={all}>
        {() => (
          <>
            <Space size={48} style={{ marginBottom: 12 }}>
              <Statistic title={`${year} 年奖励项数`} value={ofYear.length} suffix="项" />
              <Statistic
                title={`${year} 年奖励金额`}
                value={ofYear.reduce((s, a) => s + a.amount, 0)}
                suffix="元"
              />
              <Statistic
                title={`${year} 年已拨付`}
                value={ofYear.filter((a) => a.state === "paid").reduce((s, a) => s + a.amount, 0)}
                suffix="元"
              />
            </Space>
            {live.length === 0 ? (
              <EmptyHint text="还没有奖励。申报经公示期满转为奖励后，这里按县、项目类别和年度汇总。" />
            ) : (
              <Row gutter={16}>
                <Col span={10}>
                  <Typography.Text strong>
                    {year} 年按县（市、区）（金额，柱顶为项数）
                  </Typography.Text>
                  <Chart option={charts.county} height={280} testId="chart-awards-county" />
                </Col>
                <Col span={7}>
                  <Typography.Text strong>{year} 年按项目类别</Typography.Text>
                  {ofYear.length === 0 ? (
                    <EmptyHint text={`${year} 年没有奖励`} />
                  ) : (
                    <Chart option={charts.group} height={280} testId="chart-awards-group" />
                  )}
                </Col>
                <Col span={7}>
                  <Typography.Text strong>按年度</Typography.Text>
                  <Chart option={charts.year} height={280} testId="chart-awards-year" />
                </Col>
              </Row>
            )}
          </>
        )}
      </Loaded>
    </Card>
  );
}

/** For roles without award.read (leaders, county officials): the reports they may take. */
function AwardsByReport({ year }: { year: number }) {
  const can = useCan();
  const { message } = App.useApp();
  const reports = useLoad(
    async () =>
      can("report.read")
        ? (await get<{ items: { kind: string; title: string }[] }>("/api/v1/reports")).items
        : [],
    String(can("report.read")),
  );
  const wanted = ["annual", "awards", "targets"];
  return (
    <Card title="奖励情况">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="本账号不能查看奖励明细。按县（市、区）、项目类别和年度的奖励项数与金额，见“年度总结”和“奖励汇总”报表（.xlsx）。"
      />
      <Loaded state={reports}>
        {(items) => {
          const offered = items.filter((r) => wanted.includes(r.kind));
          return offered.length === 0 ? (
            <EmptyHint text="本账号没有可导出的报表。" />
          ) : (
            <Space wrap>
              {offered.map((r) => (
                <DownloadButton
                  key={r.kind}
                  path={`/api/v1/reports/${r.kind}`}
                  query={{ year }}
                  testId={`report-${r.kind}`}
                  onError={(m) => message.error(m)}
                >
                  {r.kind === "targets" ? r.title : `${year} 年${r.title}`}（.xlsx）
                </DownloadButton>
              ))}
            </Space>
          );
        }}
      </Loaded>
    </Card>
  );
}

// ── Budgets (budget.read) ─────────────────────────────────────────────────────

function BudgetsCard({ year }: { year: number }) {
  const state = useLoad(
    () =>
      get<{ items: Budget[] }>("/api/v1/budgets", { year }).then((r) => r.items.sort(budgetOrder)),
    String(year),
  );
  const option = useMemo<ChartOption>(() => {
    const rows = state.data ?? [];
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: number) => yuan(v),
      },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => `${v / 10000} 万` } },
      yAxis: { type: "category", data: rows.map((b) => sourceName(b.source)), inverse: true },
      series: [
        {
          name: "已拨付",
          type: "bar",
          stack: "b",
          barMaxWidth: 24,
          color: "#52c41a",
          data: rows.map((b) => b.paid),
        },
        {
          name: "已预留",
          type: "bar",
          stack: "b",
          color: "#1661ab",
          data: rows.map((b) => b.reserved),
        },
        {
          name: "剩余",
          type: "bar",
          stack: "b",
          color: "#d9d9d9",
          data: rows.map((b) => b.remaining),
        },
      ],
    };
  }, [state.data]);
  return (
    <Card title={`${year} 年预算执行`}>
      <Loaded
        state={state}
        empty={(rows) =>
          rows.length === 0 ? (
            <EmptyHint text={`${year} 年还没有预算。财政人员在“预算”页设定后显示。`} />
          ) : null
        }
      >
        {(rows) => {
          const t = rows.reduce(
            (s, b) => ({
              total: s.total + b.total,
              used: s.used + b.paid + b.reserved,
              paid: s.paid + b.paid,
            }),
            { total: 0, used: 0, paid: 0 },
          );
          return (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                合计预算 {yuan(t.total)}，已预留与已拨付 {yuan(t.used)}（
                {t.total > 0 ? Math.round((t.used / t.total) * 1000) / 10 : 0}%），其中已拨付{" "}
                {yuan(t.paid)}。
              </Typography.Paragraph>
              <Chart
                option={option}
                height={Math.max(220, rows.length * 28 + 60)}
                testId="chart-budgets"
              />
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}

// ── Cases by state (application.list) ───────────────────────────────────────

/** The states a case submitted at least once can be in (the API lists drafts to their owner only). */
const SUBMITTED = STATES.filter((s) => s !== "draft");

function CasesCard({ year }: { year: number }) {
  const state = useLoad(
    () =>
      get<{ total: number; countsByState: Record<string, number> }>("/api/v1/applications", {
        year,
        pageSize: 1,
      }),
    String(year),
  );
  const option = useMemo<ChartOption>(() => {
    const counts = state.data?.countsByState ?? {};
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: SUBMITTED.map((s) => STATE_NAMES[s]) },
      series: [
        {
          type: "bar",
          name: "申报数",
          barMaxWidth: 16,
          color: "#1661ab",
          label: { show: true, position: "right" },
          data: SUBMITTED.map((s) => counts[s] ?? 0),
        },
      ],
    };
  }, [state.data]);
  return (
    <Card title={`${year} 年申报按状态`}>
      <Loaded
        state={state}
        empty={(d) =>
          d.total === 0 ? (
            <EmptyHint text={`${year} 年还没有申报。企业提交申报后在此统计。`} />
          ) : null
        }
      >
        {(d) => (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              共 {d.total} 件（按首次提交年度；企业未提交的草稿不在统计之内）。
            </Typography.Paragraph>
            <Chart option={option} height={300} testId="chart-cases" />
          </>
        )}
      </Loaded>
    </Card>
  );
}

// ── County assessment (assessment.read) ──────────────────────────────────────

interface Run {
  readonly id: string;
  readonly year: number;
  readonly schemeVersion: number;
  readonly createdAt: string;
  readonly ranking: { county: string; rank: number; total: string }[];
}

function AssessmentCard({ year }: { year: number }) {
  const state = useLoad(
    () =>
      get<{ items: Run[] }>("/api/v1/assessment/runs", { year }).then((r) => r.items[0] ?? null),
    String(year),
  );
  const option = useMemo<ChartOption>(() => {
    const rows = state.data?.ranking ?? [];
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: {
        type: "category",
        data: rows.map((r) => r.county),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: "value", name: "得分", max: 100 },
      series: [
        {
          type: "bar",
          name: "总分",
          barMaxWidth: 28,
          color: "#1661ab",
          label: { show: true, position: "top" },
          data: rows.map((r) => Number(r.total)),
        },
      ],
    };
  }, [state.data]);
  if (state.error) return <ErrorAlert error={state.error} />;
  return (
    <Card
      title={`${year} 年县级考核得分`}
      extra={
        state.data ? (
          <Typography.Text type="secondary">
            方案第 {state.data.schemeVersion} 版，计算于 {state.data.createdAt.slice(0, 10)}
          </Typography.Text>
        ) : null
      }
    >
      <Loaded
        state={state}
        empty={(run) =>
          run === null ? (
            <EmptyHint text={`${year} 年还没有考核计算结果。市级审核人员按考核方案计算后显示。`} />
          ) : null
        }
      >
        {(run) =>
          run && (
            <Row gutter={16}>
              <Col span={16}>
                <Chart option={option} height={260} testId="chart-assessment" />
              </Col>
              <Col span={8}>
                <Table
                  rowKey="county"
                  size="small"
                  pagination={false}
                  dataSource={run.ranking}
                  columns={[
                    { title: "名次", dataIndex: "rank", width: 60 },
                    { title: "县（市、区）", dataIndex: "county" },
                    { title: "总分", dataIndex: "total", align: "right" },
                  ]}
                  scroll={{ y: 220 }}
                />
              </Col>
            </Row>
          )
        }
      </Loaded>
    </Card>
  );
}
