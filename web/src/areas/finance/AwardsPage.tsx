import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { z } from "zod";
import { get, post } from "../../api.ts";
import { useAuth } from "../../auth.tsx";
import {
  EmptyHint,
  Loaded,
  StateTag,
  showApiError,
  useLoad,
  yuan,
  zodRule,
} from "../../components/common.tsx";
import {
  AWARD_STATES,
  CURRENT_YEAR,
  sourceName,
  sourceOptions,
  testId,
  useCatalog,
  useRequestKey,
  yearOptions,
} from "./shared.tsx";

export interface Award {
  readonly id: string;
  readonly number: string;
  readonly applicationId: string;
  readonly organization: { id: string; name: string; uscc: string; county: string };
  readonly item: string;
  readonly clause: string;
  readonly amount: number;
  readonly year: number;
  readonly source: string;
  readonly state: string;
  readonly awardedOn: string;
  readonly paidOn: string | null;
  readonly reversalReason: string | null;
}

export function AwardsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ year?: number; source?: string; state?: string }>({
    year: CURRENT_YEAR,
  });
  const state = useLoad(
    () => get<{ items: Award[] }>("/api/v1/awards", filter).then((r) => r.items),
    JSON.stringify(filter),
  );
  const catalog = useCatalog();
  const [reversing, setReversing] = useState<Award | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const key = useRequestKey();
  const sources = sourceOptions(user);

  const reverse = async (v: { reason: string }) => {
    if (!reversing) return;
    setBusy(true);
    try {
      const r = await post<{ id: string; state: string }>(
        `/api/v1/awards/${reversing.id}/reverse`,
        { reason: v.reason },
        { idempotencyKey: key.keyFor({ id: reversing.id, reason: v.reason }) },
      );
      key.done();
      message.success(
        `奖励 ${reversing.number} ${r.state === "reversed" ? "已追回，资金退回预算" : "已撤销，预留资金释放"}`,
      );
      setReversing(null);
      await state.reload();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const live = (state.data ?? []).filter((a) => a.state === "reserved" || a.state === "paid");
  return (
    <Card
      title="奖励"
      extra={
        <Space wrap>
          <Select
            style={{ width: 120 }}
            value={filter.year ?? "all"}
            onChange={(v) => setFilter({ ...filter, year: v === "all" ? undefined : Number(v) })}
            options={[{ value: "all", label: "全部年度" }, ...yearOptions()]}
            aria-label="年度"
            data-testid="awards-year"
          />
          <Select
            style={{ width: 150 }}
            value={filter.source ?? "all"}
            onChange={(v) => setFilter({ ...filter, source: v === "all" ? undefined : v })}
            options={[{ value: "all", label: "全部资金来源" }, ...sources]}
            aria-label="资金来源"
            data-testid="awards-source"
          />
          <Select
            style={{ width: 120 }}
            value={filter.state ?? "all"}
            onChange={(v) => setFilter({ ...filter, state: v === "all" ? undefined : v })}
            options={[
              { value: "all", label: "全部状态" },
              ...Object.entries(AWARD_STATES).map(([value, label]) => ({ value, label })),
            ]}
            aria-label="状态"
            data-testid="awards-state"
          />
        </Space>
      }
    >
      <Loaded
        state={state}
        empty={(items) =>
          items.length === 0 ? (
            <EmptyHint text="没有符合条件的奖励。申报经市级审核通过并公示期满后转为奖励；可调整年度、资金来源或状态再看。" />
          ) : null
        }
      >
        {(items) => (
          <>
            <Typography.Paragraph type="secondary">
              共 {items.length} 项；有效奖励（待拨付、已拨付）{live.length} 项，金额{" "}
              {yuan(live.reduce((s, a) => s + a.amount, 0))}
              。撤销或追回须填写理由，资金冲回预算，申报转为“不予通过”。
            </Typography.Paragraph>
            <Table<Award>
              rowKey="id"
              dataSource={items}
              size="middle"
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              onRow={(a) => testId(`award-${a.number}`)}
              columns={[
                { title: "奖励编号", dataIndex: "number", width: 150 },
                {
                  title: "组织",
                  key: "org",
                  render: (_: unknown, a) => (
                    <>
                      <div>{a.organization.name}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.organization.county} · {a.organization.uscc}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: "奖励项目",
                  key: "item",
                  render: (_: unknown, a) => (
                    <Tooltip title={catalog.data?.get(a.item)?.title}>
                      <span>
                        {a.item} {a.clause}
                      </span>
                    </Tooltip>
                  ),
                },
                { title: "金额", dataIndex: "amount", align: "right", render: yuan, width: 130 },
                {
                  title: "预算",
                  key: "budget",
                  width: 140,
                  render: (_: unknown, a) => `${a.year} 年${sourceName(a.source)}`,
                },
                {
                  title: "状态",
                  dataIndex: "state",
                  width: 90,
                  render: (s: string) => <StateTag state={s} name={AWARD_STATES[s]} />,
                },
                {
                  title: "日期",
                  key: "dates",
                  width: 150,
                  render: (_: unknown, a) => (
                    <>
                      <div>奖励 {a.awardedOn}</div>
                      {a.paidOn && <div>拨付 {a.paidOn}</div>}
                      {a.reversalReason && (
                        <Typography.Text type="danger" style={{ fontSize: 12 }}>
                          理由：{a.reversalReason}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                {
                  title: "操作",
                  key: "op",
                  width: 90,
                  render: (_: unknown, a) =>
                    a.state === "reserved" || a.state === "paid" ? (
                      <Button
                        size="small"
                        danger
                        data-testid={`award-reverse-${a.number}`}
                        onClick={() => {
                          key.done();
                          form.resetFields();
                          setReversing(a);
                        }}
                      >
                        {a.state === "paid" ? "追回" : "撤销"}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </>
        )}
      </Loaded>
      <Modal
        title={
          reversing ? `${reversing.state === "paid" ? "追回" : "撤销"}奖励 ${reversing.number}` : ""
        }
        open={reversing !== null}
        onCancel={() => setReversing(null)}
        okText={reversing?.state === "paid" ? "确认追回" : "确认撤销"}
        okButtonProps={{ danger: true, loading: busy, "data-testid": "award-reverse-submit" }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {reversing && (
          <Typography.Paragraph>
            {reversing.organization.name}，{yuan(reversing.amount)}。
            {reversing.state === "paid"
              ? "该奖励已拨付：追回后已付金额冲回预算，须另行办理资金收回。"
              : "该奖励尚未拨付：撤销后预留金额释放回预算。"}
            在待拨付批次中的奖励须先登记拨付结果。
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" onFinish={reverse} data-testid="award-reverse-form">
          <Form.Item
            name="reason"
            label="理由"
            validateFirst
            rules={[
              { required: true, message: "请填写撤销或追回的理由" },
              zodRule(z.string().trim().min(1, "不能为空").max(2000, "不能超过 2000 个字符")),
            ]}
          >
            <Input.TextArea rows={3} placeholder="如：经核查提供虚假材料" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
