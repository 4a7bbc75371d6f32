import {
  App,
  Progress as Bar,
  Card,
  Col,
  DatePicker,
  Flex,
  Grid,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { STATUS_NAMES, STATUSES } from "../../../../src/targets/states.ts";
import { $api } from "../../api/client.ts";
import { useAuth } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  QueryView,
  StateTag,
  today,
  usePageTitle,
} from "../../components/common.tsx";
import { DownloadButton } from "../../components/filters.tsx";
import { CURRENT_YEAR, testId, useCan, yearOptions } from "../finance/shared.tsx";
import { Chart, type ChartOption, STATUS_COLORS } from "./Chart.tsx";
import { YearSection } from "./Overview.tsx";
import { shortName, type TargetSummary, targetLink, withUnit } from "./targets.ts";

/**
 * The leadership dashboard: the 2025 targets for everyone who may read them; then, for the year
 * chosen, awards by county and item group, cases by state, review times and budget use; the
 * county assessment and the .xlsx reports for the roles the API lets read them.
 */
export function DashboardPage() {
  usePageTitle("目标与资金看板");
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf") ?? undefined;
  const { user } = useAuth();
  // County staff start on their own county; "all" is the explicit choice of the whole city.
  const countyParam = params.get("county") ?? user?.county ?? undefined;
  const county = countyParam === "all" ? undefined : (countyParam as County | undefined);
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
      <Flex align="center" gap={12} wrap style={{ padding: "0 4px" }}>
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
      <YearSection year={year} />
      {can("report.read") && <ReportsCard year={year} />}
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
  county: County | undefined;
  onAsOf: (v: string | undefined) => void;
  onCounty: (v: string | undefined) => void;
}) {
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const query = $api.useQuery("get", "/api/v1/targets", { params: { query: { asOf, county } } });
  const items = query.data?.items ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        confine: true,
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
        axisLabel: { width: narrow ? 110 : 150, overflow: "truncate" },
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
    [items, narrow],
  );

  const counts = STATUSES.map((s) => ({
    status: s,
    n: items.filter((t) => t.progress.status === s).length,
  })).filter((c) => c.n > 0);
  const on = items[0]?.progress.on;

  return (
    <Card title="2025 年质量强市目标">
      <Space wrap style={{ marginBottom: 12 }}>
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
      <QueryView
        query={query}
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
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={9}>
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
              <Col xs={24} lg={15}>
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
                      responsive: ["md"],
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
                            responsive: ["md" as const],
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
                      responsive: ["md"],
                      render: (_: unknown, t) => (
                        <Bar
                          percent={t.progress.percent ?? 0}
                          size="small"
                          strokeColor={STATUS_COLORS[t.progress.status]}
                          format={(p) => `${p}%`}
                          style={{ margin: 0 }}
                          aria-label={`${shortName(t.indicator)}完成度`}
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
      </QueryView>
    </Card>
  );
}

// ── Reports (report.read) ─────────────────────────────────────────────────────

/** The .xlsx reports of the year: the figures above by county, item and case, to take away. */
function ReportsCard({ year }: { year: number }) {
  const { message } = App.useApp();
  const query = $api.useQuery("get", "/api/v1/reports");
  const wanted = ["annual", "awards", "targets"];
  return (
    <Card title="报表" size="small">
      <QueryView query={query}>
        {({ items }) => {
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
      </QueryView>
    </Card>
  );
}

// ── County assessment (assessment.read) ──────────────────────────────────────

function AssessmentCard({ year }: { year: number }) {
  const query = $api.useQuery("get", "/api/v1/assessment/runs", { params: { query: { year } } });
  const run = query.data ? (query.data.items[0] ?? null) : undefined;
  const option = useMemo<ChartOption>(() => {
    const rows = run?.ranking ?? [];
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: {
        type: "category",
        data: rows.map((r) => r.county),
        axisLabel: { interval: 0, rotate: 40 },
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
  }, [run]);
  return (
    <Card
      title={`${year} 年县级考核得分`}
      extra={
        run ? (
          <Typography.Text type="secondary">
            方案第 {run.schemeVersion} 版，计算于 {beijingTime(run.createdAt)}
          </Typography.Text>
        ) : null
      }
    >
      <QueryView
        query={query}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint text={`${year} 年还没有考核计算结果。市级审核人员按考核方案计算后显示。`} />
          ) : null
        }
      >
        {() =>
          run ? (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Chart option={option} height={260} testId="chart-assessment" />
              </Col>
              <Col xs={24} lg={8}>
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
          ) : null
        }
      </QueryView>
    </Card>
  );
}
