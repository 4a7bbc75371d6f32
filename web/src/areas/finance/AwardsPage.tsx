import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { z } from "zod";
import { AWARD_STATE_NAMES } from "../../../../src/awards/states.ts";
import { $api, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import {
  EmptyHint,
  QueryView,
  StateTag,
  showApiError,
  yuan,
  zodRule,
} from "../../components/common.tsx";
import { ExportButton, useAddressFilters } from "../../components/filters.tsx";
import {
  CURRENT_YEAR,
  sourceName,
  sourceOptions,
  testId,
  useRequestKey,
  yearOptions,
} from "./shared.tsx";

type Award = Schema<"AwardRow">;
type AwardState = Award["state"];

const FILTERS = ["year", "source", "state"] as const;

export function AwardsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const { filters, query, page, pageSize, setFilters, setPage } = useAddressFilters(FILTERS, {
    year: String(CURRENT_YEAR),
  });
  // "全部年度" is kept in the address as year=all, so that it is not replaced by the default.
  const asked = {
    ...(query.year && query.year !== "all" ? { year: Number(query.year) } : {}),
    ...(query.source ? { source: query.source } : {}),
    ...(query.state ? { state: query.state as AwardState } : {}),
  };
  const list = $api.useQuery("get", "/api/v1/awards", {
    params: { query: { ...asked, page, pageSize } },
  });
  const [reversing, setReversing] = useState<Award | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const key = useRequestKey();
  const sources = sourceOptions(user);
  const reverseAward = $api.useMutation("post", "/api/v1/awards/{id}/reverse");

  const reverse = async (v: { reason: string }) => {
    if (!reversing) return;
    try {
      const r = await reverseAward.mutateAsync({
        params: { path: { id: reversing.id } },
        headers: { "idempotency-key": key.keyFor({ id: reversing.id, reason: v.reason }) },
        body: { reason: v.reason },
      });
      key.done();
      message.success(
        `奖励 ${reversing.number} ${r.state === "reversed" ? "已追回，资金退回预算" : "已撤销，预留资金释放"}`,
      );
      setReversing(null);
      await refetchAll();
    } catch (e) {
      const text = showApiError(form, e);
      if (text) message.error(text);
    }
  };

  return (
    <Card
      title="奖励"
      extra={
        <Space wrap>
          <Select
            style={{ width: 120 }}
            value={filters.year ?? "all"}
            onChange={(v) => setFilters({ year: v })}
            options={[
              { value: "all", label: "全部年度" },
              ...yearOptions().map((y) => ({ value: String(y.value), label: y.label })),
            ]}
            aria-label="年度"
            data-testid="awards-year"
          />
          <Select
            style={{ width: 150 }}
            value={filters.source ?? "all"}
            onChange={(v) => setFilters({ source: v === "all" ? null : v })}
            options={[{ value: "all", label: "全部资金来源" }, ...sources]}
            aria-label="资金来源"
            data-testid="awards-source"
          />
          <Select
            style={{ width: 120 }}
            value={filters.state ?? "all"}
            onChange={(v) => setFilters({ state: v === "all" ? null : v })}
            options={[
              { value: "all", label: "全部状态" },
              ...Object.entries(AWARD_STATE_NAMES).map(([value, label]) => ({ value, label })),
            ]}
            aria-label="状态"
            data-testid="awards-state"
          />
          <ExportButton path="/api/v1/awards/export" query={asked} testId="awards-export" />
        </Space>
      }
    >
      <QueryView
        query={list}
        empty={(d) =>
          d.total === 0 ? (
            <EmptyHint text="没有符合条件的奖励。申报经市级审核通过并公示期满后转为奖励；可调整年度、资金来源或状态再看。" />
          ) : null
        }
      >
        {(d) => (
          <>
            <Typography.Paragraph type="secondary">
              共 {d.total.toLocaleString("zh-CN")} 项，本页 {d.items.length}{" "}
              项。撤销或追回须填写理由，资金冲回预算，申报转为“不予通过”。
            </Typography.Paragraph>
            <Table<Award>
              rowKey="id"
              dataSource={d.items}
              size="middle"
              scroll={{ x: 1000 }}
              pagination={{
                current: page,
                pageSize,
                total: d.total,
                showSizeChanger: true,
                hideOnSinglePage: d.total <= 20,
                showTotal: (t) => `共 ${t} 项`,
                onChange: setPage,
              }}
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
                    <>
                      <div>{a.itemTitle}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.item} · {a.clause}
                      </Typography.Text>
                    </>
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
                  key: "state",
                  width: 120,
                  render: (_: unknown, a) => (
                    <>
                      <StateTag state={a.state} name={a.stateName} />
                      {a.pendingBatch && (
                        <div style={{ fontSize: 12 }}>
                          在批次{" "}
                          <Link to={`/finance/payments/${a.pendingBatch.number}`}>
                            {a.pendingBatch.number}
                          </Link>
                        </div>
                      )}
                    </>
                  ),
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
      </QueryView>
      <Modal
        title={
          reversing ? `${reversing.state === "paid" ? "追回" : "撤销"}奖励 ${reversing.number}` : ""
        }
        open={reversing !== null}
        onCancel={() => setReversing(null)}
        okText={reversing?.state === "paid" ? "确认追回" : "确认撤销"}
        okButtonProps={{
          danger: true,
          loading: reverseAward.isPending,
          "data-testid": "award-reverse-submit",
        }}
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
