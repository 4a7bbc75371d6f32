import { Card, Col, Flex, Grid, Row, Table, Typography } from "antd";
import { STATE_NAMES } from "../../../../src/applications/states.ts";
import { $api } from "../../api/client.ts";
import type { Answer } from "../../api/types.ts";
import { EmptyHint, QueryView, yuan } from "../../components/common.tsx";
import { Chart, type ChartOption } from "./Chart.tsx";

type Dashboard = Answer<"/api/v1/dashboard">;
type Tally = Dashboard["awards"]["byCounty"][number];

/** The colours of the case states' slices, in order; the legend beside the donut uses the same. */
const SLICE_COLORS = [
  "#1661ab",
  "#52c41a",
  "#faad14",
  "#13c2c2",
  "#eb2f96",
  "#722ed1",
  "#fa8c16",
  "#a0d911",
  "#ff4d4f",
  "#8c8c8c",
];

/** Amount bars (万元) with each bar's number of awards on top; both in the tooltip. */
function bars(rows: Tally[], name: string, narrow: boolean): ChartOption {
  return {
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (p: { dataIndex: number }[]) => {
        const row = rows[p[0]?.dataIndex ?? 0];
        return row ? `${row.key}<br/>${row.count} 项，${yuan(row.amount)}` : "";
      },
    },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: rows.map((r) => r.key),
      axisLabel: { interval: 0, rotate: rows.length > (narrow ? 3 : 6) ? 40 : 0 },
    },
    yAxis: { type: "value", name: "万元", axisLabel: { formatter: (v: number) => `${v / 10000}` } },
    series: [
      {
        name,
        type: "bar",
        barMaxWidth: 28,
        color: "#1661ab",
        data: rows.map((r) => r.amount),
        label: {
          show: true,
          position: "top",
          formatter: (p: { dataIndex: number }) => {
            const n = rows[p.dataIndex]?.count ?? 0;
            return n > 0 ? `${n}项` : "";
          },
        },
      },
    ],
  };
}

/**
 * The year part of the dashboard (GET /api/v1/dashboard?year=): awards by county and item group
 * with every year beside for comparison, cases by state, the average working days of each review
 * step and budget use — each card titled by the year it shows.
 */
export function YearSection({ year }: { year: number }) {
  const query = $api.useQuery("get", "/api/v1/dashboard", { params: { query: { year } } });
  return (
    <QueryView query={query}>
      {(d) => (
        <Flex vertical gap={16}>
          <AwardsCard d={d} year={year} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <CasesCard d={d} year={year} />
            </Col>
            <Col xs={24} lg={8}>
              <ReviewStepsCard d={d} year={year} />
            </Col>
            <Col xs={24} lg={8}>
              <BudgetsCard d={d} year={year} />
            </Col>
          </Row>
        </Flex>
      )}
    </QueryView>
  );
}

function AwardsCard({ d, year }: { d: Dashboard; year: number }) {
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Card
      title={`${year} 年奖励${d.county ? `（${d.county}）` : ""}：${d.awards.total.count} 项，${yuan(d.awards.total.amount)}`}
      size="small"
      data-testid="year-awards"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        有效奖励（待拨付、已拨付），按预算年度；柱高为金额，柱顶为项数。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Typography.Text strong>{year} 年按县（市、区）</Typography.Text>
          {d.awards.total.count === 0 ? (
            <EmptyHint text={`${year} 年没有奖励。公示期满的申报转为奖励后在此统计。`} />
          ) : (
            <Chart
              option={bars(d.awards.byCounty, "按县", narrow)}
              height={280}
              testId="overview-awards-county"
            />
          )}
        </Col>
        <Col xs={24} lg={7}>
          <Typography.Text strong>{year} 年按项目类别</Typography.Text>
          {d.awards.total.count === 0 ? (
            <EmptyHint text={`${year} 年没有奖励`} />
          ) : (
            <Chart
              option={bars(d.awards.byGroup, "按类别", narrow)}
              height={280}
              testId="overview-awards-group"
            />
          )}
        </Col>
        <Col xs={24} lg={7}>
          <Typography.Text strong>各年度对比</Typography.Text>
          <Chart
            option={bars(d.awards.byYear, "按年度", narrow)}
            height={280}
            testId="overview-awards-year"
          />
        </Col>
      </Row>
    </Card>
  );
}

