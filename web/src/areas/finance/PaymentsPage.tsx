import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { z } from "zod";
import { BATCH_STATE_NAMES } from "../../../../src/payments/states.ts";
import {
  PROJECT_TRANCHE_MACHINE,
  PROPOSAL_STATE_NAMES,
  TRANCHE_KIND_NAMES,
} from "../../../../src/projects/states.ts";
import { $api, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  QueryView,
  StateTag,
  showApiError,
  today,
  usePageTitle,
  yuan,
  zodRule,
} from "../../components/common.tsx";
import { DownloadButton, ExportButton, useAddressFilters } from "../../components/filters.tsx";
import {
  CURRENT_YEAR,
  sourceOptions,
  testId,
  useCan,
  useRequestKey,
  yearOptions,
} from "./shared.tsx";

type PaymentBatch = Schema<"PaymentBatch">;
type Candidate = Schema<"PaymentCandidate">;
type Line = Schema<"PaymentLine">;
type Tranche = Schema<"ProjectTrancheRow">;

const trancheKind = (k: string) => TRANCHE_KIND_NAMES[k as keyof typeof TRANCHE_KIND_NAMES] ?? k;

// ── The payments page ─────────────────────────────────────────────────────────

export function PaymentsPage() {
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "batches";
  const tranches = can("project.pay", { county: null });
  return (
    <Card title="拨付" styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tranches ? tab : "batches"}
        onChange={(k) => setParams(k === "batches" ? {} : { tab: k })}
        items={[
          { key: "batches", label: "奖励拨付批次", children: <BatchesTab /> },
          ...(tranches
            ? [{ key: "tranches", label: "公共项目款项", children: <TranchesTab /> }]
            : []),
        ]}
      />
    </Card>
  );
}

interface CreateForm {
  year: number;
  source: string;
}

const BATCH_FILTERS = ["year", "source", "state", "q"] as const;

