/**
 * 政策管理: the packs on record, and a new pack file taken through validation (every problem at its
 * path), the differences from the pack in force, the what-if on past claims, saving as a draft and
 * publishing with a confirmation that names the effective day.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Modal,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { lazy, Suspense, useRef, useState } from "react";
import { $api, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import { beijingTime, QueryView, StateTag, usePageTitle, yuan } from "../../components/common.tsx";

const SimulationCharts = lazy(() =>
  import("./SimulationCharts.tsx").then((m) => ({ default: m.SimulationCharts })),
);

type Validation = Schema<"PackValidation">;
type Diff = Schema<"PackDiff">;
type Simulation = Schema<"PolicySimulation">;
type PolicyRecord = Schema<"PolicyRecord">;

export function PoliciesPage() {
  usePageTitle("政策管理");
  const { user } = useAuth();
  const manages = user?.role === "city_official" || user?.role === "county_official";
  const records = $api.useQuery("get", "/api/v1/policies/records");
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card title="已收录的政策">
        <Typography.Paragraph type="secondary">
          每件申报按其事件日期（获奖、认定、验收或取证之日）适用当日施行的政策。已发布的政策不再修改；更正即上传新版本，发布后取代旧版本。
        </Typography.Paragraph>
        <QueryView query={records}>
          {(data) => <RecordsTable items={data.items} manages={manages} />}
        </QueryView>
      </Card>
      {manages ? <NewPack /> : null}
    </Space>
  );
}

function RecordsTable({ items, manages }: { items: PolicyRecord[]; manages: boolean }) {
  const [publishing, setPublishing] = useState<PolicyRecord | null>(null);
  return (
    <>
      <Table<PolicyRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="policy-records"
        columns={[
          {
            title: "政策",
            render: (_, r) => (
              <span>
                {r.shortTitle}
                <Typography.Text type="secondary"> {r.packId}</Typography.Text>
              </span>
            ),
          },
          { title: "版本", dataIndex: "revision", width: 60, responsive: ["md"] },
          { title: "适用地区", dataIndex: "jurisdiction", responsive: ["md"] },
          {
            title: "施行期",
            render: (_, r) => `${r.effective} 至 ${r.expires}`,
          },
          {
            title: "实际施行",
            responsive: ["md"],
            render: (_, r) => (r.governs ? `${r.governs.start} 至 ${r.governs.end}` : "—"),
          },
          {
            title: "状态",
            render: (_, r) => <StateTag state={r.state} name={r.stateName} />,
          },
          { title: "上传", responsive: ["lg"], render: (_, r) => beijingTime(r.createdAt) },
          ...(manages
            ? [
                {
                  title: "操作",
                  render: (_: unknown, r: PolicyRecord) =>
                    r.state === "draft" ? (
                      <Button
                        size="small"
                        type="primary"
                        data-testid={`publish-${r.packId}`}
                        onClick={() => setPublishing(r)}
                      >
                        发布
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {publishing ? (
        <PublishDialog record={publishing} onClose={() => setPublishing(null)} />
      ) : null}
    </>
  );
}

/** Publishing asks once more, naming the day the pack governs from and what it repeals. */
function PublishDialog({ record, onClose }: { record: PolicyRecord; onClose: () => void }) {
  const { message } = App.useApp();
  const publish = $api.useMutation("post", "/api/v1/policies/records/{id}/publish");
  const run = async () => {
    try {
      const done = await publish.mutateAsync({
        params: { path: { id: record.id } },
        body: { effective: record.effective, version: record.version },
      });
      message.success(
        `已发布《${record.shortTitle}》，${done.effective} 起施行${done.repealed.length > 0 ? `；同时废止 ${done.repealed.join("、")}` : ""}`,
      );
      onClose();
      await refetchAll();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title="发布政策"
      okText={`确认自 ${record.effective} 起施行`}
      cancelText="取消"
      onOk={run}
      confirmLoading={publish.isPending}
      onCancel={onClose}
    >
      <Typography.Paragraph data-testid="publish-confirm">
        发布后，《{record.shortTitle}》（{record.packId} 第 {record.revision} 版）自{" "}
        <Typography.Text strong>{record.effective}</Typography.Text> 起施行，有效至 {record.expires}
        ；事件日期在此之后的申报按本政策核定。它声明废止的政策及本政策的旧版本同时废止，但仍适用于其施行期内的事件。发布后不能修改。
      </Typography.Paragraph>
    </Modal>
  );
}

function NewPack() {
  const { message } = App.useApp();
  const [source, setSource] = useState("");
  const [validation, setValidation] = useState<Validation | null>(null);
  const validate = $api.useMutation("post", "/api/v1/policies/validate");
  const upload = $api.useMutation("post", "/api/v1/policies");
  const picker = useRef<HTMLInputElement>(null);

  const check = async (text: string) => {
    setSource(text);
    try {
      setValidation(await validate.mutateAsync({ body: { source: text } }));
    } catch (e) {
      setValidation(null);
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const save = async () => {
    try {
      const saved = await upload.mutateAsync({ body: { source } });
      message.success(`已存为草稿：${saved.packId} 第 ${saved.revision} 版，可在上表发布`);
      await refetchAll();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card title="上传新政策">
      <Typography.Paragraph type="secondary">
        选择政策文件（YAML 或 JSON，格式见
        docs/pack-format.md）：先校验，再与现行政策对比、按历史申报推演，确认后存为草稿并发布。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button onClick={() => picker.current?.click()} data-testid="pack-pick">
          选择政策文件
        </Button>
        <input
          ref={picker}
          type="file"
          accept=".yaml,.yml,.json,text/yaml,application/json"
          data-testid="pack-file"
          aria-label="政策文件"
          style={{ display: "none" }}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) await check(await file.text());
            e.target.value = "";
          }}
        />
        {validate.isPending ? <Typography.Text type="secondary">校验中…</Typography.Text> : null}
      </Space>
      {validation ? <ValidationReport validation={validation} /> : null}
      {validation?.ok && validation.pack ? (
        <>
          <Tabs
            items={[
              { key: "diff", label: "与现行政策对比", children: <DiffView source={source} /> },
              { key: "whatif", label: "沙盘推演", children: <WhatIf source={source} /> },
            ]}
          />
          <Button type="primary" onClick={save} loading={upload.isPending} data-testid="pack-save">
            存为草稿
          </Button>
        </>
      ) : null}
    </Card>
  );
}

function ValidationReport({ validation }: { validation: Validation }) {
  if (validation.ok && validation.pack) {
    const p = validation.pack;
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="pack-valid"
        message={`文件有效：《${p.shortTitle}》（${p.id}），${p.items} 个奖励项目`}
        description={`适用地区 ${p.jurisdiction}；施行期 ${p.effective} 至 ${p.expires}`}
      />
    );
  }
  return (
    <div data-testid="pack-problems" style={{ marginBottom: 16 }}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 8 }}
        message={`文件有 ${validation.problems.length} 处问题，未保存`}
      />
      <Table
        rowKey={(p) => `${p.path}|${p.message}`}
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={validation.problems}
        columns={[
          {
            title: "位置",
            dataIndex: "path",
            render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
          },
          { title: "问题", dataIndex: "message" },
        ]}
      />
    </div>
  );
}

