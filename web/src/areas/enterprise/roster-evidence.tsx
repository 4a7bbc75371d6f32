import { Card, Descriptions, Typography } from "antd";
import type { CSSProperties } from "react";
import { beijingTime } from "../../components/common.tsx";
import type { ApplicationDetail } from "./kit.tsx";

export type RosterRecord = NonNullable<ApplicationDetail["roster"]>;

const WRAP: CSSProperties = { overflowWrap: "anywhere" };

/**
 * 名单依据: the official roster row an offer (免申即享) was made from — which roster, who
 * publishes it, the import and the row, and the row's own cells, header by header.
 */
export function RosterEvidence({
  roster,
  hint,
  style,
  size,
}: {
  roster: RosterRecord;
  /** "small" inside another card (the offer's notice); the page's own cards' size otherwise. */
  size?: "small";
  /** What the reader is asked to do with it (the enterprise checks it before confirming). */
  hint?: string;
  style?: CSSProperties;
}) {
  return (
    <Card
      title="名单依据"
      size={size}
      data-testid="roster-evidence"
      style={{ marginBottom: 16, ...style }}
    >
      <Typography.Paragraph style={{ marginBottom: 4, ...WRAP }}>
        <Typography.Text strong>{roster.kindTitle}</Typography.Text>
        <Typography.Text type="secondary">（发布：{roster.publisher}）</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph
        type="secondary"
        style={{ marginBottom: 8, fontSize: 13, ...WRAP }}
        data-testid="roster-source"
      >
        {`导入批次 ${roster.importNumber} · 第 ${roster.row} 行 · 导入时间 ${beijingTime(roster.importedAt)} · 文件 ${roster.filename}`}
      </Typography.Paragraph>
      {hint && (
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="roster-hint">
          {hint}
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="roster-cells"
        // The headers' column as wide as its longest header; the values take the rest.
        styles={{ label: { width: "1%", whiteSpace: "nowrap" }, content: WRAP }}
        items={roster.cells.map((c, i) => ({
          key: `${i}:${c.header}`,
          label: c.header,
          children:
            c.value === "" ? <Typography.Text type="secondary">（空）</Typography.Text> : c.value,
        }))}
      />
    </Card>
  );
}
