import { Alert } from "antd";
import { $api } from "../api/client.ts";

/**
 * The notice shown when no policy is in force today (五、附则: three years from the effective day,
 * and no successor published yet): since when, and what can still be claimed. The engine decides
 * a claim by its event date, so an event inside a pack's period is still claimed and decided under
 * that pack after it has expired; an event in no pack's period is not covered.
 */
export function PolicyNotice() {
  const inForce = $api.useQuery("get", "/api/v1/policies/in-force");
  const data = inForce.data;
  if (!data || data.inForce || !data.message) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="policy-expired"
      message={`现行政策已失效：${data.message}`}
      description={
        data.packs.length > 0
          ? `${data.packs
              .map(
                (p) =>
                  `获奖、认定、验收或取证之日在 ${p.start} 至 ${p.end} 之间的，仍可按《${p.shortTitle}》申报，并按其审核、兑现`,
              )
              .join("；")}；此后发生的事件在新政策发布前不予核定。`
          : undefined
      }
    />
  );
}
