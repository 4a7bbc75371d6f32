import { keepPreviousData } from "@tanstack/react-query";
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  theme,
} from "antd";
import type { HTMLAttributes } from "react";
import { Link, useNavigate } from "react-router-dom";
import { STATE_NAMES, type State } from "../../../../src/applications/states.ts";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import { $api } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import { beijingTime, EmptyHint, QueryView, StateTag, yuan } from "../../components/common.tsx";
import { ExportButton, useAddressFilters } from "../../components/filters.tsx";
import { itemLabel, useCatalog } from "../enterprise/kit.tsx";

type Application = Schema<"Application">;

const TAB_ORDER: State[] = [
  "submitted",
  "county_review",
  "city_review",
  "returned",
  "approved",
  "publicity",
  "awarded",
  "rejected",
  "withdrawn",
];

/** The tab that opens the queue: the cases waiting for the official's own step. */
const WAITING = "waiting";
/** The tab of every case in scope (in the address, so that it is not taken for the default). */
const ALL = "all";

const YEARS = (() => {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now; y >= 2023; y--) years.push(y);
  return years;
})();

const FILTER_KEYS = ["state", "county", "item", "year", "q"] as const;

/**
 * 审核队列: the cases in the official's scope. It opens on what waits for the official's step
 * (全部 one click away); filters and page are in the address; 导出当前筛选 exports every row.
 */
