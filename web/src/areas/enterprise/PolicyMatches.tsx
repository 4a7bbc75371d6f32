import { Alert, Button, Card, Space, Tag, Typography } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { $api } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { yuan } from "../../components/common.tsx";
import { itemLabel } from "./kit.tsx";

type Matches = Schema<"PolicyMatches">;
type Offer = Matches["offers"][number];
type ToComplete = Matches["toComplete"][number];

/** The calculator's address pre-filled with a roster row: item, event date, subject and facts. */
export function calculatorLink(row: {
  item: string;
  eventDate: string;
  subject?: string;
  facts: Record<string, unknown>;
}): string {
  const query = new URLSearchParams({ item: row.item, eventDate: row.eventDate });
  if (row.subject) query.set("subject", row.subject);
  if (Object.keys(row.facts).length > 0) query.set("facts", JSON.stringify(row.facts));
  return `/calculator?${query.toString()}`;
}

/** The text that announces the offers waiting, as 我的申报 has always shown it. */
function OffersHint({
  count,
  onShow,
  marginBottom = 12,
}: {
  count: number;
  onShow: () => void;
  marginBottom?: number;
}) {
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom }}
      data-testid="offers-hint"
      title={`您有 ${count} 项奖励待确认（免申即享）：按官方名单生成，核对后确认申领即可，无需上传材料。`}
      action={
        <Button size="small" onClick={onShow}>
          查看
        </Button>
      }
    />
  );
}

const LIST: CSSProperties = { listStyle: "none", margin: 0, padding: 0 };
const ROW: CSSProperties = { padding: "10px 0", borderTop: "1px solid #f0f0f0" };
const WRAP: CSSProperties = { overflowWrap: "anywhere" };
const LINE: CSSProperties = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  justifyContent: "space-between",
  columnGap: 12,
  rowGap: 4,
};

function OfferRow({ offer }: { offer: Offer }) {
  const navigate = useNavigate();
  return (
    <li style={ROW} data-testid={`match-offer-${offer.number}`}>
      <div style={LINE}>
        <Typography.Text strong style={WRAP}>
          {itemLabel(offer)}
        </Typography.Text>
        <Typography.Text strong data-testid="match-offer-amount">
          {yuan(offer.amount)}
        </Typography.Text>
      </div>
      <div style={WRAP}>
        <Typography.Text type="secondary">奖励对象：{offer.subject}</Typography.Text>
      </div>
      <div style={{ ...LINE, marginTop: 4 }}>
        <Typography.Text type="secondary">
          确认期限：<Typography.Text strong>{offer.confirmBy}</Typography.Text>
        </Typography.Text>
        <Button
          type="primary"
          size="small"
          data-testid="match-confirm"
          aria-label={`去确认：${itemLabel(offer)}`}
          onClick={() => navigate(`/my/applications/${offer.id}`)}
        >
          去确认
        </Button>
      </div>
    </li>
  );
}

function ToCompleteRow({ row }: { row: ToComplete }) {
  const navigate = useNavigate();
  return (
    <li style={ROW} data-testid={`match-row-${row.rowId}`}>
      <Typography.Text strong style={WRAP}>
        {itemLabel(row)}
      </Typography.Text>
      <div style={WRAP}>
        <Typography.Text type="secondary">奖励对象：{row.subject}</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">事件日期：{row.eventDate}</Typography.Text>
      </div>
      <div style={{ ...LINE, marginTop: 4 }}>
        <span data-testid="match-missing">
          <Typography.Text type="secondary">名单未列：</Typography.Text>
          {row.missing.map((m) => (
            <Tag key={m.key} style={{ marginInlineEnd: 4 }}>
              {m.label}
            </Tag>
          ))}
        </span>
        <Space wrap size={8}>
          <Button
            size="small"
            data-testid="match-calculate"
            aria-label={`去测算：${itemLabel(row)}`}
            onClick={() => navigate(calculatorLink(row))}
          >
            去测算
          </Button>
          <Button
            size="small"
            type="primary"
            ghost
            data-testid="match-apply"
            aria-label={`去申报：${itemLabel(row)}`}
            onClick={() => navigate("/my/applications/new")}
          >
            去申报
          </Button>
        </Space>
      </div>
    </li>
  );
}

function Section({
  title,
  hint,
  testId,
  children,
}: {
  title: ReactNode;
  hint?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section data-testid={testId} style={{ marginBottom: 4 }}>
      {title}
      {hint && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {children}
    </section>
  );
}

/**
 * 政策匹配 at the top of 我的申报: the offers made from official rosters waiting for the
 * enterprise's confirmation, and the roster rows naming it that a fact the roster lacks keeps
 * from being granted (to measure in the calculator, then to claim). Nothing while it is read;
 * should it fail, or hold nothing, the offers' hint alone (when there are offers).
 */
export function PolicyMatches({
  offerCount,
  onShowOffers,
}: {
  /** The organization's cases waiting for confirmation, as the list counts them. */
  offerCount: number;
  /** Shows the offers in the list below. */
  onShowOffers: () => void;
}) {
  const matches = $api.useQuery("get", "/api/v1/me/matches");
  if (matches.isPending) return null;
  const data = matches.data;
  const offers = data?.offers ?? [];
  const toComplete = data?.toComplete ?? [];
  if (offers.length === 0 && toComplete.length === 0)
    return offerCount > 0 ? <OffersHint count={offerCount} onShow={onShowOffers} /> : null;
  return (
    <Card
      title="政策匹配"
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="policy-matches"
      styles={{ body: { paddingTop: 8, paddingBottom: 4 } }}
    >
      {offers.length > 0 && (
        <Section
          testId="matches-offers"
          title={<OffersHint count={offers.length} onShow={onShowOffers} marginBottom={4} />}
        >
          <ul style={LIST}>
            {offers.map((o) => (
              <OfferRow key={o.id} offer={o} />
            ))}
          </ul>
        </Section>
      )}
      {toComplete.length > 0 && (
        <Section
          testId="matches-to-complete"
          title={
            <Typography.Text strong style={{ display: "block", marginTop: offers.length ? 8 : 0 }}>
              名单已列出，补充信息后可申报（{toComplete.length} 项）
            </Typography.Text>
          }
          hint="官方名单列有本单位，但缺少核定所需的信息。可先在政策计算器中补充测算，再新建申报并上传证明材料。"
        >
          <ul style={LIST}>
            {toComplete.map((r) => (
              <ToCompleteRow key={r.rowId} row={r} />
            ))}
          </ul>
        </Section>
      )}
    </Card>
  );
}
