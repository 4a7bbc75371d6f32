import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { $api, fetchClient, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { EmptyHint, QueryView, showApiError, today, yuan } from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { DocumentList, PlanText, ProposalFacts, ScoresTable } from "./ProposalDetail.tsx";
import { CALL_STATE_COLORS, rowTestId, weightedTotal } from "./shared.tsx";

type Proposal = Schema<"ProjectProposal">;
type QueueCall = Schema<"ExpertQueueCall">;
type QueueItem = Schema<"ExpertQueueProposal">;

/** 评审任务: an expert's calls and proposals; blind, independent scoring, once. */
export function ExpertPage() {
  return <ForRoles roles={["expert"]}>{() => <Queue />}</ForRoles>;
}

function scoringOpen(call: QueueCall): boolean {
  return call.state === "open" && today() > call.closesOn;
}

function Queue() {
  const query = $api.useQuery("get", "/api/v1/expert/queue");
  const [shown, setShown] = useState<{ call: QueueCall; item: QueueItem } | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          评审任务
        </Typography.Title>
        <Typography.Text type="secondary">
          独立评分：提交自己的评分之前看不到其他专家的评分；评分提交后不能修改。与申报单位有利益关系的，请申报回避。
        </Typography.Text>
      </div>
      <QueryView
        query={query}
        empty={(d) =>
          d.items.length === 0 ? (
            <Card>
              <EmptyHint text="您尚未被加入任何项目征集的评审专家组。市级主管部门将您加入专家组后，待评项目会在此显示。" />
            </Card>
          ) : null
        }
      >
        {(d) => (
          <>
            {d.items.map((call) => (
              <CallQueue key={call.id} call={call} onOpen={(item) => setShown({ call, item })} />
            ))}
          </>
        )}
      </QueryView>
      <ReviewDrawer
        shown={shown}
        onClose={() => setShown(null)}
        onChanged={() => void refetchAll()}
      />
    </Space>
  );
}

