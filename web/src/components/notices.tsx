import { Badge, Button, Card, Tag, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import type { Role } from "../../../src/auth/roles.ts";
import { $api, fetchClient, queryClient } from "../api/client.ts";
import { beijingTime, EmptyHint, QueryView } from "./common.tsx";

/** The roles with an inbox: an enterprise's users, the county's and city's officials, finance. */
export const INBOX_ROLES: readonly Role[] = [
  "enterprise",
  "county_official",
  "city_official",
  "finance",
];

const noticesKey = () => $api.queryOptions("get", "/api/v1/notices").queryKey;

async function markRead(id: string) {
  await fetchClient.POST("/api/v1/notices/{id}/read", { params: { path: { id } } });
  await queryClient.invalidateQueries({ queryKey: noticesKey() });
}

/**
 * 站内通知: what the system told this user's inbox (the organization's, or the officials' who act
 * next), newest first, each opening its case or page.
 */
export function NoticesCard({ limit = 20 }: { limit?: number }) {
  const notices = $api.useQuery("get", "/api/v1/notices", { params: { query: { limit } } });
  return (
    <Card
      title={
        <span>
          站内通知{" "}
          {notices.data && notices.data.unread > 0 && (
            <Tag color="red">{notices.data.unread} 条未读</Tag>
          )}
        </span>
      }
      data-testid="org-notices"
    >
      <QueryView
        query={notices}
        empty={(d) => (d.items.length === 0 ? <EmptyHint text="暂无通知" /> : null)}
      >
        {(d) => (
          // A list, not a table: each notice reads top to bottom on a phone too.
          <div>
            {d.items.map((n) => (
              <div
                key={n.id}
                data-testid="notice"
                style={{ padding: "10px 0", borderBottom: "1px solid #f0f0f0" }}
              >
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
                  <span style={{ fontWeight: n.read ? "normal" : 600 }}>
                    {n.read ? null : <Tag color="red">未读</Tag>}
                    {n.title}
                  </span>
                  {!n.read && (
                    <Button
                      size="small"
                      type="link"
                      aria-label={`将“${n.title}”标为已读`}
                      onClick={() => void markRead(n.id)}
                    >
                      标为已读
                    </Button>
                  )}
                </div>
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                  {beijingTime(n.createdAt)}
                </Typography.Text>
                <div>{n.body}</div>
                {n.link && (
                  <Link to={n.link} onClick={() => void (n.read ? null : markRead(n.id))}>
                    {n.link.startsWith("/my/applications/") || n.link.startsWith("/review/")
                      ? "查看申报"
                      : "前往处理"}
                  </Link>
                )}
              </div>
            ))}
          </div>
        )}
      </QueryView>
    </Card>
  );
}

/** The header's 消息 button: the unread count as a badge, read again every minute. */
export function InboxButton({ narrow }: { narrow: boolean }) {
  const navigate = useNavigate();
  const notices = $api.useQuery(
    "get",
    "/api/v1/notices",
    { params: { query: { unread: "true", limit: 1 } } },
    { refetchInterval: 60_000 },
  );
  const unread = notices.data?.unread ?? 0;
  return (
    <Button
      type="text"
      data-testid="inbox-button"
      data-unread={notices.data ? unread : undefined}
      aria-label={unread > 0 ? `消息中心，${unread} 条未读` : "消息中心"}
      onClick={() => navigate("/messages")}
      style={{ color: "#fff", flexShrink: 0, paddingInline: narrow ? 6 : 12 }}
    >
      <Badge count={unread} size="small" offset={[6, -2]} data-testid="inbox-unread">
        <span style={{ color: "#fff" }}>{narrow ? "✉" : "消息"}</span>
      </Badge>
    </Button>
  );
}
