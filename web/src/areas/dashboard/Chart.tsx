import { BarChart, LineChart, PieChart } from "echarts/charts";
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** The colours of the target statuses, in both charts and tags. */
export const STATUS_COLORS: Record<string, string> = {
  met: "#52c41a",
  on_track: "#1661ab",
  at_risk: "#faad14",
  missed: "#ff4d4f",
  no_data: "#bfbfbf",
};

/**
 * An ECharts chart: created once on its element, given each new option whole, resized with its
 * container (the menu folding, the window) and disposed with the component.
 */
export function Chart({
  option,
  height = 300,
  testId,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
  onClick?: (params: { name: string; dataIndex: number; seriesName?: string }) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) => {
      const p = params as { name: string; dataIndex: number; seriesName?: string };
      click.current?.(p);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        textStyle: { fontFamily: "inherit" },
        ...option,
      },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={element}
      data-testid={testId}
      style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined }}
    />
  );
}
