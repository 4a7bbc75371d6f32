import {
  Alert,
  Badge,
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import type { HTMLAttributes } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import { get } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  Loaded,
  StateTag,
  useLoad,
  yuan,
} from "../../components/common.tsx";
import {
  type ApplicationList,
  type ApplicationView,
  itemLabel,
  loadCatalog,
  STATE_NAMES,
  type State,
} from "../enterprise/kit.tsx";

/** The states an official acts on, by role. (Drafts are the enterprise's own: never listed here.) */
export const TODO: Record<string, State[]> = {
  county_official: ["submitted", "county_review"],
  city_official: ["city_review"],
};

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

const YEARS = (() => {
  const now = new Date().getFullYear();
  const years: number[] = [];
  for (let y = now; y >= 2023; y--) years.push(y);
  return years;
})();

/** 审核队列: the cases in the official's scope, by state, with filters and search. */
export function Queue() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const role = user?.role ?? "";
  const isCity = role === "city_official";
  const todo = TODO[role] ?? [];
  const state = params.get("state") ?? "all";
  const filters = {
    item: params.get("item") ?? undefined,
    county: isCity ? (params.get("county") ?? undefined) : undefined,
    q: params.get("q") ?? undefined,
    year: params.get("year") ?? undefined,
  };
  const page = Number(params.get("page") ?? "1") || 1;
  const filterKey = JSON.stringify(filters);
  const catalog = useLoad(loadCatalog);
  const counts = useLoad(
    () => get<ApplicationList>("/api/v1/applications", { ...filters, pageSize: 1 }),
    filterKey,
  );
  const list = useLoad(
    () =>
      get<ApplicationList>("/api/v1/applications", {
        ...filters,
        state: state === "all" ? undefined : state,
        page,
        pageSize: 20,
      }),
    `${filterKey}:${state}:${page}`,
  );

  function set(changes: Record<string, string | undefined>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === "") next.delete(k);
          else next.set(k, v);
        }
        if (!("page" in changes)) next.delete("page");
        return next;
      },
      { replace: true },
    );
  }

  const countOf = (s: State) => counts.data?.countsByState[s] ?? 0;
  const todoTotal = todo.reduce((n, s) => n + countOf(s), 0);
  const hasFilters = Boolean(filters.item || filters.county || filters.q || filters.year);

  return (
    <Card
      title="审核队列"
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
          key={filters.q ?? ""}
          defaultValue={filters.q}
          style={{ width: 320 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          data-testid="queue-search"
        />
        <Select
          allowClear
          placeholder="全部奖励项目"
          style={{ width: 300 }}
          value={filters.item}
          onChange={(v: string | undefined) => set({ item: v })}
          showSearch={{ optionFilterProp: "label" }}
          loading={catalog.loading}
          data-testid="queue-item"
          options={(catalog.data?.items ?? [])
            .filter((i) => i.kind === "fixed")
            .map((i) => ({ value: i.id, label: `${i.id} ${i.title}` }))}
        />
        {isCity && (
          <Select
            allowClear
            placeholder="全部县（市、区）"
            style={{ width: 160 }}
            value={filters.county}
            onChange={(v: string | undefined) => set({ county: v })}
            data-testid="queue-county"
            options={COUNTIES.map((c) => ({ value: c, label: c }))}
          />
        )}
        <Select
          allowClear
          placeholder="申报年度"
          style={{ width: 120 }}
          value={filters.year}
          onChange={(v: string | undefined) => set({ year: v })}
          data-testid="queue-year"
          options={YEARS.map((y) => ({ value: String(y), label: `${y} 年` }))}
        />
        {hasFilters && (
          <Button onClick={() => setParams(state === "all" ? {} : { state }, { replace: true })}>
            清除筛选
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={state}
        onChange={(k) => set({ state: k === "all" ? undefined : k })}
        data-testid="queue-tabs"
        items={[
          { key: "all", label: <span data-testid="tab-all">全部 {counts.data?.total ?? ""}</span> },
          ...TAB_ORDER.filter((s) => countOf(s) > 0 || todo.includes(s) || s === state).map(
            (s) => ({
              key: s,
              label: (
                <span data-testid={`tab-${s}`}>
                  {STATE_NAMES[s]}{" "}
                  {todo.includes(s) ? (
                    <Badge
                      count={countOf(s)}
                      showZero
                      color={countOf(s) > 0 ? "#1661ab" : "#bbb"}
                    />
                  ) : (
                    countOf(s)
                  )}
                </span>
              ),
            }),
          ),
        ]}
      />
      <Loaded
        state={list}
        empty={(d) =>
          d.total === 0 ? (
            <EmptyHint
              text={
                hasFilters
                  ? "没有符合筛选条件的申报。可以清除筛选条件，或换一个关键词。"
                  : state === "all"
                    ? "本范围内还没有申报。企业提交申报后会出现在这里。"
                    : todo.includes(state as State)
                      ? `没有“${STATE_NAMES[state as State]}”的申报，暂无待办。可切换到“全部”查看其他申报。`
                      : `没有“${STATE_NAMES[state as State] ?? state}”的申报。可切换到“全部”查看。`
              }
              action={
                hasFilters || state !== "all" ? (
                  <Button onClick={() => setParams({}, { replace: true })}>查看全部申报</Button>
                ) : undefined
              }
            />
          ) : null
        }
      >
        {(d) => (
          <Table<ApplicationView>
            rowKey="id"
            size="middle"
            data-testid="queue-table"
            dataSource={d.items}
            loading={list.loading}
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
              pageSize: 20,
              total: d.total,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t} 件`,
              onChange: (p) => set({ page: String(p) }),
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
      </Loaded>
    </Card>
  );
}
