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
  List,
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
import { get, post } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  EmptyHint,
  Loaded,
  StateTag,
  showApiError,
  today,
  useLoad,
  yuan,
  zodRule,
} from "../../components/common.tsx";
import type { Award } from "./AwardsPage.tsx";
import {
  CURRENT_YEAR,
  DownloadButton,
  LINE_STATES,
  PROPOSAL_STATES,
  sourceName,
  sourceOptions,
  TRANCHE_KINDS,
  TRANCHE_STATES,
  testId,
  useCan,
  useRequestKey,
  yearOptions,
} from "./shared.tsx";

// ── Batches this browser has opened ───────────────────────────────────────────
// The API has no list of payment batches (only GET /api/v1/payment-batches/:id), so the page
// remembers the batches created or opened here, per user.

interface RecentBatch {
  readonly id: string;
  readonly number: string;
  readonly year: number;
  readonly source: string;
  readonly at: string;
}

function recentKey(username: string) {
  return `qi.finance.paymentBatches.${username}`;
}

function loadRecent(username: string): RecentBatch[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(recentKey(username)) ?? "[]");
    return Array.isArray(parsed) ? (parsed as RecentBatch[]) : [];
  } catch {
    return [];
  }
}

function remember(username: string, batch: RecentBatch) {
  const list = [batch, ...loadRecent(username).filter((b) => b.id !== batch.id)].slice(0, 20);
  try {
    localStorage.setItem(recentKey(username), JSON.stringify(list));
  } catch {
    // storage full or disabled: the batch can still be opened by its link
  }
}

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