function CallQueue({ call, onOpen }: { call: QueueCall; onOpen: (item: QueueItem) => void }) {
  const pending = call.proposals.filter((p) => !p.conflict && p.myTotal === null).length;
  const open = scoringOpen(call);
  const hint =
    call.state !== "open"
      ? "本次征集的评审已结束。"
      : open
        ? pending > 0
          ? `还有 ${pending} 份申报待您评分。`
          : "您已完成本次征集的全部评分，谢谢。"
        : `申报 ${call.closesOn} 截止后开始评审；现在可以先阅读方案，如需回避请申报。`;
  return (
    <Card
      title={
        <Space>
          <span>
            {call.number} {call.title}
          </span>
          <Tag color={CALL_STATE_COLORS[call.state] ?? "default"}>
            {call.state === "open" && open ? "评审中" : call.stateName}
          </Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          申报期 {call.opensOn} 至 {call.closesOn}
        </Typography.Text>
      }
      data-testid={`queue-${call.number}`}
    >
      <Alert
        type={open && pending > 0 ? "warning" : "info"}
        showIcon
        title={hint}
        style={{ marginBottom: 12 }}
      />
      {call.proposals.length === 0 ? (
        <EmptyHint text="本次征集还没有申报。" />
      ) : (
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          scroll={{ x: "max-content" }}
          pagination={false}
          dataSource={call.proposals}
          onRow={(p) => rowTestId(`proposal-${p.number}`)}
          columns={[
            { title: "编号", dataIndex: "number", width: 150 },
            { title: "项目名称", dataIndex: "title", ellipsis: true },
            { title: "类别", dataIndex: "category", width: 200, ellipsis: true },
            {
              title: "申请金额",
              dataIndex: "requested",
              width: 130,
              align: "right",
              render: (v: number) => yuan(v),
            },
            {
              title: "我的评审",
              key: "mine",
              width: 150,
              render: (_, p) =>
                p.conflict ? (
                  <Tag color="default" title={p.conflict}>
                    回避
                  </Tag>
                ) : p.myTotal !== null ? (
                  <Tag color="success">已评 {p.myTotal.toFixed(2)} 分</Tag>
                ) : (
                  <Tag color={open ? "warning" : "default"}>{open ? "待评分" : "未开始"}</Tag>
                ),
            },
            {
              title: "操作",
              key: "open",
              width: 100,
              render: (_, p) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => onOpen(p)}
                  data-testid={`review-${p.number}`}
                >
                  {p.conflict ? "查看" : p.myTotal === null && open ? "评分" : "查看"}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function ReviewDrawer({
  shown,
  onClose,
  onChanged,
}: {
  shown: { call: QueueCall; item: QueueItem } | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const id = shown?.item.id ?? "";
  const query = $api.useQuery(
    "get",
    "/api/v1/project-proposals/{id}",
    { params: { path: { id } } },
    { enabled: id !== "" },
  );
  return (
    <Drawer
      open={shown !== null}
      onClose={onClose}
      size={820}
      destroyOnHidden
      title={shown ? `${shown.item.number} ${shown.item.title}` : "评审"}
    >
      {shown && (
        <QueryView query={query}>
          {(p) => <Review call={shown.call} proposal={p} onChanged={onChanged} />}
        </QueryView>
      )}
    </Drawer>
  );
}

function Review({
  call,
  proposal,
  onChanged,
}: {
  call: QueueCall;
  proposal: Proposal;
  onChanged: () => void;
}) {
  const [declaring, setDeclaring] = useState(false);
  if (proposal.conflict)
    return (
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Alert
          type="warning"
          showIcon
          data-testid="conflict-notice"
          title="您须回避本项目"
          description={`${proposal.conflict}。回避的项目不能查看材料，也不能评分，不计入您的应评份数。`}
        />
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="编号">{proposal.number}</Descriptions.Item>
          <Descriptions.Item label="类别">{proposal.category}</Descriptions.Item>
          <Descriptions.Item label="申报单位" span={2}>
            {proposal.organization}
          </Descriptions.Item>
        </Descriptions>
      </Space>
    );
  const canDeclare = !proposal.scored && call.state === "open" && proposal.state === "submitted";
  return (
    <div data-testid="review">
      <ProposalFacts p={proposal} />
      <Divider titlePlacement="start">实施方案</Divider>
      <PlanText plan={proposal.plan} />
      <Divider titlePlacement="start">申报材料</Divider>
      <DocumentList proposalId={proposal.id} documents={proposal.documents} />
      <Divider titlePlacement="start">评分</Divider>
      {proposal.scored ? (
        <>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title="您已提交本项目的评分（不可修改）。以下为专家组已提交的评分。"
            data-testid="score-submitted"
          />
          <ScoresTable criteria={call.criteria} scores={proposal.scores ?? []} />
        </>
      ) : (
        <ScoreForm call={call} proposal={proposal} onScored={onChanged} />
      )}
      {canDeclare && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">
            与申报单位存在任职、咨询、亲属等利益关系的，应申报回避：
          </Typography.Text>
          <Button
            danger
            type="link"
            onClick={() => setDeclaring(true)}
            data-testid="conflict-declare"
          >
            申报回避
          </Button>
        </div>
      )}
      <ConflictModal
        proposal={proposal}
        open={declaring}
        onClose={() => setDeclaring(false)}
        onDone={() => {
          setDeclaring(false);
          onChanged();
        }}
      />
    </div>
  );
}

interface ScoreFormValues {
  scores: Record<string, number | null>;
  comment?: string;
}

function ScoreForm({
  call,
  proposal,
  onScored,
}: {
  call: QueueCall;
  proposal: Proposal;
  onScored: () => void;
}) {
  const [form] = Form.useForm<ScoreFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message, modal } = AntApp.useApp();
  const scores = (Form.useWatch("scores", form) ?? {}) as Record<string, number | null>;
  const filled = call.criteria.filter((c) => typeof scores[c.id] === "number").length;
  const total = weightedTotal(call.criteria, scores);
  const open = scoringOpen(call) && proposal.state === "submitted";
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const v = form.getFieldsValue();
      const body = {
        scores: Object.fromEntries(call.criteria.map((c) => [c.id, v.scores?.[c.id]])),
        comment: v.comment?.trim() || undefined,
      };
      const { data } = await fetchClient.POST("/api/v1/project-proposals/{id}/scores", {
        params: { path: { id: proposal.id } },
        body: body as { scores: Record<string, number>; comment?: string },
      });
      message.success(`已提交评分：加权总分 ${(data?.total ?? total).toFixed(2)} 分`);
      onScored();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the errors are shown in place
    }
    modal.confirm({
      title: "提交评分",
      content: `加权总分 ${weightedTotal(call.criteria, form.getFieldValue("scores") ?? {}).toFixed(2)} 分。评分提交后不能修改，确认提交？`,
      okText: "确认提交",
      okButtonProps: { "data-testid": "submit-score-confirm" },
      onOk: submit,
    });
  };
  if (!open)
    return (
      <Alert
        type="info"
        showIcon
        title={
          call.state === "open"
            ? `申报 ${call.closesOn} 截止后开始评审，届时在此评分。`
            : "本次征集的评审已结束。"
        }
      />
    );
  return (
    <Form<ScoreFormValues> form={form} layout="vertical" onFinish={() => undefined}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        {call.criteria.map((c) => (
          <Col span={12} key={c.id}>
            <Form.Item
              name={["scores", c.id]}
              label={`${c.name}（权重 ${c.weight}%）`}
              rules={[
                { required: true, message: "请评分（0–100 的整数）" },
                {
                  validator: async (_, v?: number | null) => {
                    if (v == null) return;
                    if (!Number.isInteger(v)) throw new Error("应为整数");
                    if (v < 0 || v > 100) throw new Error("应在 0 到 100 之间");
                  },
                },
              ]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={0}
                style={{ width: "100%" }}
                placeholder="0–100"
                data-testid={`score-${c.id}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        name="comment"
        label="评审意见（可选）"
        rules={[{ max: 2000, message: "不能超过 2000 个字符" }]}
      >
        <Input.TextArea rows={3} showCount maxLength={2000} />
      </Form.Item>
      <Row align="middle" justify="space-between">
        <Col>
          <Statistic
            title={`加权总分（已评 ${filled}/${call.criteria.length} 项）`}
            value={total}
            precision={2}
            suffix="分"
            data-testid="score-total"
          />
        </Col>
        <Col>
          <Button type="primary" loading={busy} data-testid="submit-score" onClick={confirm}>
            提交评分
          </Button>
        </Col>
      </Row>
    </Form>
  );
}

function ConflictModal({
  proposal,
  open,
  onClose,
  onDone,
}: {
  proposal: Proposal;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (v: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await fetchClient.POST("/api/v1/project-proposals/{id}/conflict", {
        params: { path: { id: proposal.id } },
        body: { reason: v.reason.trim() },
      });
      message.success(`已申报回避 ${proposal.number}`);
      form.resetFields();
      onDone();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`申报回避：${proposal.number}`}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      okText="申报回避"
      okButtonProps={{ danger: true, "data-testid": "conflict-submit" }}
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="申报回避后不能再查看本项目材料，也不能评分；此操作不能撤销。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label="回避理由"
          rules={[
            { required: true, whitespace: true, message: "请填写回避理由" },
            { max: 1000, message: "不能超过 1000 个字符" },
          ]}
        >
          <Input.TextArea rows={3} placeholder="例如：曾为该单位提供咨询服务" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