function DiffView({ source }: { source: string }) {
  const diff = $api.useQuery("post", "/api/v1/policies/diff", { body: { source } });
  return (
    <QueryView query={diff}>
      {(d: Diff) => (
        <div data-testid="pack-diff">
          <Typography.Paragraph>
            对比对象：{d.from.title}（{d.from.id}）
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <span>新增项目：{idTags(d.added, "green")}</span>
            <span>删除项目：{idTags(d.removed, "red")}</span>
          </Space>
          <Table
            rowKey={(c) => `${c.item ?? "-"}|${c.field}`}
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            dataSource={d.changed}
            columns={[
              { title: "项目", render: (_, c) => c.item ?? "政策整体" },
              { title: "内容", dataIndex: "field" },
              { title: "变化", dataIndex: "text" },
            ]}
          />
        </div>
      )}
    </QueryView>
  );
}

/** Item ids as tags, or 无. */
function idTags(ids: readonly string[], color: string) {
  if (ids.length === 0) return "无";
  return ids.map((id) => (
    <Tag key={id} color={color}>
      {id}
    </Tag>
  ));
}

function WhatIf({ source }: { source: string }) {
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [run, setRun] = useState<Simulation | null>(null);
  const simulate = $api.useMutation("post", "/api/v1/policies/simulate");
  const go = async () => {
    try {
      setRun(
        await simulate.mutateAsync({
          body: {
            source,
            ...(range?.[0] ? { from: range[0].format("YYYY-MM-DD") } : {}),
            ...(range?.[1] ? { to: range[1].format("YYYY-MM-DD") } : {}),
          },
        }),
      );
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div>
      <Typography.Paragraph type="secondary">
        所选期间内已提交且未撤回的申报，按其事件日期当时施行的政策核定（原政策），再视同草稿当时施行重新核定（草稿），比较金额与承担方。只保存推演结果，不改变任何申报。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={["事件日期起", "事件日期止"]}
          onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
          aria-label="事件日期范围"
        />
        <Button onClick={go} loading={simulate.isPending} data-testid="whatif-run">
          开始推演
        </Button>
      </Space>
      {run ? (
        <div data-testid="whatif-result">
          <Alert
            type={run.deltaYuan > 0 ? "warning" : "info"}
            showIcon
            style={{ marginBottom: 16 }}
            message={`${run.county ? `${run.county.name}组织的 ` : ""}${run.claims} 件申报：原政策 ${yuan(run.baseline.totalYuan)}，草稿 ${yuan(run.draft.totalYuan)}，差额 ${run.deltaYuan >= 0 ? "+" : ""}${yuan(run.deltaYuan)}`}
            description={
              run.county
                ? `县级配套政策（四（三））：只推演${run.county.name}组织的申报，与市级对同一申报的核定并行（叠加或就高不重复），金额全部由${run.county.name}财政承担，以其各年度预算为参照。`
                : `市级承担：原 ${yuan(run.baseline.bySource.city)} → 草稿 ${yuan(run.draft.bySource.city)}；县级承担：原 ${yuan(run.baseline.bySource.county)} → 草稿 ${yuan(run.draft.bySource.county)}`
            }
          />
          <Suspense fallback={null}>
            <SimulationCharts run={run} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