/** A batch number as finance types it (BF-2026-0001), or the record id of a link. */
const BATCH_REF =
  /^(BF-\d{4}-\d{4,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function BatchesTab() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sources = sourceOptions(user);
  const [form] = Form.useForm<CreateForm>();
  const key = useRequestKey();
  const [openRef, setOpenRef] = useState("");
  const { filters, query, page, pageSize, setFilters, setPage } = useAddressFilters(BATCH_FILTERS);
  const asked = {
    ...(query.year ? { year: Number(query.year) } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.state ? { state: query.state as PaymentBatch["state"] } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
  const batches = $api.useQuery("get", "/api/v1/payment-batches", {
    params: { query: { ...asked, page, pageSize } },
  });
  const candidates = $api.useQuery("get", "/api/v1/payment-batches/candidates");
  const createBatch = $api.useMutation("post", "/api/v1/payment-batches");

  const create = async (v: CreateForm) => {
    try {
      const batch = await createBatch.mutateAsync({
        body: { year: v.year, source: v.source },
        headers: { "idempotency-key": key.keyFor(v) },
      });
      key.done();
      const left = batch.withoutAccount.length;
      message.success(
        `已生成拨付批次 ${batch.number}（${batch.lines} 笔）${left > 0 ? `；${left} 笔无已核实账户，未列入` : ""}`,
      );
      await refetchAll();
      navigate(`/finance/payments/${batch.number}`);
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    }
  };

  return (
    <Space orientation="vertical" size={24} style={{ width: "100%" }}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={15}>
          <Typography.Title level={5}>可生成批次的奖励</Typography.Title>
          <QueryView
            query={candidates}
            empty={(d) =>
              d.items.length === 0 ? (
                <EmptyHint text="目前没有可列入新批次的奖励。公示期满的申报转为奖励并在预算中预留后会出现在这里；已在待登记批次中的奖励不再列入。" />
              ) : null
            }
          >
            {(d) => (
              <Table<Candidate>
                rowKey={(g) => `${g.year}-${g.source}`}
                size="small"
                pagination={false}
                scroll={{ x: 520 }}
                dataSource={d.items}
                onRow={(g) => testId(`unpaid-${g.year}-${g.source}`)}
                columns={[
                  { title: "预算年度", dataIndex: "year", width: 90 },
                  { title: "资金来源", dataIndex: "sourceName" },
                  {
                    title: "笔数",
                    key: "count",
                    align: "right",
                    width: 110,
                    render: (_: unknown, g) => (
                      <>
                        <div>{g.count}</div>
                        {g.withoutAccount > 0 && (
                          <Typography.Text type="warning" style={{ fontSize: 12 }}>
                            {g.withoutAccount} 笔无核实账户
                          </Typography.Text>
                        )}
                      </>
                    ),
                  },
                  { title: "金额", dataIndex: "amount", align: "right", render: yuan },
                  {
                    title: "操作",
                    key: "op",
                    width: 110,
                    render: (_: unknown, g) =>
                      sources.some((s) => s.value === g.source) ? (
                        <Button
                          size="small"
                          type="primary"
                          loading={createBatch.isPending}
                          data-testid={`payment-create-${g.year}-${g.source}`}
                          onClick={() => {
                            form.setFieldsValue({ year: g.year, source: g.source });
                            void create({ year: g.year, source: g.source });
                          }}
                        >
                          生成批次
                        </Button>
                      ) : null,
                  },
                ]}
              />
            )}
          </QueryView>
        </Col>
        <Col xs={24} lg={9}>
          <Typography.Title level={5}>生成拨付批次</Typography.Title>
          <Form<CreateForm>
            form={form}
            layout="vertical"
            onFinish={create}
            initialValues={{ year: CURRENT_YEAR, source: sources[0]?.value }}
            data-testid="payment-create-form"
          >
            <Space align="start" wrap>
              <Form.Item
                name="year"
                label="预算年度"
                rules={[{ required: true, message: "请选择年度" }]}
              >
                <Select style={{ width: 110 }} options={yearOptions()} />
              </Form.Item>
              <Form.Item
                name="source"
                label="资金来源"
                rules={[{ required: true, message: "请选择资金来源" }]}
              >
                <Select style={{ width: 150 }} options={sources} disabled={sources.length === 1} />
              </Form.Item>
            </Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={createBatch.isPending}
              data-testid="payment-create-submit"
            >
              生成批次
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              列入该预算中所有待拨付、且不在其他待登记批次中的奖励。
            </Typography.Paragraph>
          </Form>
          <Typography.Title level={5}>按编号打开批次</Typography.Title>
          <Space.Compact style={{ width: "100%" }}>
            <Input
              placeholder="如 BF-2026-0001"
              value={openRef}
              onChange={(e) => setOpenRef(e.target.value.trim())}
              onPressEnter={() =>
                BATCH_REF.test(openRef) &&
                navigate(
                  `/finance/payments/${openRef.toUpperCase().startsWith("BF-") ? openRef.toUpperCase() : openRef}`,
                )
              }
              aria-label="批次编号"
            />
            <Button
              disabled={!BATCH_REF.test(openRef)}
              data-testid="payment-open"
              onClick={() =>
                navigate(
                  `/finance/payments/${openRef.toUpperCase().startsWith("BF-") ? openRef.toUpperCase() : openRef}`,
                )
              }
            >
              打开
            </Button>
          </Space.Compact>
        </Col>
      </Row>
      <div>
        <Space wrap style={{ marginBottom: 12, justifyContent: "space-between", width: "100%" }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            拨付批次
          </Typography.Title>
          <Space wrap>
            <Select
              style={{ width: 120 }}
              value={filters.year ?? "all"}
              onChange={(v) => setFilters({ year: v === "all" ? null : v })}
              options={[
                { value: "all", label: "全部年度" },
                ...yearOptions().map((y) => ({ value: String(y.value), label: y.label })),
              ]}
              aria-label="年度"
              data-testid="batches-year"
            />
            {sources.length > 1 && (
              <Select
                style={{ width: 150 }}
                value={filters.source ?? "all"}
                onChange={(v) => setFilters({ source: v === "all" ? null : v })}
                options={[{ value: "all", label: "全部资金来源" }, ...sources]}
                aria-label="资金来源"
                data-testid="batches-source"
              />
            )}
            <Select
              style={{ width: 130 }}
              value={filters.state ?? "all"}
              onChange={(v) => setFilters({ state: v === "all" ? null : v })}
              options={[
                { value: "all", label: "全部状态" },
                ...Object.entries(BATCH_STATE_NAMES).map(([value, label]) => ({ value, label })),
              ]}
              aria-label="状态"
              data-testid="batches-state"
            />
            <Input.Search
              allowClear
              placeholder="批次编号"
              defaultValue={filters.q ?? ""}
              onSearch={(v) => setFilters({ q: v.trim() || null })}
              style={{ width: 170 }}
              aria-label="按批次编号筛选"
            />
            <ExportButton
              path="/api/v1/payment-batches/export"
              query={asked}
              testId="batches-export"
            />
          </Space>
        </Space>
        <QueryView
          query={batches}
          empty={(d) =>
            d.total === 0 ? (
              <EmptyHint
                text={
                  Object.keys(asked).length > 0
                    ? "没有符合条件的拨付批次，可调整筛选条件再看。"
                    : "还没有拨付批次。在上方为有待拨付奖励的预算生成批次。"
                }
              />
            ) : null
          }
        >
          {(d) => (
            <Table<PaymentBatch>
              rowKey="id"
              size="middle"
              dataSource={d.items}
              scroll={{ x: 900 }}
              data-testid="payment-batches"
              pagination={{
                current: page,
                pageSize,
                total: d.total,
                showSizeChanger: true,
                hideOnSinglePage: d.total <= 20,
                showTotal: (t) => `共 ${t} 批`,
                onChange: setPage,
              }}
              onRow={(b) => testId(`batch-row-${b.number}`)}
              columns={[
                {
                  title: "批次编号",
                  key: "number",
                  width: 140,
                  render: (_: unknown, b) => (
                    <Link to={`/finance/payments/${b.number}`}>{b.number}</Link>
                  ),
                },
                {
                  title: "预算",
                  key: "budget",
                  render: (_: unknown, b) => `${b.year} 年${b.sourceName}`,
                },
                {
                  title: "状态",
                  key: "state",
                  width: 120,
                  render: (_: unknown, b) => <StateTag state={b.state} name={b.stateName} />,
                },
                { title: "笔数", dataIndex: "lines", align: "right", width: 70 },
                { title: "合计", dataIndex: "total", align: "right", width: 130, render: yuan },
                {
                  title: "待拨付 / 已拨付 / 失败",
                  key: "split",
                  align: "right",
                  render: (_: unknown, b) =>
                    `${yuan(b.pending)} / ${yuan(b.paid)} / ${yuan(b.failed)}`,
                },
                {
                  title: "日期",
                  key: "dates",
                  width: 170,
                  render: (_: unknown, b) => (
                    <>
                      <div>生成 {beijingTime(b.createdAt)}</div>
                      {b.lastPaidDate && <div>最近拨付 {b.lastPaidDate}</div>}
                    </>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </div>
    </Space>
  );
}

// ── One batch ─────────────────────────────────────────────────────────────────

type ResultForm = { treasuryRef?: string; paidDate?: Dayjs; reason?: string };

const futureDay = (d: Dayjs) => d.format("YYYY-MM-DD") > today();

export function PaymentBatchPage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const detail = $api.useQuery("get", "/api/v1/payment-batches/{id}", {
    params: { path: { id } },
  });
  usePageTitle(detail.data ? `拨付批次 ${detail.data.number}` : undefined);
  const [recording, setRecording] = useState<{ line: Line; outcome: "paid" | "failed" } | null>(
    null,
  );
  const [form] = Form.useForm<ResultForm>();
  const key = useRequestKey();
  const [error, setError] = useState<string | null>(null);
  const recordResult = $api.useMutation("post", "/api/v1/payment-lines/{id}/result");

  const record = async (v: ResultForm) => {
    if (!recording) return;
    const body =
      recording.outcome === "paid"
        ? {
            outcome: "paid" as const,
            treasuryRef: (v.treasuryRef ?? "").trim(),
            paidDate: v.paidDate?.format("YYYY-MM-DD") ?? "",
          }
        : { outcome: "failed" as const, reason: (v.reason ?? "").trim() };
    try {
      await recordResult.mutateAsync({
        params: { path: { id: recording.line.id } },
        body,
        headers: { "idempotency-key": key.keyFor({ line: recording.line.id, ...body }) },
      });
      key.done();
      message.success(
        recording.outcome === "paid"
          ? `已登记 ${recording.line.award} 拨付成功`
          : `已登记 ${recording.line.award} 拨付失败，该奖励可列入新的批次`,
      );
      setRecording(null);
      await refetchAll();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    }
  };

  const open = (line: Line, outcome: "paid" | "failed") => {
    key.done();
    form.resetFields();
    if (outcome === "paid") form.setFieldsValue({ paidDate: dayjs(today()) });
    setRecording({ line, outcome });
  };

  return (
    <QueryView query={detail}>
      {(batch) => {
        const sum = (s?: string) =>
          batch.lines.filter((l) => !s || l.state === s).reduce((t, l) => t + l.amount, 0);
        const count = (s: string) => batch.lines.filter((l) => l.state === s).length;
        return (
          <Card
            title={
              <Space>
                <Link to="/finance/payments">拨付</Link>
                <span>/</span>
                <span data-testid="payment-batch-number">拨付批次 {batch.number}</span>
              </Space>
            }
            extra={
              <DownloadButton
                type="primary"
                path={`/api/v1/payment-batches/${batch.id}/export`}
                testId="payment-export"
                onError={setError}
              >
                导出拨付清单（.xlsx）
              </DownloadButton>
            }
          >
            {error && (
              <Alert
                type="error"
                showIcon
                closable={{ onClose: () => setError(null) }}
                title={error}
                style={{ marginBottom: 16 }}
              />
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              style={{ marginBottom: 16 }}
              items={[
                { key: "year", label: "预算年度", children: batch.year },
                { key: "source", label: "资金来源", children: batch.sourceName },
                { key: "lines", label: "笔数", children: batch.lines.length },
                { key: "total", label: "合计", children: yuan(sum()) },
              ]}
            />
            <Space size={48} style={{ marginBottom: 16 }} wrap>
              <Statistic
                title={`待拨付（${count("pending")} 笔）`}
                value={sum("pending")}
                suffix="元"
              />
              <Statistic title={`已拨付（${count("paid")} 笔）`} value={sum("paid")} suffix="元" />
              <Statistic
                title={`失败（${count("failed")} 笔）`}
                value={sum("failed")}
                suffix="元"
              />
            </Space>
            {count("pending") === 0 && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                title="本批次各笔均已登记结果。失败的奖励可在“拨付”页重新生成批次。"
              />
            )}
            <Table<Line>
              rowKey="id"
              dataSource={batch.lines}
              size="middle"
              pagination={false}
              scroll={{ x: 1000 }}
              onRow={(l) => testId(`line-${l.award}`)}
              columns={[
                { title: "奖励编号", dataIndex: "award", width: 140 },
                {
                  title: "收款单位",
                  key: "org",
                  width: 240,
                  render: (_: unknown, l) => (
                    <>
                      <div>{l.organization}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {l.uscc}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: "开户银行 / 账号",
                  key: "bank",
                  width: 210,
                  render: (_: unknown, l) =>
                    l.bankAccount ? (
                      <>
                        <div>{l.bankName ?? "—"}</div>
                        <Typography.Text copyable style={{ fontSize: 12 }}>
                          {l.bankAccount}
                        </Typography.Text>
                      </>
                    ) : (
                      <Typography.Text type="warning">未登记银行账户</Typography.Text>
                    ),
                },
                { title: "金额", dataIndex: "amount", align: "right", width: 120, render: yuan },
                {
                  title: "奖励项目",
                  key: "item",
                  width: 220,
                  render: (_: unknown, l) => (
                    <>
                      <div>{l.itemTitle}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {l.item} · {l.clause}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: "状态",
                  key: "state",
                  width: 170,
                  render: (_: unknown, l) => (
                    <>
                      <StateTag state={l.state} name={l.stateName} />
                      {l.state === "paid" && (
                        <div style={{ fontSize: 12 }}>
                          <div>凭证 {l.treasuryRef}</div>
                          <div>{l.paidDate}</div>
                        </div>
                      )}
                      {l.state === "failed" && (
                        <div>
                          <Typography.Text type="danger" style={{ fontSize: 12 }}>
                            {l.failureReason}
                          </Typography.Text>
                        </div>
                      )}
                    </>
                  ),
                },
                {
                  title: "登记结果",
                  key: "op",
                  width: 170,
                  render: (_: unknown, l) =>
                    l.state === "pending" ? (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="primary"
                          data-testid={`line-paid-${l.id}`}
                          onClick={() => open(l, "paid")}
                        >
                          已拨付
                        </Button>
                        <Button
                          size="small"
                          danger
                          data-testid={`line-failed-${l.id}`}
                          onClick={() => open(l, "failed")}
                        >
                          失败
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
            <Modal
              title={
                recording
                  ? `登记${recording.outcome === "paid" ? "拨付成功" : "拨付失败"}：${recording.line.award}`
                  : ""
              }
              open={recording !== null}
              onCancel={() => setRecording(null)}
              okText="登记"
              okButtonProps={{
                loading: recordResult.isPending,
                danger: recording?.outcome === "failed",
                "data-testid": "line-result-submit",
              }}
              onOk={() => form.submit()}
              destroyOnHidden
            >
              {recording && (
                <Typography.Paragraph>
                  {recording.line.organization}，{yuan(recording.line.amount)}。
                  {recording.outcome === "paid"
                    ? "登记后预留金额转为已拨付，不能更改。"
                    : "登记失败后该奖励回到待拨付，可列入新的批次。"}
                </Typography.Paragraph>
              )}
              <Form<ResultForm>
                form={form}
                layout="vertical"
                onFinish={record}
                data-testid="line-result-form"
              >
                {recording?.outcome === "paid" ? (
                  <>
                    <Form.Item
                      name="treasuryRef"
                      label="国库支付凭证号"
                      validateFirst
                      rules={[
                        { required: true, whitespace: true, message: "请填写国库支付凭证号" },
                        zodRule(z.string().trim().max(100, "不能超过 100 个字符")),
                      ]}
                    >
                      <Input placeholder="如 GK2026-000123" data-testid="line-treasury-ref" />
                    </Form.Item>
                    <Form.Item
                      name="paidDate"
                      label="支付日期"
                      rules={[{ required: true, message: "请选择支付日期" }]}
                    >
                      <DatePicker
                        style={{ width: "100%" }}
                        disabledDate={futureDay}
                        data-testid="line-paid-date"
                      />
                    </Form.Item>
                  </>
                ) : (
                  <Form.Item
                    name="reason"
                    label="失败原因"
                    validateFirst
                    rules={[
                      { required: true, whitespace: true, message: "请填写失败原因" },
                      zodRule(z.string().trim().max(500, "不能超过 500 个字符")),
                    ]}
                  >
                    <Input.TextArea
                      rows={3}
                      placeholder="如：账户已销户，退票"
                      data-testid="line-failure-reason"
                    />
                  </Form.Item>
                )}
              </Form>
            </Modal>
          </Card>
        );
      }}
    </QueryView>
  );
}

// ── Public-project tranches (city finance) ────────────────────────────────────

const TRANCHE_STATE_NAMES = PROJECT_TRANCHE_MACHINE.stateNames;

function TranchesTab() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ year?: number; state?: Tranche["state"] }>({
    state: "reserved",
  });
  const list = $api.useQuery("get", "/api/v1/project-tranches", { params: { query: filter } });
  const [paying, setPaying] = useState<Tranche | null>(null);
  const [form] = Form.useForm<{ treasuryRef: string; paidOn: Dayjs }>();
  const key = useRequestKey();
  const payTranche = $api.useMutation("post", "/api/v1/project-tranches/{id}/pay");

  const pay = async (v: { treasuryRef: string; paidOn: Dayjs }) => {
    if (!paying) return;
    const body = { treasuryRef: v.treasuryRef.trim(), paidOn: v.paidOn.format("YYYY-MM-DD") };
    try {
      await payTranche.mutateAsync({
        params: { path: { id: paying.id } },
        body,
        headers: { "idempotency-key": key.keyFor({ id: paying.id, ...body }) },
      });
      key.done();
      message.success(`已登记 ${paying.proposal} ${trancheKind(paying.kind)}拨付`);
      setPaying(null);
      await refetchAll();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 120 }}
          value={filter.year ?? "all"}
          onChange={(v) => setFilter({ ...filter, year: v === "all" ? undefined : Number(v) })}
          options={[{ value: "all", label: "全部年度" }, ...yearOptions()]}
          aria-label="年度"
        />
        <Select
          style={{ width: 120 }}
          value={filter.state ?? "all"}
          onChange={(v) =>
            setFilter({ ...filter, state: v === "all" ? undefined : (v as Tranche["state"]) })
          }
          options={[
            { value: "all", label: "全部状态" },
            ...Object.entries(TRANCHE_STATE_NAMES).map(([value, label]) => ({ value, label })),
          ]}
          aria-label="状态"
          data-testid="tranche-state"
        />
        <Typography.Text type="secondary">
          公共项目由市级专项资金承担：预付款立项后即可拨付，尾款须验收通过后拨付。
        </Typography.Text>
      </Space>
      <QueryView
        query={list}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint
              text={
                filter.state === "reserved"
                  ? "没有待拨付的公共项目款项。项目公示期满立项后，预付款和尾款会在此列出。"
                  : "没有符合条件的公共项目款项。"
              }
            />
          ) : null
        }
      >
        {(d) => (
          <Table<Tranche>
            rowKey="id"
            dataSource={d.items}
            scroll={{ x: 860 }}
            size="middle"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(t) => testId(`tranche-${t.proposal}-${t.kind}`)}
            columns={[
              {
                title: "项目",
                key: "proposal",
                render: (_: unknown, t) => (
                  <>
                    <div>
                      {t.proposal} {t.title}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t.organization} · {PROPOSAL_STATE_NAMES[t.proposalState]}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: "款项",
                dataIndex: "kind",
                width: 80,
                render: (k: string) => trancheKind(k),
              },
              { title: "年度", dataIndex: "year", width: 70 },
              { title: "金额", dataIndex: "amount", align: "right", width: 130, render: yuan },
              {
                title: "状态",
                key: "state",
                width: 170,
                render: (_: unknown, t) => (
                  <>
                    <StateTag state={t.state} name={TRANCHE_STATE_NAMES[t.state]} />
                    {t.state === "paid" && (
                      <div style={{ fontSize: 12 }}>
                        <div>凭证 {t.treasuryRef}</div>
                        <div>{t.paidOn}</div>
                      </div>
                    )}
                  </>
                ),
              },
              {
                title: "操作",
                key: "op",
                width: 150,
                render: (_: unknown, t) => {
                  if (t.state !== "reserved") return null;
                  const blocked =
                    t.kind === "final"
                      ? t.proposalState !== "accepted"
                        ? "尾款须验收通过后拨付"
                        : null
                      : !["funded", "accepted"].includes(t.proposalState)
                        ? "项目未立项"
                        : null;
                  return blocked ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {blocked}
                    </Typography.Text>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`tranche-pay-${t.id}`}
                      onClick={() => {
                        key.done();
                        form.resetFields();
                        form.setFieldsValue({ paidOn: dayjs(today()) });
                        setPaying(t);
                      }}
                    >
                      登记拨付
                    </Button>
                  );
                },
              },
            ]}
          />
        )}
      </QueryView>
      <Modal
        title={paying ? `登记拨付：${paying.proposal} ${trancheKind(paying.kind)}` : ""}
        open={paying !== null}
        onCancel={() => setPaying(null)}
        okText="登记"
        okButtonProps={{ loading: payTranche.isPending, "data-testid": "tranche-pay-submit" }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {paying && (
          <Typography.Paragraph>
            {paying.organization}，{yuan(paying.amount)}。每笔款项只能登记一次。
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" onFinish={pay}>
          <Form.Item
            name="treasuryRef"
            label="国库支付凭证号"
            validateFirst
            rules={[
              { required: true, whitespace: true, message: "请填写国库支付凭证号" },
              zodRule(z.string().trim().max(100, "不能超过 100 个字符")),
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="paidOn"
            label="支付日期"
            rules={[{ required: true, message: "请选择支付日期" }]}
          >
            <DatePicker style={{ width: "100%" }} disabledDate={futureDay} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
