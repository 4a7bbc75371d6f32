import {
  Progress as Bar,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Grid,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { COUNTIES, type County } from "../../../../src/organizations/counties.ts";
import { CITY_WIDE } from "../../../../src/targets/states.ts";
import { $api } from "../../api/client.ts";
import {
  beijingTime,
  EmptyHint,
  QueryView,
  StateTag,
  usePageTitle,
} from "../../components/common.tsx";
import { testId } from "../finance/shared.tsx";
import { Chart, type ChartOption, STATUS_COLORS } from "./Chart.tsx";
import { type TargetDetail, withUnit } from "./targets.ts";

/** One target: progress, its history, the counties, what was entered, and what it counts. */
export function TargetPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get("asOf") ?? undefined;
  const query = $api.useQuery("get", "/api/v1/targets/{targetId}", {
    params: { path: { targetId: id }, query: { asOf } },
  });
  usePageTitle(query.data?.indicator ?? "目标");
  const [contributions, setContributions] = useState<{ county?: string } | null>(null);
  const back = `/dashboard${params.toString() ? `?${params.toString()}` : ""}`;
  return (
    <QueryView query={query}>
      {(t) => (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Card
            title={
              <Space wrap>
                <Link to={back}>领导看板</Link>
                <span>/</span>
                <span data-testid="target-title">{t.indicator}</span>
                <StateTag state={t.progress.status} name={t.progress.statusName} />
              </Space>
            }
            extra={
              t.counting.kind === "distinct" ? (
                <Button
                  type="primary"
                  onClick={() => setContributions({})}
                  data-testid="target-contributions-open"
                >
                  查看计入的成果
                </Button>
              ) : null
            }
          >
            <Row gutter={[24, 16]}>
              <Col xs={24} lg={16}>
                <Descriptions
                  size="small"
                  column={{ xs: 1, sm: 1, md: 2 }}
                  items={[
                    {
                      key: "target",
                      label: "目标",
                      children: `${t.comparatorText} ${withUnit(t.value, t.unit)}（${t.deadline} 前）`,
                    },
                    { key: "ref", label: "依据", children: `《${t.policyTitle}》${t.ref}` },
                    {
                      key: "value",
                      label: "当前值",
                      children: `${withUnit(t.progress.value, t.unit)}（截至 ${t.progress.on}${t.progress.final ? "，期限已到" : ""}）`,
                    },
                    {
                      key: "expected",
                      label: "按进度应达",
                      children: t.progress.expected ? withUnit(t.progress.expected, t.unit) : "—",
                    },
                    {
                      key: "counting",
                      label: "计数口径",
                      span: 2,
                      children: t.counting.definition,
                    },
                    ...(t.counting.kind === "distinct" && t.counting.itemTitles.length > 0
                      ? [
                          {
                            key: "items",
                            label: "计入的奖励项目",
                            span: 2,
                            children: (
                              <span data-testid="target-items">
                                {t.counting.itemTitles.map((i) => i.title).join("；")}
                              </span>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Col>
              <Col xs={24} lg={8} style={{ textAlign: "center" }}>
                <Bar
                  type="dashboard"
                  aria-label="完成度"
                  percent={t.progress.percent ?? 0}
                  strokeColor={STATUS_COLORS[t.progress.status]}
                  format={(p) => (t.progress.percent === null ? "暂无" : `${p}%`)}
                />
                <div>
                  <Typography.Text type="secondary">完成度</Typography.Text>
                </div>
              </Col>
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title="历史（每月末）" size="small">
                <HistoryChart target={t} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                title="按县（市、区）"
                size="small"
                extra={
                  t.counting.kind === "distinct" ? (
                    <Typography.Text type="secondary">点击柱条查看该县成果</Typography.Text>
                  ) : null
                }
              >
                <CountyChart
                  target={t}
                  onCounty={
                    t.counting.kind === "distinct"
                      ? (county) => setContributions({ county })
                      : undefined
                  }
                />
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: "counties",
                  label: "分县数据",
                  children: <CountyTable target={t} />,
                },
                ...(t.counting.kind === "distinct" || t.baselines.length > 0
                  ? [
                      {
                        key: "baselines",
                        label: `基数记录（${t.baselines.length}）`,
                        children: <BaselineTable target={t} />,
                      },
                    ]
                  : []),
                ...(t.counting.kind === "manual" || t.values.length > 0
                  ? [
                      {
                        key: "values",
                        label: `数值记录（${t.values.length}）`,
                        children: <ValueTable target={t} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <ContributionsDrawer
            target={t}
            asOf={asOf}
            open={contributions}
            onClose={() => setContributions(null)}
          />
        </Space>
      )}
    </QueryView>
  );
}

/** 44 → 45, 430 → 450: an axis end a little above the highest value. */
function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil(value / step) * step;
}

function HistoryChart({ target }: { target: TargetDetail }) {
  const option = useMemo<ChartOption>(() => {
    const goal = Number(target.value);
    const values = target.history.map((h) => (h.value === null ? null : Number(h.value)));
    const min = Math.min(goal, ...values.filter((v): v is number => v !== null));
    return {
      grid: { left: 8, right: 56, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number | null) => withUnit(v === null ? null : String(v), target.unit),
      },
      xAxis: { type: "category", data: target.history.map((h) => h.on.slice(0, 7)) },
      yAxis: {
        type: "value",
        name: target.unit,
        // Rates sit near 100%: start the axis near the values so changes are visible.
        min: target.unit === "%" ? Math.floor(min - 1) : 0,
        // The target line stays in view even while the values are far below it.
        max:
          target.unit === "%"
            ? 100
            : (extent: { max: number }) => niceCeil(Math.max(extent.max, goal) * 1.1),
      },
      series: [
        {
          name: "完成值",
          type: "line",
          step: target.counting.kind === "manual" ? "end" : undefined,
          data: values,
          symbolSize: 4,
          color: "#1661ab",
          areaStyle: target.counting.kind === "distinct" ? { opacity: 0.08 } : undefined,
          markLine: {
            symbol: "none",
            lineStyle: { color: "#ff4d4f", type: "dashed" },
            label: {
              formatter: `目标 ${withUnit(target.value, target.unit)}`,
              position: "insideEndTop",
            },
            data: [{ yAxis: goal }],
          },
        },
      ],
    };
  }, [target]);
  return target.history.length === 0 ? (
    <EmptyHint text="暂无历史数据" />
  ) : (
    <Chart option={option} height={280} testId="chart-target-history" />
  );
}

function CountyChart({
  target,
  onCounty,
}: {
  target: TargetDetail;
  onCounty?: ((county: string) => void) | undefined;
}) {
  const rows = useMemo(() => sortCounties(target.progress.counties), [target]);
  const option = useMemo<ChartOption>(
    () =>
      target.counting.kind === "distinct"
        ? {
            grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
            legend: { top: 0 },
            tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
            xAxis: {
              type: "category",
              data: rows.map((c) => c.county),
              axisLabel: { interval: 0, rotate: 30 },
            },
            yAxis: { type: "value", name: target.unit, minInterval: 1 },
            series: [
              {
                name: "基数",
                type: "bar",
                stack: "v",
                color: "#91caff",
                data: rows.map((c) => Number(c.baseline)),
              },
              {
                name: "基数日后新增",
                type: "bar",
                stack: "v",
                color: "#1661ab",
                data: rows.map((c) => c.counted),
                label: {
                  show: true,
                  position: "top",
                  formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.value ?? "",
                },
              },
            ],
          }
        : {
            grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
            tooltip: { trigger: "axis" },
            xAxis: { type: "category", data: rows.map((c) => c.county) },
            yAxis: { type: "value", name: target.unit, min: target.unit === "%" ? 90 : 0 },
            series: [
              {
                name: "数值",
                type: "bar",
                barMaxWidth: 40,
                color: "#1661ab",
                label: { show: true, position: "top" },
                data: rows.map((c) => Number(c.value)),
              },
            ],
          },
    [target, rows],
  );
  if (rows.length === 0) return <EmptyHint text="暂无分县数据" />;
  if (rows.every((c) => c.county === CITY_WIDE))
    return (
      <EmptyHint
        text={`该指标为全市数值（${withUnit(rows[0]?.value, target.unit)}），不分县（市、区）统计。`}
      />
    );
  return (
    <Chart
      option={option}
      height={280}
      testId="chart-target-counties"
      onClick={onCounty ? (p) => onCounty(p.name) : undefined}
    />
  );
}

/** The city-wide row first, then the counties in their official order. */
function sortCounties<T extends { county: string }>(rows: readonly T[]): T[] {
  const rank = (c: string) => (c === CITY_WIDE ? -1 : (COUNTIES as readonly string[]).indexOf(c));
  return [...rows].sort((a, b) => rank(a.county) - rank(b.county));
}

function CountyTable({ target }: { target: TargetDetail }) {
  return (
    <Table
      rowKey="county"
      size="small"
      pagination={false}
      dataSource={sortCounties(target.progress.counties)}
      columns={[
        { title: "县（市、区）", dataIndex: "county" },
        {
          title: "基数",
          dataIndex: "baseline",
          align: "right",
          render: (v: string) => withUnit(v, target.unit),
        },
        ...(target.counting.kind === "distinct"
          ? [{ title: "基数日后新增", dataIndex: "counted", align: "right" as const }]
          : []),
        {
          title: "合计",
          dataIndex: "value",
          align: "right",
          render: (v: string) => withUnit(v, target.unit),
        },
      ]}
    />
  );
}

function BaselineTable({ target }: { target: TargetDetail }) {
  const latest = new Map<string, string>();
  // Rows come newest first: the first row of a county is its baseline; later ones are history.
  for (const b of target.baselines) if (!latest.has(b.county)) latest.set(b.county, b.id);
  return target.baselines.length === 0 ? (
    <EmptyHint text="还没有登记基数。没有基数时只计系统记录的成果，数字会偏低；由市级审核人员登记。" />
  ) : (
    <Table
      rowKey="id"
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      dataSource={target.baselines}
      columns={[
        { title: "县（市、区）", dataIndex: "county", width: 120 },
        {
          title: "基数",
          dataIndex: "value",
          align: "right",
          width: 100,
          render: (v: string) => withUnit(v, target.unit),
        },
        { title: "基数日期", dataIndex: "asOf", width: 110, responsive: ["md"] },
        { title: "来源", dataIndex: "source", responsive: ["md"] },
        {
          title: "备注",
          dataIndex: "note",
          responsive: ["lg"],
          render: (v: string | null) => v ?? "—",
        },
        {
          title: "登记时间",
          dataIndex: "createdAt",
          width: 170,
          responsive: ["lg"],
          render: (v: string) => beijingTime(v),
        },
        {
          title: "状态",
          key: "current",
          width: 80,
          render: (_: unknown, b) =>
            latest.get(b.county) === b.id ? <Tag color="blue">现行</Tag> : <Tag>历史</Tag>,
        },
      ]}
    />
  );
}

function ValueTable({ target }: { target: TargetDetail }) {
  return target.values.length === 0 ? (
    <EmptyHint text="还没有录入数值。由市级审核人员按统计期录入并上传证明材料。" />
  ) : (
    <Table
      rowKey="id"
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      dataSource={target.values}
      columns={[
        { title: "范围", dataIndex: "county", width: 90 },
        {
          title: "数值",
          dataIndex: "value",
          align: "right",
          width: 90,
          render: (v: string) => withUnit(v, target.unit),
        },
        {
          title: "统计期",
          key: "period",
          width: 200,
          responsive: ["md"],
          render: (_: unknown, v) => `${v.periodStart} 至 ${v.periodEnd}`,
        },
        { title: "来源", dataIndex: "source", responsive: ["md"] },
        {
          title: "证明材料",
          key: "evidence",
          render: (_: unknown, v) =>
            v.evidence.length === 0
              ? "—"
              : v.evidence.map((d) => (
                  <div key={d.id}>
                    <a
                      href={`/api/v1/targets/values/${v.id}/evidence/${d.id}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {d.name}
                    </a>
                  </div>
                )),
        },
        {
          title: "录入时间",
          dataIndex: "createdAt",
          width: 170,
          responsive: ["lg"],
          render: (v: string) => beijingTime(v),
        },
      ]}
    />
  );
}

function ContributionsDrawer({
  target,
  asOf,
  open,
  onClose,
}: {
  target: TargetDetail;
  asOf: string | undefined;
  open: { county?: string } | null;
  onClose: () => void;
}) {
  const [county, setCounty] = useState<County | undefined>(undefined);
  const [shownFor, setShownFor] = useState<{ county?: string } | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  if (open !== shownFor) {
    // A new opening (from the button or a county's bar) sets the filter it was opened with.
    setShownFor(open);
    if (open) setCounty(open.county as County | undefined);
  }
  const query = $api.useQuery(
    "get",
    "/api/v1/targets/{targetId}/contributions",
    { params: { path: { targetId: target.id }, query: { asOf, county } } },
    { enabled: open !== null },
  );
  const counties = target.progress.counties.map((c) => c.county).filter((c) => c !== CITY_WIDE);
  return (
    <Drawer
      title={`计入“${target.indicator}”的成果`}
      open={open !== null}
      onClose={onClose}
      size={narrow ? "100%" : 960}
      extra={
        <Select
          style={{ width: 180 }}
          value={county ?? "all"}
          onChange={(v) => setCounty(v === "all" ? undefined : (v as County))}
          options={[
            { value: "all", label: "全部县（市、区）" },
            ...(counties.length > 0 ? counties : [...COUNTIES]).map((c) => ({
              value: c,
              label: c,
            })),
          ]}
          aria-label="县（市、区）"
        />
      }
    >
      <QueryView
        query={query}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint text="基数日期之后没有计入的奖励或登记成果。基数中已含的成果不在此列出。" />
          ) : null
        }
      >
        {(d) => (
          <>
            <Typography.Paragraph type="secondary">
              截至 {d.on}，基数日期之后计入 {d.total}{" "}
              项（同一企业或标准只计一次）。奖励来自系统记录，其余为县或市登记的成果；不含个人信息。
            </Typography.Paragraph>
            <Table
              rowKey={(c) => `${c.source}-${c.ref}-${c.subject}`}
              size="small"
              dataSource={d.items}
              data-testid="target-contributions"
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              onRow={(c) => testId(`contribution-${c.ref}`)}
              columns={[
                { title: "县（市、区）", dataIndex: "county", width: 110 },
                { title: "组织", dataIndex: "organizationName" },
                { title: "成果", dataIndex: "subject" },
                { title: "取得日期", dataIndex: "eventDate", width: 110, responsive: ["md"] },
                {
                  title: "失效日期",
                  responsive: ["md"],
                  dataIndex: "endedOn",
                  width: 110,
                  render: (v: string | null) => v ?? "—",
                },
                {
                  title: "来源",
                  key: "source",
                  width: 170,
                  render: (_: unknown, c) =>
                    c.source === "award" ? (
                      <Tag color="green">奖励 {c.ref}</Tag>
                    ) : (
                      <Tag color="blue">登记 {c.ref}</Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryView>
    </Drawer>
  );
}