function BatchesTab() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sources = sourceOptions(user);
  const [form] = Form.useForm<CreateForm>();
  const [busy, setBusy] = useState(false);
  const key = useRequestKey();
  const [openId, setOpenId] = useState("");
  const unpaid = useLoad(() =>
    get<{ items: Award[] }>("/api/v1/awards", { state: "reserved" }).then((r) => r.items),
  );
  const recent = user ? loadRecent(user.username) : [];

  const groups = new Map<string, { year: number; source: string; count: number; amount: number }>();
  for (const a of unpaid.data ?? []) {
    const k = `${a.year}-${a.source}`;
    const g = groups.get(k) ?? { year: a.year, source: a.source, count: 0, amount: 0 };
    g.count++;
    g.amount += a.amount;
    groups.set(k, g);
  }

  const create = async (v: CreateForm) => {
    setBusy(true);
    try {
      const batch = await post<{ id: string; number: string; lines: number }>(
        "/api/v1/payment-batches",
        { year: v.year, source: v.source },
        { idempotencyKey: key.keyFor(v) },
      );
      key.done();
      if (user)
        remember(user.username, {
          id: batch.id,
          number: batch.number,
          year: v.year,
          source: v.source,
          at: new Date().toISOString(),
        });
      message.success(`已生成拨付批次 ${batch.number}（${batch.lines} 笔）`);
      navigate(`/finance/payments/${batch.id}`);
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col span={15}>
        <Typography.Title level={5}>待拨付的奖励</Typography.Title>
        <Loaded
          state={unpaid}
          empty={(items) =>
            items.length === 0 ? (
              <EmptyHint text="目前没有待拨付的奖励。公示期满的申报转为奖励并在预算中预留后，会出现在这里。" />
            ) : null
          }
        >
          {() => (
            <Table
              rowKey={(g) => `${g.year}-${g.source}`}
              size="small"
              pagination={false}
              dataSource={[...groups.values()].sort(
                (a, b) => b.year - a.year || a.source.localeCompare(b.source),
              )}
              onRow={(g) => testId(`unpaid-${g.year}-${g.source}`)}
              columns={[
                { title: "预算年度", dataIndex: "year", width: 90 },
                { title: "资金来源", dataIndex: "source", render: sourceName },
                { title: "笔数", dataIndex: "count", align: "right", width: 70 },
                { title: "金额", dataIndex: "amount", align: "right", render: yuan },
                {
                  title: "",
                  key: "op",
                  width: 120,
                  render: (_: unknown, g) =>
                    sources.some((s) => s.value === g.source) ? (
                      <Button
                        size="small"
                        type="primary"
                        loading={busy}
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
              footer={() => (
                <Typography.Text type="secondary">
                  已在待拨付批次中的奖励仍显示为“待拨付”，生成批次时不会重复列入。
                </Typography.Text>
              )}
            />
          )}
        </Loaded>
      </Col>
      <Col span={9}>
        <Typography.Title level={5}>生成拨付批次</Typography.Title>
        <Form<CreateForm>
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ year: CURRENT_YEAR, source: sources[0]?.value }}
          data-testid="payment-create-form"
        >
          <Space align="start">
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
          <br />
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            data-testid="payment-create-submit"
          >
            生成批次
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            列入该预算中所有待拨付、且不在其他待拨付批次中的奖励。
          </Typography.Paragraph>
        </Form>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          最近的批次
        </Typography.Title>
        {recent.length === 0 ? (
          <Typography.Paragraph type="secondary">
            本浏览器还没有打开过拨付批次。生成批次后会记在这里；也可凭批次链接或编号（ID）打开。
          </Typography.Paragraph>
        ) : (
          <List
            size="small"
            dataSource={recent}
            data-testid="payment-recent"
            renderItem={(b) => (
              <List.Item>
                <Link to={`/finance/payments/${b.id}`}>{b.number}</Link>
                <Typography.Text type="secondary">
                  {b.year} 年{sourceName(b.source)}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
        <Space.Compact style={{ width: "100%", marginTop: 8 }}>
          <Input
            placeholder="批次 ID（如 3f53a5d2-…）"
            value={openId}
            onChange={(e) => setOpenId(e.target.value.trim())}
            aria-label="批次 ID"
          />
          <Button
            disabled={!/^[0-9a-f-]{36}$/i.test(openId)}
            onClick={() => navigate(`/finance/payments/${openId}`)}
          >
            打开
          </Button>
        </Space.Compact>
      </Col>
    </Row>
  );
}

// ── One batch ─────────────────────────────────────────────────────────────────

interface Line {
  readonly id: string;
  readonly state: string;
  readonly amount: number;
  readonly treasuryRef: string | null;
  readonly paidDate: string | null;
  readonly failureReason: string | null;
  readonly award: string;
  readonly item: string;
  readonly clause: string;
  readonly awardedOn: string;
  readonly organization: string;
  readonly uscc: string;
  readonly bankName: string | null;
  readonly bankAccount: string | null;
}

interface Batch {
  readonly id: string;
  readonly number: string;
  readonly year: number;
  readonly source: string;
  readonly lines: Line[];
}

type ResultForm = { treasuryRef?: string; paidDate?: Dayjs; reason?: string };

const futureDay = (d: Dayjs) => d.format("YYYY-MM-DD") > today();

export function PaymentBatchPage() {
  const { id = "" } = useParams();
  const { user } = useAuth();
  const { message } = App.useApp();
  const state = useLoad(async () => {
    const batch = await get<Batch>(`/api/v1/payment-batches/${encodeURIComponent(id)}`);
    if (user)
      remember(user.username, {
        id: batch.id,
        number: batch.number,
        year: batch.year,
        source: batch.source,
        at: new Date().toISOString(),
      });
    return batch;
  }, id);
  const [recording, setRecording] = useState<{ line: Line; outcome: "paid" | "failed" } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ResultForm>();
  const key = useRequestKey();
  const [error, setError] = useState<string | null>(null);

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
    setBusy(true);
    try {
      await post(`/api/v1/payment-lines/${recording.line.id}/result`, body, {
        idempotencyKey: key.keyFor({ line: recording.line.id, ...body }),
      });
      key.done();
      message.success(
        recording.outcome === "paid"
          ? `已登记 ${recording.line.award} 拨付成功`
          : `已登记 ${recording.line.award} 拨付失败，该奖励可列入新的批次`,
      );
      setRecording(null);
      await state.reload();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const open = (line: Line, outcome: "paid" | "failed") => {
    key.done();
    form.resetFields();
    if (outcome === "paid") form.setFieldsValue({ paidDate: dayjs(today()) });
    setRecording({ line, outcome });
  };

  return (
    <Loaded state={state}>
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
              column={4}
              style={{ marginBottom: 16 }}
              items={[
                { key: "year", label: "预算年度", children: batch.year },
                { key: "source", label: "资金来源", children: sourceName(batch.source) },
                { key: "lines", label: "笔数", children: batch.lines.length },
                { key: "total", label: "合计", children: yuan(sum()) },
              ]}
            />
            <Space size={48} style={{ marginBottom: 16 }}>
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
              onRow={(l) => testId(`line-${l.award}`)}
              columns={[
                { title: "奖励编号", dataIndex: "award", width: 140 },
                {
                  title: "收款单位",
                  key: "org",
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
                  title: "项目",
                  key: "item",
                  width: 110,
                  render: (_: unknown, l) => `${l.item} ${l.clause}`,
                },
                {
                  title: "状态",
                  key: "state",
                  width: 170,
                  render: (_: unknown, l) => (
                    <>
                      <StateTag
                        state={
                          l.state === "failed"
                            ? "rejected"
                            : l.state === "pending"
                              ? "submitted"
                              : l.state
                        }
                        name={LINE_STATES[l.state]}
                      />
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
                loading: busy,
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
    </Loaded>
  );
}

// ── Public-project tranches (city finance) ────────────────────────────────────

interface Tranche {
  readonly id: string;
  readonly kind: string;
  readonly amount: number;
  readonly year: number;
  readonly state: string;
  readonly paidOn: string | null;
  readonly treasuryRef: string | null;
  readonly proposal: string;
  readonly title: string;
  readonly proposalState: string;
  readonly organization: string;
}

function TranchesTab() {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ year?: number; state?: string }>({ state: "reserved" });
  const state = useLoad(
    () => get<{ items: Tranche[] }>("/api/v1/project-tranches", filter).then((r) => r.items),
    JSON.stringify(filter),
  );
  const [paying, setPaying] = useState<Tranche | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ treasuryRef: string; paidOn: Dayjs }>();
  const key = useRequestKey();

  const pay = async (v: { treasuryRef: string; paidOn: Dayjs }) => {
    if (!paying) return;
    const body = { treasuryRef: v.treasuryRef.trim(), paidOn: v.paidOn.format("YYYY-MM-DD") };
    setBusy(true);
    try {
      await post(`/api/v1/project-tranches/${paying.id}/pay`, body, {
        idempotencyKey: key.keyFor({ id: paying.id, ...body }),
      });
      key.done();
      message.success(`已登记 ${paying.proposal} ${TRANCHE_KINDS[paying.kind]}拨付`);
      setPaying(null);
      await state.reload();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    } finally {
      setBusy(false);
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
          onChange={(v) => setFilter({ ...filter, state: v === "all" ? undefined : v })}
          options={[
            { value: "all", label: "全部状态" },
            ...Object.entries(TRANCHE_STATES).map(([value, label]) => ({ value, label })),
          ]}
          aria-label="状态"
          data-testid="tranche-state"
        />
        <Typography.Text type="secondary">
          公共项目由市级专项资金承担：预付款立项后即可拨付，尾款须验收通过后拨付。
        </Typography.Text>
      </Space>
      <Loaded
        state={state}
        empty={(items) =>
          items.length === 0 ? (
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
        {(items) => (
          <Table<Tranche>
            rowKey="id"
            dataSource={items}
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
                      {t.organization} · {PROPOSAL_STATES[t.proposalState] ?? t.proposalState}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: "款项",
                dataIndex: "kind",
                width: 80,
                render: (k: string) => TRANCHE_KINDS[k] ?? k,
              },
              { title: "年度", dataIndex: "year", width: 70 },
              { title: "金额", dataIndex: "amount", align: "right", width: 130, render: yuan },
              {
                title: "状态",
                key: "state",
                width: 170,
                render: (_: unknown, t) => (
                  <>
                    <StateTag state={t.state} name={TRANCHE_STATES[t.state]} />
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
      </Loaded>
      <Modal
        title={paying ? `登记拨付：${paying.proposal} ${TRANCHE_KINDS[paying.kind]}` : ""}
        open={paying !== null}
        onCancel={() => setPaying(null)}
        okText="登记"
        okButtonProps={{ loading: busy, "data-testid": "tranche-pay-submit" }}
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