export function Queue() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isCity = user?.role === "city_official";
  const { token } = theme.useToken();
  const { filters, page, pageSize, setFilters, setPage } = useAddressFilters(FILTER_KEYS, {
    state: WAITING,
  });
  const tab = filters.state ?? WAITING;
  const narrowing = {
    item: filters.item,
    county: isCity ? filters.county : undefined,
    q: filters.q,
    year: filters.year ? Number(filters.year) : undefined,
  };
  // The list's query under the tab: what waits for the caller, every state, or one state.
  const listQuery = {
    ...narrowing,
    ...(tab === WAITING
      ? { waiting: "true" as const }
      : tab === ALL
        ? {}
        : { state: tab as State }),
  };
  const catalog = useCatalog();
  // The counts of the tabs: every state under the same narrowing.
  const counts = $api.useQuery(
    "get",
    "/api/v1/applications",
    { params: { query: { ...narrowing, pageSize: 1 } } },
    { placeholderData: keepPreviousData },
  );
  const list = $api.useQuery(
    "get",
    "/api/v1/applications",
    { params: { query: { ...listQuery, page, pageSize } } },
    { placeholderData: keepPreviousData },
  );

  const todo = counts.data?.waitingStates ?? [];
  const countOf = (s: State) => counts.data?.countsByState[s] ?? 0;
  const todoTotal = todo.reduce((n, s) => n + countOf(s), 0);
  const shownStates = TAB_ORDER.filter((s) => countOf(s) > 0 || todo.includes(s) || s === tab);
  const hasFilters = Boolean(narrowing.item || narrowing.county || narrowing.q || narrowing.year);
  // The filters cleared, the tab kept.
  const clearFilters = () =>
    setFilters({ ...EVERYTHING, state: tab === WAITING ? undefined : tab });
  // One list of tabs: a tab bar at a desk, a select on a phone.
  const tabs: { key: string; name: string; count: number | undefined }[] = [
    ...(todo.length > 0 ? [{ key: WAITING, name: "待我办理", count: todoTotal }] : []),
    { key: ALL, name: "全部", count: counts.data?.total },
    ...shownStates.map((s) => ({ key: s, name: STATE_NAMES[s], count: countOf(s) })),
  ];

  return (
    <Card
      title={<h1 style={{ fontSize: "inherit", margin: 0 }}>审核队列</h1>}
      extra={
        isCity ? (
          <Typography.Text type="secondary">范围：全市</Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="scope-county">
            范围：{user?.county ?? "本县（市、区）"}
          </Typography.Text>
        )
      }
    >
      {counts.data && todo.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type={todoTotal > 0 ? "info" : "success"}
          showIcon
          data-testid="todo-summary"
          title={
            todoTotal > 0
              ? `待您办理：${todo.map((s) => `${STATE_NAMES[s]} ${countOf(s)} 件`).join("，")}`
              : "当前没有待您办理的申报"
          }
        />
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder="申报编号、奖励对象、组织名称或信用代码"
          aria-label="搜索申报"
          enterButton="搜索"
          key={filters.q ?? ""}
          defaultValue={filters.q}
          style={{ width: 320, maxWidth: "100%" }}
          onSearch={(v) => setFilters({ q: v.trim() || undefined })}
          data-testid="queue-search"
        />
        <Select
          allowClear
          placeholder="全部奖励项目"
          aria-label="奖励项目"
          style={{ width: 300, maxWidth: "100%" }}
          value={filters.item}
          onChange={(v: string | undefined) => setFilters({ item: v })}
          showSearch={{ optionFilterProp: "label" }}
          loading={catalog.isPending}
          data-testid="queue-item"
          options={(catalog.data?.items ?? [])
            .filter((i) => i.kind === "fixed")
            .map((i) => ({ value: i.id, label: `${i.id} ${i.title}` }))}
        />
        {isCity && (
          <Select
            allowClear
            placeholder="全部县（市、区）"
            aria-label="县（市、区）"
            style={{ width: 160 }}
            value={filters.county}
            onChange={(v: string | undefined) => setFilters({ county: v })}
            data-testid="queue-county"
            options={COUNTIES.map((c) => ({ value: c, label: c }))}
          />
        )}
        <Select
          allowClear
          placeholder="申报年度"
          aria-label="申报年度"
          style={{ width: 120 }}
          value={filters.year}
          onChange={(v: string | undefined) => setFilters({ year: v })}
          data-testid="queue-year"
          options={YEARS.map((y) => ({ value: String(y), label: `${y} 年` }))}
        />
        {hasFilters && <Button onClick={clearFilters}>清除筛选</Button>}
        <ExportButton path="/api/v1/applications/export" query={listQuery} />
      </Space>
      {screens.md === false ? (
        // A phone picks the tab from a list: the tab bar would overflow into a menu that is not
        // a tab (and that a screen reader cannot place in the tab list).
        <Select
          aria-label="按状态查看"
          style={{ width: "100%", marginBottom: 12 }}
          value={tab}
          onChange={(k: string) => setFilters({ state: k === WAITING ? undefined : k })}
          data-testid="queue-state-select"
          options={tabs.map((t) => ({
            value: t.key,
            label: `${t.name} ${t.count ?? ""}`,
          }))}
        />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setFilters({ state: k === WAITING ? undefined : k })}
          data-testid="queue-tabs"
          items={tabs.map((t) => ({
            key: t.key,
            label: (
              <span data-testid={`tab-${t.key}`}>
                {t.name}{" "}
                {t.key === WAITING ? (
                  <Badge
                    count={t.count}
                    showZero
                    color={todoTotal > 0 ? token.colorPrimary : token.colorTextSecondary}
                  />
                ) : (
                  t.count
                )}
              </span>
            ),
          }))}
        />
      )}
      <QueryView
        query={list}
        empty={(d) =>
          d.total === 0 ? (
            <EmptyHint
              text={
                hasFilters
                  ? "没有符合筛选条件的申报。可以清除筛选条件，或换一个关键词。"
                  : tab === WAITING
                    ? "当前没有待您办理的申报。可切换到“全部”查看其他申报。"
                    : tab === ALL
                      ? "本范围内还没有申报。企业提交申报后会出现在这里。"
                      : `没有“${STATE_NAMES[tab as State] ?? tab}”的申报。可切换到“全部”查看。`
              }
              action={
                hasFilters || tab !== ALL ? (
                  <Button onClick={() => setFilters({ ...EVERYTHING })}>查看全部申报</Button>
                ) : undefined
              }
            />
          ) : null
        }
      >
        {(d) => (
          <Table<Application>
            rowKey="id"
            size="middle"
            data-testid="queue-table"
            dataSource={d.items}
            loading={list.isFetching}
            scroll={{ x: 860 }}
            onRow={(a) =>
              ({
                "data-testid": `queue-row-${a.number}`,
                style: { cursor: "pointer" },
                onClick: (e: React.MouseEvent) => {
                  if ((e.target as HTMLElement).closest("a")) return;
                  navigate(`/review/${a.id}`);
                },
              }) as HTMLAttributes<HTMLElement>
            }
            pagination={{
              current: page,
              pageSize,
              total: d.total,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t.toLocaleString("zh-CN")} 件`,
              onChange: (p) => setPage(p),
            }}
            columns={[
              {
                title: "申报编号",
                dataIndex: "number",
                width: 140,
                render: (n: string, a) => <Link to={`/review/${a.id}`}>{n}</Link>,
              },
              {
                title: "组织",
                key: "org",
                ellipsis: true,
                render: (_, a) => (
                  <>
                    <Typography.Text ellipsis={{ tooltip: a.organization.name }}>
                      {a.organization.name}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.organization.county}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: "奖励项目 / 对象",
                key: "item",
                ellipsis: true,
                render: (_, a) => (
                  <>
                    <Typography.Text ellipsis={{ tooltip: itemLabel(a) }}>
                      {itemLabel(a)}
                    </Typography.Text>
                    <div>
                      <Typography.Text
                        type="secondary"
                        style={{ fontSize: 12 }}
                        ellipsis={{ tooltip: a.subject }}
                      >
                        {a.subject}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: "状态",
                dataIndex: "state",
                width: 160,
                render: (s: State, a) => (
                  <Space size={4}>
                    <StateTag state={s} name={a.stateName} />
                    {todo.includes(s) && <Tag color="blue">待办</Tag>}
                  </Space>
                ),
              },
              {
                title: "预计金额",
                dataIndex: "expectedAmount",
                width: 120,
                align: "right",
                render: (v: number | null) => yuan(v),
              },
              {
                title: "首次提交",
                dataIndex: "submittedAt",
                width: 160,
                render: beijingTime,
              },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}

/** Every filter cleared and the 全部 tab: the whole scope. */
const EVERYTHING = {
  state: ALL,
  item: undefined,
  county: undefined,
  q: undefined,
  year: undefined,
} as const;
