import { Col, Row } from "antd";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import type { Schema } from "../../api/types.ts";
import { Chart, type ChartOption } from "../dashboard/Chart.tsx";

type Simulation = Schema<"PolicySimulation">;
type Tallies = Record<string, { count: number; amountYuan: number }>;

const WAN = 10_000;
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** Baseline against draft, in 万元, over the given keys. */
function bars(title: string, keys: string[], before: Tallies, after: Tallies): ChartOption {
  return {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${v} 万元` },
    legend: { data: ["原政策", "草稿"], top: 0, right: 0 },
    grid: { left: 48, right: 16, top: 64, bottom: 64 },
    xAxis: {
      type: "category",
      data: keys,
      axisLabel: { interval: 0, rotate: keys.length > 6 ? 40 : 0 },
    },
    yAxis: { type: "value", name: "万元" },
    series: [
      { name: "原政策", type: "bar", data: keys.map((k) => wan(before[k]?.amountYuan ?? 0)) },
      { name: "草稿", type: "bar", data: keys.map((k) => wan(after[k]?.amountYuan ?? 0)) },
    ],
  };
}

/**
 * The what-if in charts: by county, by item, and the year's money against its budget (the city
 * fund's, or for a county's supporting pack the county's).
 */
export function SimulationCharts({ run }: { run: Simulation }) {
  const counties = COUNTIES.filter((c) => run.baseline.byCounty[c] || run.draft.byCounty[c]);
  const items = [
    ...new Set([...Object.keys(run.baseline.byItem), ...Object.keys(run.draft.byItem)]),
  ].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const years = [
    ...new Set([...Object.keys(run.baseline.byYear), ...Object.keys(run.draft.byYear)]),
  ].sort();
  const cityByYear: ChartOption = {
    title: { text: "市级专项资金（按申报年度）", left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${v} 万元` },
    legend: { data: ["原政策", "草稿"], top: 0, right: 0 },
    grid: { left: 56, right: 16, top: 64, bottom: 32 },
    xAxis: { type: "category", data: years },
    // Up to the budget at least, so that its line is in view.
    yAxis: {
      type: "value",
      name: "万元",
      max: (v: { max: number }) => Math.ceil(Math.max(v.max, wan(run.cityFundBudget)) * 1.1),
    },
    series: [
      {
        name: "原政策",
        type: "bar",
        data: years.map((y) => wan(run.baseline.byYear[y]?.cityYuan ?? 0)),
        markLine: {
          symbol: "none",
          label: {
            position: "insideStartTop",
            formatter: `年度预算 ${run.cityFundBudget / WAN} 万元`,
          },
          data: [{ yAxis: wan(run.cityFundBudget) }],
        },
      },
      {
        name: "草稿",
        type: "bar",
        data: years.map((y) => wan(run.draft.byYear[y]?.cityYuan ?? 0)),
      },
    ],
  };
  const county = run.county;
  // A county's supporting pack: all of its money is the county's, against the county's budget of
  // each year on record.
  const countyByYear: ChartOption | null = county && {
    title: { text: `${county.name}财政（按申报年度）`, left: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${v ?? "—"} 万元` },
    legend: { data: ["原政策", "草稿", "年度预算"], top: 0, right: 0 },
    grid: { left: 56, right: 16, top: 64, bottom: 32 },
    xAxis: { type: "category", data: years },
    yAxis: { type: "value", name: "万元" },
    series: [
      {
        name: "原政策",
        type: "bar",
        data: years.map((y) => wan(run.baseline.byYear[y]?.amountYuan ?? 0)),
      },
      {
        name: "草稿",
        type: "bar",
        data: years.map((y) => wan(run.draft.byYear[y]?.amountYuan ?? 0)),
      },
      {
        name: "年度预算",
        type: "line",
        data: years.map((y) =>
          county.budgetByYear[y] === undefined ? null : wan(county.budgetByYear[y]),
        ),
      },
    ],
  };
  return (
    <Row gutter={[16, 16]} data-testid="whatif-charts">
      <Col xs={24} lg={12}>
        <Chart
          option={bars("按县（市、区）", counties, run.baseline.byCounty, run.draft.byCounty)}
          testId="whatif-county"
        />
      </Col>
      <Col xs={24} lg={12}>
        {countyByYear ? (
          <Chart option={countyByYear} testId="whatif-county-fund" />
        ) : (
          <Chart option={cityByYear} testId="whatif-city-fund" />
        )}
      </Col>
      <Col xs={24}>
        <Chart
          option={bars("按奖励项目", items, run.baseline.byItem, run.draft.byItem)}
          testId="whatif-item"
        />
      </Col>
    </Row>
  );
}
