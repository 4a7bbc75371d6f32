import { Card, Col, Row, Table } from "antd";
import { STATE_NAMES } from "../../../../src/applications/states.ts";
import { get } from "../../api.ts";
import { EmptyHint, Loaded, useLoad, yuan } from "../../components/common.tsx";
import { Chart, type ChartOption } from "./Chart.tsx";

interface Tally {
  key: string;
  count: number;
  amount: number;
}

interface Overview {
  county: string | null;
  awards: {
    byCounty: Tally[];
    byGroup: Tally[];
    byYear: Tally[];
    total: { count: number; amount: number };
  };
  budgets: {
    year: number;
    source: string;
    sourceName: string;
    total: number;
    reserved: number;
    paid: number;
    remaining: number;
  }[];
  cases: { state: string; count: number }[];
  reviewSteps: { step: string; name: string; decisions: number; averageDays: number | null }[];
}

function bars(rows: Tally[], testName: string): ChartOption {
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 56, right: 16, top: 24, bottom: 56 },
    xAxis: {
      type: "category",
      data: rows.map((r) => r.key),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: "value", name: "万元" },
    series: [
      {
        name: testName,
        type: "bar",
        data: rows.map((r) => Math.round(r.amount / 100) / 100),
        label: {
          show: true,
          position: "top",
          formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex]?.count ?? 0} 项`,
        },
      },
    ],
  };
}

/**
 * The aggregates every dashboard reader may see (GET /api/v1/dashboard): awards by county, item
 * group and year (all years), budget use, cases by state, and the average days of each review step.
 */
export function OverviewCards({ withAwards }: { withAwards: boolean }) {
  const state = useLoad(() => get<Overview>("/api/v1/dashboard"));
  return (
    <Loaded state={state}>
      {(d) => (
        <>
          {withAwards && (
            <Card
              title={`奖励（全部年度${d.county ? `，${d.county}` : ""}）：${d.awards.total.count} 项，${yuan(d.awards.total.amount)}`}
              size="small"
              style={{ marginBottom: 16 }}
            >
              {d.awards.total.count === 0 ? (
                <EmptyHint text="尚无奖励。公示期满的申报转为奖励后在此统计。" />
              ) : (
                <Row gutter={16}>
                  <Col xs={24} lg={12}>
                    <Chart
                      option={bars(d.awards.byCounty, "按县")}
                      height={280}
                      testId="overview-awards-county"
                    />
                  </Col>
                  <Col xs={24} lg={6}>
                    <Chart
                      option={bars(d.awards.byGroup, "按类别")}
                      height={280}
                      testId="overview-awards-group"
                    />
                  </Col>
                  <Col xs={24} lg={6}>
                    <Chart
                      option={bars(d.awards.byYear, "按年度")}
                      height={280}
                      testId="overview-awards-year"
                    />
                  </Col>
                </Row>
              )}
            </Card>
          )}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={8}>
              <Card title="申报状态" size="small" data-testid="overview-cases">
                <Chart
                  height={260}
                  option={{
                    tooltip: { trigger: "item" },
                    series: [
                      {
                        type: "pie",
                        radius: ["35%", "65%"],
                        data: d.cases.map((c) => ({
                          name: STATE_NAMES[c.state as keyof typeof STATE_NAMES] ?? c.state,
                          value: c.count,
                        })),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title="各审核环节平均用时" size="small" data-testid="overview-review-steps">
                <Table
                  size="small"
                  rowKey="step"
                  pagination={false}
                  dataSource={d.reviewSteps}
                  columns={[
                    { title: "环节", dataIndex: "name" },
                    { title: "决定数", dataIndex: "decisions", width: 70, align: "right" },
                    {
                      title: "平均工作日",
                      dataIndex: "averageDays",
                      width: 80,
                      align: "right",
                      render: (v: number | null) => (v === null ? "—" : v),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title="预算执行（全部年度）" size="small" data-testid="overview-budgets">
                <Chart
                  height={260}
                  option={{
                    tooltip: { trigger: "axis" },
                    legend: { bottom: 0 },
                    grid: { left: 56, right: 8, top: 16, bottom: 56 },
                    xAxis: {
                      type: "category",
                      data: d.budgets.map(
                        (b) => `${b.year} ${b.source === "city" ? "市级" : b.source}`,
                      ),
                      axisLabel: { rotate: 30 },
                    },
                    yAxis: { type: "value", name: "万元" },
                    series: (["paid", "reserved", "remaining"] as const).map((k) => ({
                      name: { paid: "已拨付", reserved: "已预留", remaining: "剩余" }[k],
                      type: "bar",
                      stack: "b",
                      data: d.budgets.map((b) => Math.round(b[k] / 100) / 100),
                    })),
                  }}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Loaded>
  );
}