function CasesCard({ d, year }: { d: Dashboard; year: number }) {
  const rows = d.cases.map((c, i) => ({
    name: STATE_NAMES[c.state],
    value: c.count,
    color: SLICE_COLORS[i % SLICE_COLORS.length] as string,
  }));
  const total = rows.reduce((s, r) => s + r.value, 0);
  return (
    <Card title={`${year} 年申报状态`} size="small" data-testid="overview-cases">
      {total === 0 ? (
        <EmptyHint text={`${year} 年还没有提交的申报。`} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {year} 年首次提交的申报共 {total.toLocaleString("zh-CN")} 件（企业未提交的草稿不计）。
          </Typography.Paragraph>
          <Row gutter={8} align="middle" wrap={false}>
            <Col flex="1 1 55%" style={{ minWidth: 0 }}>
              <Chart
                height={200}
                testId="chart-cases"
                option={{
                  tooltip: { trigger: "item", formatter: "{b}：{c} 件（{d}%）" },
                  series: [
                    {
                      type: "pie",
                      name: "申报状态",
                      radius: ["40%", "72%"],
                      label: { show: false },
                      data: rows.map((r) => ({
                        name: r.name,
                        value: r.value,
                        itemStyle: { color: r.color },
                      })),
                    },
                  ],
                }}
              />
            </Col>
            {/* The legend is text beside the donut: every state's name whole, read by screen readers. */}
            <Col flex="0 0 auto">
              <ul
                aria-label="申报状态图例"
                data-testid="cases-legend"
                style={{ listStyle: "none", margin: 0, padding: 0 }}
              >
                {rows.map((r) => (
                  <li key={r.name} style={{ whiteSpace: "nowrap", lineHeight: "24px" }}>
                    <span
                      aria-hidden
                      style={{
                        display: "inline-block",
                        width: 10,
                        height: 10,
                        borderRadius: 2,
                        background: r.color,
                        marginRight: 6,
                      }}
                    />
                    {r.name} {r.value} 件
                  </li>
                ))}
              </ul>
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}

function ReviewStepsCard({ d, year }: { d: Dashboard; year: number }) {
  return (
    <Card title={`${year} 年各审核环节平均用时`} size="small" data-testid="overview-review-steps">
      <Table
        size="small"
        rowKey="step"
        pagination={false}
        dataSource={d.reviewSteps}
        columns={[
          { title: "环节", dataIndex: "name" },
          { title: "决定数", dataIndex: "decisions", width: 64, align: "right" },
          {
            title: "平均工作日",
            dataIndex: "averageDays",
            width: 90,
            align: "right",
            render: (v: number | null) => (v === null ? "—" : v),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        按决定日期计入年度；工作日不计提交（或上一环节）当日，按法定节假日和调休计算。
      </Typography.Paragraph>
    </Card>
  );
}

function BudgetsCard({ d, year }: { d: Dashboard; year: number }) {
  const rows = d.budgets;
  const t = rows.reduce(
    (s, b) => ({
      total: s.total + b.total,
      used: s.used + b.paid + b.reserved,
      paid: s.paid + b.paid,
    }),
    { total: 0, used: 0, paid: 0 },
  );
  const option: ChartOption = {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v: number) => yuan(v),
    },
    xAxis: { type: "value", axisLabel: { formatter: (v: number) => `${v / 10000}万` } },
    yAxis: { type: "category", data: rows.map((b) => b.sourceName), inverse: true },
    series: (
      [
        ["paid", "已拨付", "#52c41a"],
        ["reserved", "已预留", "#1661ab"],
        ["remaining", "剩余", "#d9d9d9"],
      ] as const
    ).map(([k, name, color]) => ({
      name,
      type: "bar",
      stack: "b",
      barMaxWidth: 24,
      color,
      data: rows.map((b) => b[k]),
    })),
  };
  return (
    <Card title={`${year} 年预算执行`} size="small" data-testid="overview-budgets">
      {rows.length === 0 ? (
        <EmptyHint text={`${year} 年还没有预算。财政人员在“预算”页设定后显示。`} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            合计预算 {yuan(t.total)}，已预留与已拨付 {yuan(t.used)}（
            {t.total > 0 ? Math.round((t.used / t.total) * 1000) / 10 : 0}%），其中已拨付{" "}
            {yuan(t.paid)}。
          </Typography.Paragraph>
          <Chart
            option={option}
            height={Math.max(200, rows.length * 28 + 70)}
            testId="chart-budgets"
          />
        </>
      )}
    </Card>
  );
}
