import { Typography } from "antd";
import type { ReactNode } from "react";

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
