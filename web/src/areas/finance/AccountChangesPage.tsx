import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Grid,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { $api, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import { beijingTime, EmptyHint, QueryView, showApiError } from "../../components/common.tsx";

type BankAccountRequest = Schema<"BankAccountChange">;

/**
 * 收款账户核实: finance checks each requested payment account (against the bank's account-opening
 * certificate the organization files) before any award is paid to it. Whoever took a request at
 * the counter cannot verify it.
 */
export function AccountChangesPage() {
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const list = $api.useQuery("get", "/api/v1/bank-account-changes");
  const [rejecting, setRejecting] = useState<BankAccountRequest | null>(null);
  const [note, setNote] = useState("");
  const verifyChange = $api.useMutation("post", "/api/v1/bank-account-changes/{id}/verify");
  const rejectChange = $api.useMutation("post", "/api/v1/bank-account-changes/{id}/reject");
  const narrow = !Grid.useBreakpoint().md;
  const actions = (r: BankAccountRequest) => (
    <Space>
      <Button
        type="primary"
        size="small"
        onClick={() => verify(r)}
        disabled={r.requestedBy === user?.username}
        title={r.requestedBy === user?.username ? "不能核实本人受理的申请" : undefined}
      >
        核实
      </Button>
      <Button size="small" danger onClick={() => setRejecting(r)}>
        退回
      </Button>
    </Space>
  );

  const verify = (r: BankAccountRequest) =>
    modal.confirm({
      title: `核实 ${r.organization} 的收款账户？`,
      content: `核实后，该组织尚未拨付的奖励改为拨付到 ${r.bankName} ${r.account}。请先核对开户许可证或银行出具的账户证明。`,
      okText: "核实并启用",
      cancelText: "取消",
      onOk: async () => {
        try {
          const res = await verifyChange.mutateAsync({ params: { path: { id: r.id } }, body: {} });
          message.success(`已核实；${res.awardsRepointed} 笔未拨付奖励改用新账户`);
          await refetchAll();
        } catch (e) {
          message.error(showApiError(null, e) ?? "核实失败");
        }
      },
    });

  async function reject() {
    if (!rejecting) return;
    try {
      await rejectChange.mutateAsync({ params: { path: { id: rejecting.id } }, body: { note } });
      message.success("已退回该账户变更");
      setRejecting(null);
      setNote("");
      await refetchAll();
    } catch (e) {
      message.error(showApiError(null, e) ?? "退回失败");
    }
  }

  return (
    <Card title="收款账户核实" data-testid="account-changes-page">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="组织变更收款账户须经财政核实后生效；核实前，拨付仍使用原已核实账户。本人受理的申请须由其他财政人员核实。"
      />
      <QueryView
        query={list}
        empty={(d) => (d.items.length === 0 ? <EmptyHint text="没有待核实的账户变更" /> : null)}
      >
        {(d) =>
          narrow ? (
            // On a phone each request is a card: every field readable without scrolling sideways.
            <Space direction="vertical" style={{ width: "100%" }} data-testid="account-changes">
              {d.items.map((r) => (
                <Card key={r.id} size="small" title={r.organization} extra={actions(r)}>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: "county", label: "县（市、区）", children: r.county },
                      {
                        key: "cur",
                        label: "现账户",
                        children: r.current ? `${r.current.bankName} ${r.current.account}` : "尚无",
                      },
                      {
                        key: "new",
                        label: "申请变更为",
                        children: (
                          <Typography.Text strong>
                            {r.bankName} {r.account}
                          </Typography.Text>
                        ),
                      },
                      {
                        key: "by",
                        label: "申请人",
                        children: `${r.requestedRole} ${r.requestedBy}，${beijingTime(r.requestedAt)}`,
                      },
                    ]}
                  />
                </Card>
              ))}
            </Space>
          ) : (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              data-testid="account-changes"
              columns={[
                {
                  title: "组织",
                  key: "org",
                  render: (_: unknown, r: BankAccountRequest) => (
                    <div>
                      <div>{r.organization}</div>
                      <Typography.Text type="secondary">
                        {r.county} · {r.uscc}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  title: "现账户",
                  key: "current",
                  render: (_: unknown, r: BankAccountRequest) =>
                    r.current ? (
                      <div>
                        <div>{r.current.bankName}</div>
                        <Typography.Text code>{r.current.account}</Typography.Text>
                      </div>
                    ) : (
                      <Tag>尚无</Tag>
                    ),
                },
                {
                  title: "申请变更为",
                  key: "new",
                  render: (_: unknown, r: BankAccountRequest) => (
                    <div>
                      <div>{r.bankName}</div>
                      <Typography.Text code strong>
                        {r.account}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  title: "申请人",
                  key: "by",
                  render: (_: unknown, r: BankAccountRequest) => (
                    <div>
                      <div>
                        {r.requestedRole} {r.requestedBy}
                      </div>
                      <Typography.Text type="secondary">
                        {beijingTime(r.requestedAt)}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  title: "操作",
                  key: "actions",
                  width: 170,
                  render: (_: unknown, r: BankAccountRequest) => actions(r),
                },
              ]}
            />
          )
        }
      </QueryView>
      <Modal
        open={rejecting !== null}
        title={`退回 ${rejecting?.organization ?? ""} 的账户变更`}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: !note.trim(), loading: rejectChange.isPending }}
        onOk={() => void reject()}
        onCancel={() => setRejecting(null)}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          placeholder="退回理由（将告知该组织）"
          aria-label="退回理由"
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
