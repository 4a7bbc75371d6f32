import { Alert, Button, Card, Segmented, Space, Table, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { get } from "../../api.ts";
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
  STATE_NAMES,
  type State,
} from "./kit.tsx";

const FILTERS: { value: string; label: string; states: State[] | null }[] = [
  { value: "all", label: "全部", states: null },
  { value: "draft", label: "草稿", states: ["draft"] },
  { value: "returned", label: "退回补正", states: ["returned"] },
  { value: "submitted", label: "已提交", states: ["submitted"] },
  { value: "county_review", label: "县级初审中", states: ["county_review"] },
  { value: "city_review", label: "市级复审中", states: ["city_review"] },
  { value: "approved", label: "审核通过", states: ["approved"] },
  { value: "publicity", label: "公示中", states: ["publicity"] },
  { value: "awarded", label: "已奖励", states: ["awarded"] },
  { value: "rejected", label: "不予通过", states: ["rejected"] },
  { value: "withdrawn", label: "已撤回", states: ["withdrawn"] },
];

/** 我的申报: the organization's cases with their state and the amount the engine expects. */
export function MyApplications() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState("all");
  const [page, setPage] = useState(1);
  const state = filter === "all" ? undefined : filter;
  const list = useLoad(
    () => get<ApplicationList>("/api/v1/applications", { state, page, pageSize: 20 }),
    `${filter}:${page}`,
  );
  // Counts per state for the filter, independent of the filter itself.
  const counts = useLoad(
    () => get<ApplicationList>("/api/v1/applications", { pageSize: 1 }),
    String(list.data?.total ?? ""),
  );
  const countOf = (s: State) => counts.data?.countsByState[s] ?? 0;
  const returned = countOf("returned");
  const drafts = countOf("draft");
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
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => {
          setFilter(String(v));
          setPage(1);
        }}
        options={FILTERS.filter(
          (f) => f.states === null || f.states.some((s) => countOf(s) > 0) || f.value === filter,
        ).map((f) => ({
          value: f.value,
          label:
            f.states === null
              ? `全部 ${counts.data?.total ?? ""}`
              : `${f.label} ${f.states.reduce((n, s) => n + countOf(s), 0)}`,
        }))}
      />
      <Loaded
        state={list}
        empty={(d) =>
          d.total === 0 ? (
            filter === "all" ? (
              <EmptyHint
                text="还没有申报。点击“新建申报”，选择奖励项目、填写信息、上传证明材料后提交。"
                action={newButton}
              />
            ) : (
              <EmptyHint
                text={`没有“${STATE_NAMES[filter as State] ?? filter}”的申报`}
                action={<Button onClick={() => setFilter("all")}>查看全部申报</Button>}
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
            loading={list.loading}
            onRow={(a) => ({ "data-testid": `my-row-${a.number}` }) as HTMLAttributes<HTMLElement>}
            pagination={{
              current: page,
              pageSize: 20,
              total: d.total,
              showTotal: (t) => `共 ${t} 件`,
              onChange: setPage,
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
      </Loaded>
    </Card>
  );
}
