import { Alert, Grid, Typography } from "antd";
import type { ReactNode } from "react";
import { today } from "../../components/common.tsx";
import type { PolicySummary } from "../enterprise/kit.tsx";

/**
 * A public page's title and introduction. On a phone the menu's ☰ button sits at the left edge
 * just below the header, where the introduction begins: the heading keeps clear of it.
 */
export function PublicHeading({ title, children }: { title: ReactNode; children?: ReactNode }) {
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <div style={narrow ? { paddingLeft: 44 } : undefined}>
      {/* The page's one h1, at the size of the officials' page titles. */}
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {title}
      </Typography.Title>
      {/* The secondary grey is too faint on the page's grey background (WCAG AA contrast). */}
      <Typography.Paragraph style={{ color: "rgba(0, 0, 0, 0.65)" }} data-testid="page-intro">
        {children}
      </Typography.Paragraph>
    </div>
  );
}

/**
 * The notice of a policy whose validity has ended (五、附则: three years from its effective day).
 * The engine decides a claim by its event date, so an event inside the validity is still claimed
 * and decided under the policy after it has expired; an event after it is not covered.
 */
export function ExpiredNotice({ policy }: { policy: PolicySummary }) {
  if (today() <= policy.expires) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="policy-expired"
      message={`本政策有效期至 ${policy.expires}（${policy.validityRef}），现已失效`}
      description={`获奖、认定、验收或取证之日在 ${policy.effective} 至 ${policy.expires} 之间的，仍可按本政策申报，并按本政策审核、兑现；此后发生的事件不适用本政策。`}
    />
  );
}
