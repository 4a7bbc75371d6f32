import { Alert, Typography } from "antd";
import type { ReactNode } from "react";
import { today } from "../../components/common.tsx";
import type { PolicySummary } from "../enterprise/kit.tsx";

/** A public page's title (its one h1) and introduction. */
export function PublicHeading({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div>
      {/* The page's one h1, at the size of the officials' page titles. */}
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="page-intro">
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
