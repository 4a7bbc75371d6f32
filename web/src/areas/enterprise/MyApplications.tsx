import { Alert, Button, Card, Segmented, Space, Table, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { Link, useNavigate } from "react-router-dom";
import { STATE_NAMES, type State } from "../../../../src/applications/states.ts";
import { $api } from "../../api/client.ts";
import { beijingTime, EmptyHint, QueryView, StateTag, yuan } from "../../components/common.tsx";
import { useAddressFilters } from "../../components/filters.tsx";
import { type ApplicationView, itemLabel } from "./kit.tsx";
import { PolicyMatches } from "./PolicyMatches.tsx";

/** The filter's states, in the order a case moves through them; each named by the shared table. */
const FILTER_STATES: State[] = [
  "offered",
  "draft",
  "returned",
  "submitted",
  "county_review",
  "city_review",
  "approved",
  "publicity",
  "awarded",
  "rejected",
  "withdrawn",
  "expired",
];
const ALL = "all";

/** 我的申报: the organization's cases with their state and the amount the engine expects. */
export function MyApplications() {
  const navigate = useNavigate();
  const { filters, page, pageSize, setFilters, setPage } = useAddressFilters(["state"] as const);
  const state = FILTER_STATES.find((x) => x === filters.state);
  const filter = state ?? ALL;
  const list = $api.useQuery("get", "/api/v1/applications", {
    params: { query: { state, page, pageSize } },
  });
  // Counts per state for the filter, independent of the filter itself.
  const counts = $api.useQuery("get", "/api/v1/applications", {
    params: { query: { pageSize: 1 } },
  });
  const countOf = (s: State) => counts.data?.countsByState[s] ?? 0;
  const returned = countOf("returned");
  const drafts = countOf("draft");
  const offers = countOf("offered");
  const setFilter = (value: string) => setFilters({ state: value === ALL ? null : value });
  const newButton = (
    <Button
      type="primary"
      data-testid="new-application"
      onClick={() => navigate("/my/applications/new")}
    >
      新建申报
    </Button>
  );
  return (
    <Card title="我的申报" extra={newButton}>
      <PolicyMatches offerCount={offers} onShowOffers={() => setFilter("offered")} />
      {returned > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="returned-hint"
          title={`有 ${returned} 件申报被退回补正：请打开申报，按审核意见修改或补充材料后重新提交。`}
          action={
            <Button size="small" onClick={() => setFilter("returned")}>
              查看
            </Button>
          }
        />
      )}
      {drafts > 0 && returned === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${drafts} 件草稿尚未提交：上传证明材料并提交后，才进入审核并计“最先申报”时间。`}
        />
      )}
      {/* The states with cases, and the one chosen; on a phone the filter scrolls in its row. */}
      <div style={{ overflowX: "auto", marginBottom: 12 }}>
        <Segmented
          data-testid="my-filter"
          value={filter}
          onChange={(v) => setFilter(String(v))}
          options={[
            { value: ALL, label: `全部 ${counts.data?.total ?? ""}` },
            ...FILTER_STATES.filter((s) => countOf(s) > 0 || s === state).map((s) => ({
              value: s,
              label: `${STATE_NAMES[s]} ${countOf(s)}`,
            })),
          ]}
        />
      </div>
      <QueryView
        query={list}
        empty={(d) =>
          d.total === 0 ? (
            filter === ALL ? (
              <EmptyHint
                text="还没有申报。点击“新建申报”，选择奖励项目、填写信息、上传证明材料后提交。"
                action={newButton}
              />
            ) : (
              <EmptyHint
                text={`没有“${state ? STATE_NAMES[state] : ""}”的申报`}
                action={<Button onClick={() => setFilter(ALL)}>查看全部申报</Button>}
              />
            )
          ) : null
        }
      >
        {(d) => (
          <Table<ApplicationView>
            rowKey="id"
            size="middle"
            dataSource={d.items}
            loading={list.isFetching}
            scroll={{ x: 900 }}
            onRow={(a) => ({ "data-testid": `my-row-${a.number}` }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page,
              pageSize,
              total: d.total,
              showTotal: (t) => `共 ${t} 件`,
              showSizeChanger: false,
              onChange: (p) => setPage(p),
            }}
            columns={[
              {
                title: "申报编号",
                dataIndex: "number",
                width: 150,
                render: (n: string, a) => <Link to={`/my/applications/${a.id}`}>{n}</Link>,
              },
              {
                title: "奖励项目",
                key: "item",
                render: (_, a) => (
                  <>
                    <div>{itemLabel(a)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.clause}
                    </Typography.Text>
                  </>
                ),
              },
              { title: "奖励对象", dataIndex: "subject", ellipsis: true },
              {
                title: "状态",
                dataIndex: "state",
                width: 110,
                render: (s: State, a) => <StateTag state={s} name={a.stateName} />,
              },
              {
                title: "预计金额",
                dataIndex: "expectedAmount",
                width: 130,
                align: "right",
                render: (v: number | null, a) =>
                  v === null ? (
                    <Typography.Text type="secondary">
                      {a.state === "draft" ? "提交后核定" : "—"}
                    </Typography.Text>
                  ) : (
                    yuan(v)
                  ),
              },
              {
                title: "首次提交",
                dataIndex: "submittedAt",
                width: 170,
                render: beijingTime,
              },
              {
                title: "操作",
                key: "op",
                width: 110,
                render: (_, a) => (
                  <Space>
                    <Link
                      to={
                        a.state === "draft"
                          ? `/my/applications/new?id=${a.id}`
                          : `/my/applications/${a.id}`
                      }
                      data-testid={`open-${a.number}`}
                    >
                      {a.state === "draft" ? "继续填写" : a.state === "returned" ? "补正" : "查看"}
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}
