import {
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { z } from "zod";
import { $api, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import { EmptyHint, QueryView, showApiError, yuan, zodRule } from "../../components/common.tsx";
import {
  budgetOrder,
  CURRENT_YEAR,
  sourceLongName,
  sourceName,
  sourceOptions,
  testId,
  useRequestKey,
  yearOptions,
} from "./shared.tsx";

type Budget = Schema<"BudgetListItem">;

/** Paid (green) and reserved (blue) as shares of the total, with the numbers on hover. */
function BudgetBar({ budget }: { budget: Budget }) {
  const { total, reserved, paid, remaining } = budget;
  const pct = (n: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
  return (
    <Tooltip
      title={`已拨付 ${yuan(paid)}（${pct(paid)}%）；已预留 ${yuan(reserved)}（${pct(reserved)}%）；剩余 ${yuan(remaining)}`}
    >
      <Progress
        aria-label={`已使用 ${pct(paid + reserved)}%`}
        percent={pct(paid + reserved)}
        success={{ percent: pct(paid) }}
        size="small"
        format={() => `${pct(paid + reserved)}%`}
        style={{ minWidth: 160, margin: 0 }}
      />
    </Tooltip>
  );
}

interface BudgetForm {
  year: number;
  source: string;
  total: number;
}

export function BudgetsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | undefined>(CURRENT_YEAR);
  const list = $api.useQuery("get", "/api/v1/budgets", {
    params: { query: year === undefined ? {} : { year } },
  });
  const items = list.data ? [...list.data.items].sort(budgetOrder) : undefined;
  const [editing, setEditing] = useState<Partial<BudgetForm> | null>(null);
  const setBudget = $api.useMutation("put", "/api/v1/budgets/{year}/{source}");
  const [form] = Form.useForm<BudgetForm>();
  const key = useRequestKey();
  const sources = sourceOptions(user);

  const open = (initial: Partial<BudgetForm>) => {
    key.done();
    form.resetFields();
    form.setFieldsValue(initial);
    setEditing(initial);
  };

  const save = async (v: BudgetForm) => {
    try {
      const saved = await setBudget.mutateAsync({
        params: { path: { year: v.year, source: v.source } },
        body: { total: v.total },
        headers: { "idempotency-key": key.keyFor({ ...v }) },
      });
      key.done();
      message.success(
        `已设定 ${saved.year} 年${sourceName(saved.source)}预算：${yuan(saved.total)}`,
      );
      setEditing(null);
      if (year !== undefined && year !== saved.year) setYear(saved.year);
      await refetchAll();
    } catch (e) {
      const text = showApiError(form, e, { "idempotency-key": ["total"] });
      if (text) message.error(text);
    }
  };

  const totals = (items ?? []).reduce(
    (s, b) => ({
      total: s.total + b.total,
      reserved: s.reserved + b.reserved,
      paid: s.paid + b.paid,
      remaining: s.remaining + b.remaining,
    }),
    { total: 0, reserved: 0, paid: 0, remaining: 0 },
  );

  return (
    <Card
      title="预算"
      extra={
        <Space>
          <Select
            style={{ width: 130 }}
            value={year ?? "all"}
            onChange={(v) => setYear(v === "all" ? undefined : Number(v))}
            options={[{ value: "all", label: "全部年度" }, ...yearOptions()]}
            aria-label="年度"
            data-testid="budget-year"
          />
          <Button
            type="primary"
            data-testid="budget-set"
            onClick={() => open({ year: year ?? CURRENT_YEAR, source: sources[0]?.value })}
          >
            设定预算
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {user?.county
          ? `${user.county}财政：本县（市、区）承担的奖励由本预算预留和拨付。`
          : "市财政：市级专项资金与各县（市、区）预算。奖励经公示后在对应预算中预留，登记拨付后转为已拨付。"}
      </Typography.Paragraph>
      <QueryView
        query={{ ...list, data: items }}
        empty={(rows) =>
          rows.length === 0 ? (
            <EmptyHint
              text={`${year ? `${year} 年` : ""}还没有预算。设定预算后，公示期满的奖励才能在预算中预留。`}
              action={
                <Button
                  type="primary"
                  onClick={() => open({ year: year ?? CURRENT_YEAR, source: sources[0]?.value })}
                >
                  设定预算
                </Button>
              }
            />
          ) : null
        }
      >
        {(rows) => (
          <>
            <Space size={48} style={{ marginBottom: 16 }} wrap>
              <Statistic title="预算总额" value={totals.total} suffix="元" />
              <Statistic title="已预留" value={totals.reserved} suffix="元" />
              <Statistic title="已拨付" value={totals.paid} suffix="元" />
              <Statistic title="剩余可用" value={totals.remaining} suffix="元" />
            </Space>
            <Table<Budget>
              rowKey={(b) => `${b.year}-${b.source}`}
              dataSource={rows}
              size="small"
              pagination={false}
              scroll={{ x: 900 }}
              onRow={(b) => testId(`budget-${b.year}-${b.source}`)}
              columns={[
                { title: "年度", dataIndex: "year", width: 80 },
                {
                  title: "资金来源",
                  dataIndex: "source",
                  render: (s: string) => (
                    <Tooltip title={sourceLongName(s)}>
                      <span>{sourceName(s)}</span>
                    </Tooltip>
                  ),
                },
                { title: "预算总额", dataIndex: "total", align: "right", render: yuan },
                { title: "已预留", dataIndex: "reserved", align: "right", render: yuan },
                { title: "已拨付", dataIndex: "paid", align: "right", render: yuan },
                {
                  title: "剩余",
                  dataIndex: "remaining",
                  align: "right",
                  render: (n: number) => <span data-testid="budget-remaining">{yuan(n)}</span>,
                },
                {
                  title: "使用进度（绿：已拨付）",
                  key: "bar",
                  width: 220,
                  render: (_: unknown, b) => <BudgetBar budget={b} />,
                },
                {
                  title: "操作",
                  key: "op",
                  width: 90,
                  render: (_: unknown, b) =>
                    sources.some((s) => s.value === b.source) ? (
                      <Button
                        size="small"
                        data-testid={`budget-edit-${b.year}-${b.source}`}
                        onClick={() => open({ year: b.year, source: b.source, total: b.total })}
                      >
                        调整
                      </Button>
                    ) : null,
                },
              ]}
            />
          </>
        )}
      </QueryView>
      <Modal
        title="设定年度预算"
        open={editing !== null}
        onCancel={() => setEditing(null)}
        okText="保存"
        okButtonProps={{ loading: setBudget.isPending, "data-testid": "budget-submit" }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<BudgetForm>
          form={form}
          layout="vertical"
          onFinish={save}
          data-testid="budget-form"
          initialValues={editing ?? {}}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true, message: "请选择年度" }]}>
            <Select options={yearOptions()} />
          </Form.Item>
          <Form.Item
            name="source"
            label="资金来源"
            rules={[{ required: true, message: "请选择资金来源" }]}
          >
            <Select options={sources} disabled={sources.length === 1} />
          </Form.Item>
          <Form.Item
            name="total"
            label="预算总额"
            extra="整数元；不得低于该预算已预留与已拨付之和"
            rules={[
              { required: true, message: "请输入预算总额" },
              zodRule(
                z
                  .number({ error: "应为数字" })
                  .int("应为整数元")
                  .min(0, "不能为负数")
                  .max(Number.MAX_SAFE_INTEGER, "金额过大"),
              ),
            ]}
          >
            <InputNumber<number>
              style={{ width: "100%" }}
              min={0}
              precision={0}
              suffix="元"
              formatter={(v) =>
                v === undefined ? "" : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
              }
              parser={(v) => Number((v ?? "").replace(/[,\s元]/g, ""))}
              data-testid="budget-total"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
