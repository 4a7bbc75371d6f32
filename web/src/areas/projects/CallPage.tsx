import {
  Alert,
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type UploadFile,
} from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { PROJECT_OBJECTION_MACHINE } from "../../../../src/projects/states.ts";
import { $api, fetchClient, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { upload } from "../../api.ts";
import type { User } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  ErrorAlert,
  QueryView,
  showApiError,
  today,
  usePageTitle,
  yuan,
} from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { useCan } from "../finance/shared.tsx";
import {
  ACCEPT,
  DocumentList,
  DocumentUploader,
  PlanText,
  ProposalFacts,
  ProposalState,
  ScoresTable,
  TranchesTable,
} from "./ProposalDetail.tsx";
import { CALL_STATE_COLORS, dateField, meanTotal, rowTestId } from "./shared.tsx";

type CallDetail = Schema<"ProjectCallDetail">;
type Proposal = Schema<"ProjectProposal">;
/** A proposal as the call lists it (without its plan). */
type ProposalRow = Schema<"ProjectProposalInCall">;
/** What the acceptance dialog names of a proposal. */
type Accepting = Pick<ProposalRow, "id" | "number" | "title">;

const READERS = ["enterprise", "county_official", "city_official", "finance", "leader"] as const;

/** One call: its proposals with rank and scores, the panel's progress, and the city's steps. */
export function CallPage() {
  return <ForRoles roles={READERS}>{(user) => <CallView user={user} />}</ForRoles>;
}

function inWindow(call: CallDetail): boolean {
  const d = today();
  return call.state === "open" && call.opensOn <= d && d <= call.closesOn;
}

function CallView({ user }: { user: User }) {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const query = $api.useQuery("get", "/api/v1/project-calls/{id}", { params: { path: { id } } });
  const [shown, setShown] = useState<string | null>(null);
  const [proposing, setProposing] = useState(false);
  const [accepting, setAccepting] = useState<Accepting | null>(null);
  usePageTitle(query.data ? `${query.data.number} ${query.data.title}` : undefined);
  // The proposals are the city's, the panel's and each proposer's own (project.readProposal).
  const readsProposals = useCan()("project.readProposal", { organizationId: user.organizationId });
  useEffect(() => {
    if (params.get("propose") === "1" && query.data && inWindow(query.data)) {
      setProposing(true);
      setParams({}, { replace: true });
    }
  }, [params, setParams, query.data]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Link to="/projects">← 返回项目征集</Link>
      <QueryView query={query}>
        {(call) => (
          <>
            <CallHeader call={call} user={user} onPropose={() => setProposing(true)} />
            {user.role === "city_official" && (
              <CityActions call={call} onChanged={() => void refetchAll()} />
            )}
            {readsProposals ? (
              <ProposalsCard
                call={call}
                user={user}
                onShow={setShown}
                onAccept={setAccepting}
                onPropose={() => setProposing(true)}
              />
            ) : (
              <Card title="申报项目">
                <Alert
                  type="info"
                  showIcon
                  data-testid="proposals-scope"
                  title="项目申报由市级主管部门、本次征集的评审专家组和申报单位查看。"
                  description="评审排序结果见“报表”中的“公共项目评审排序”；拟立项名单在公示中公开。"
                />
              </Card>
            )}
            {readsProposals && user.role !== "enterprise" && <PanelCard call={call} />}
            {user.role === "city_official" && call.publicityBatchId && (
              <ObjectionsCard call={call} onChanged={() => void refetchAll()} />
            )}
            <ProposalDrawer
              id={shown}
              call={call}
              user={user}
              onClose={() => setShown(null)}
              onChanged={() => void refetchAll()}
              onAccept={setAccepting}
            />
            {user.role === "enterprise" && (
              <ProposeModal
                call={call}
                open={proposing}
                onClose={() => setProposing(false)}
                onDone={(proposalId) => {
                  setProposing(false);
                  void refetchAll();
                  setShown(proposalId);
                }}
              />
            )}
            {user.role === "city_official" && (
              <AcceptanceModal
                proposal={accepting}
                onClose={() => setAccepting(null)}
                onDone={() => {
                  setAccepting(null);
                  void refetchAll();
                }}
              />
            )}
          </>
        )}
      </QueryView>
    </Space>
  );
}

function nextStep(call: CallDetail, user: User): ReactNode {
  const d = today();
  const city = user.role === "city_official";
  if (user.role === "enterprise") {
    if (inWindow(call))
      return `本次征集接受申报至 ${call.closesOn}。提交申报后请上传项目实施方案等材料。`;
    if (call.state === "open" && d < call.opensOn) return `本次征集自 ${call.opensOn} 起接受申报。`;
    return `本次征集已于 ${call.closesOn} 截止，逾期不再受理申报。`;
  }
  if (!city) return null;
  switch (call.state) {
    case "open":
      if (d < call.opensOn)
        return `尚未开始接受申报（${call.opensOn} 起）。可先添加评审专家组成员。`;
      if (d <= call.closesOn)
        return call.panel.length === 0
          ? `征集进行中，${call.closesOn} 截止。请在截止前添加评审专家，截止后专家开始评分。`
          : `征集进行中，${call.closesOn} 截止；截止后专家开始评分。`;
      return call.panel.length === 0
        ? "申报已截止，但评审专家组为空：请先添加评审专家。"
        : "申报已截止，专家评审中。每位专家评完全部（回避的除外）后，点击“排序”。";
    case "ranked":
      return "已按专家评分排序。可“核对排序”，然后“发布择优结果”进入公示。";
    case "publicity":
      return "择优结果公示中。公示期满、无成立异议的项目由系统立项并预留资金（预拨款与尾款）。";
    default:
      return "本次征集已结束。立项项目完成验收后，在列表中“登记验收”。";
  }
}

function CallHeader({
  call,
  user,
  onPropose,
}: {
  call: CallDetail;
  user: User;
  onPropose: () => void;
}) {
  const step = nextStep(call, user);
  const closedForScoring = call.state === "open" && today() > call.closesOn;
  return (
    <Card
      title={
        <Space>
          <span data-testid="call-title">
            {call.number} {call.title}
          </span>
          <Tag color={CALL_STATE_COLORS[call.state] ?? "default"} data-testid="call-state">
            {closedForScoring ? "已截止，评审中" : call.stateName}
          </Tag>
        </Space>
      }
      extra={
        user.role === "enterprise" && inWindow(call) ? (
          <Button type="primary" onClick={onPropose} data-testid="proposal-new">
            提交项目申报
          </Button>
        ) : null
      }
    >
      {step && <Alert type="info" showIcon title={step} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="年度">{call.year}</Descriptions.Item>
        <Descriptions.Item label="预算">{yuan(call.budget)}</Descriptions.Item>
        <Descriptions.Item label="已安排">
          {yuan(call.allocated)}（剩余 {yuan(call.budget - call.allocated)}）
        </Descriptions.Item>
        <Descriptions.Item label="单项上限">
          {call.maxPerProposal === null ? "不超过本次预算" : yuan(call.maxPerProposal)}
        </Descriptions.Item>
        <Descriptions.Item label="预拨比例">{call.advancePercent}%</Descriptions.Item>
        <Descriptions.Item label="合格分">{call.passMark} 分</Descriptions.Item>
        <Descriptions.Item label="申报期">
          {call.opensOn} 至 {call.closesOn}
        </Descriptions.Item>
        <Descriptions.Item label="评分项" span={2}>
          <Space size={[4, 4]} wrap>
            {call.criteria.map((c) => (
              <Tag key={c.id}>
                {c.name} {c.weight}%
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="项目类别" span={3}>
          <Typography.Text type="secondary">{call.categories.join("、")}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

// ── the city's steps ──

function CityActions({ call, onChanged }: { call: CallDetail; onChanged: () => void }) {
  const { message, modal } = AntApp.useApp();
  const [adding, setAdding] = useState(false);
  const [selecting, setSelecting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [verify, setVerify] = useState<Schema<"ProjectRankingCheck"> | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const closed = today() > call.closesOn;
  const rank = async () => {
    setBusy("rank");
    setError(null);
    try {
      const { data } = await fetchClient.POST("/api/v1/project-calls/{id}/rank", {
        params: { path: { id: call.id } },
      });
      message.success(`已排序：${data?.ranking.length ?? 0} 项申报`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  const check = async () => {
    setBusy("verify");
    setError(null);
    try {
      const { data } = await fetchClient.GET("/api/v1/project-calls/{id}/ranking/verify", {
        params: { path: { id: call.id } },
      });
      setVerify(data ?? null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title="市级操作">
      <Space wrap>
        {call.state === "open" && (
          <Button onClick={() => setAdding(true)} data-testid="panel-add">
            添加评审专家
          </Button>
        )}
        {call.state === "open" && (
          <Tooltip title={closed ? "" : `征集 ${call.closesOn} 截止后方可排序`}>
            <Popconfirm
              title="按专家评分排序"
              description="排序后不能再调整专家组或评分，确认排序？"
              onConfirm={rank}
              disabled={!closed}
            >
              <Button
                type="primary"
                disabled={!closed}
                loading={busy === "rank"}
                data-testid="call-rank"
              >
                排序
              </Button>
            </Popconfirm>
          </Tooltip>
        )}
        {call.state !== "open" && (
          <Button onClick={check} loading={busy === "verify"} data-testid="ranking-verify">
            核对排序
          </Button>
        )}
        {call.state === "ranked" && (
          <Button type="primary" onClick={() => setSelecting(true)} data-testid="call-select">
            发布择优结果
          </Button>
        )}
      </Space>
      {error && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      {verify && (
        <Alert
          style={{ marginTop: 12 }}
          type={verify.ok ? "success" : "error"}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          data-testid="ranking-verify-result"
          title={
            verify.ok
              ? `排序核对一致：由存储的评分重算 ${verify.ranking.length} 项申报，排名与标准化得分均与存储结果相同。`
              : `排序核对不一致：${verify.differences.join("、")} 的排名或得分与重算结果不同。`
          }
        />
      )}
      <AddExpertModal
        call={call}
        open={adding}
        onClose={() => setAdding(false)}
        onDone={(name) => {
          setAdding(false);
          message.success(`已将 ${name} 加入评审专家组`);
          onChanged();
        }}
      />
      <SelectionModal
        call={call}
        open={selecting}
        onClose={() => setSelecting(false)}
        onDone={(text) => {
          setSelecting(false);
          modal.success({ title: "已发布择优结果", content: text });
          onChanged();
        }}
      />
    </Card>
  );
}

function AddExpertModal({
  call,
  open,
  onClose,
  onDone,
}: {
  call: CallDetail;
  open: boolean;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const [form] = Form.useForm<{ userId: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The expert accounts the city may seat on the panel (those not seated already).
  const experts = $api.useQuery("get", "/api/v1/experts", {}, { enabled: open });
  const known = (experts.data?.items ?? [])
    .filter((e) => !call.panel.some((m) => m.id === e.id))
    .map((e) => ({
      value: e.id,
      label: `${e.displayName}${e.organization ? `（${e.organization}）` : ""} · ${e.username}`,
    }));
  const submit = async (v: { userId: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await fetchClient.POST("/api/v1/project-calls/{id}/panel", {
        params: { path: { id: call.id } },
        body: { userId: v.userId.trim() },
      });
      form.resetFields();
      onDone(data?.displayName ?? v.userId.trim());
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title="添加评审专家"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      okText="添加"
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="从评审专家账号中选择（可输入姓名或单位筛选）；也可粘贴专家账号的用户编号。"
        />
        <Form.Item
          name="userId"
          label="专家用户编号"
          rules={[
            { required: true, whitespace: true, message: "请选择专家或填写用户编号" },
            {
              pattern: /^\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*$/i,
              message: "应为用户编号（UUID）",
            },
          ]}
        >
          <AutoComplete
            options={known}
            placeholder="选择专家，或粘贴用户编号"
            filterOption={(input, option) =>
              String(option?.label ?? "")
                .toLowerCase()
                .includes(input.trim().toLowerCase())
            }
            data-testid="panel-user-id"
          />
        </Form.Item>
      </Form>
      {call.panel.length > 0 && (
        <Typography.Text type="secondary">
          已在专家组：{call.panel.map((m) => m.displayName).join("、")}
        </Typography.Text>
      )}
    </Modal>
  );
}

interface SelectionForm {
  startDate: string;
  workingDays?: number;
  title?: string;
}

function SelectionModal({
  call,
  open,
  onClose,
  onDone,
}: {
  call: CallDetail;
  open: boolean;
  onClose: () => void;
  onDone: (summary: string) => void;
}) {
  const [form] = Form.useForm<SelectionForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { modal } = AntApp.useApp();
  const remaining = call.budget - call.allocated;
  const ranked = call.proposals.filter((p) => p.state === "ranked");
  const requested = ranked.reduce((s, p) => s + p.requested, 0);
  const publish = async (v: SelectionForm) => {
    setBusy(true);
    setError(null);
    try {
      const { data: r } = await fetchClient.POST("/api/v1/project-calls/{id}/selection", {
        params: { path: { id: call.id } },
        body: {
          startDate: v.startDate,
          workingDays: v.workingDays ?? undefined,
          title: v.title?.trim() || undefined,
        },
      });
      if (!r) return;
      const n = r.selection.filter((s) => s.selected).length;
      onDone(
        `公示 ${r.batch.number}：${r.batch.startDate} 至 ${r.batch.endDate}（${r.batch.workingDays} 个工作日）；拟立项 ${n} 项，共 ${yuan(r.total)}。`,
      );
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  // Publishing lists the selection publicly at once and cannot be undone: it is confirmed first.
  const submit = (v: SelectionForm) => {
    modal.confirm({
      title: "确认发布公示",
      content: `按排名在剩余预算 ${yuan(remaining)} 内安排已排序的 ${ranked.length} 项申报（申请合计 ${yuan(requested)}），拟立项名单自 ${v.startDate} 起对外公示。发布后不能撤回，确认发布？`,
      okText: "确认发布",
      cancelText: "再看看",
      okButtonProps: { "data-testid": "selection-confirm" },
      onOk: () => publish(v),
    });
  };
  return (
    <Modal
      title="发布择优结果（公示拟立项名单）"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      okText="发布公示"
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`按排名依次安排：达到合格分且申请金额不超过剩余预算（${yuan(remaining)}）的项目全额安排，放不下的跳过，不拆分金额。`}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ startDate: today() }}>
        <Form.Item
          name="startDate"
          label="公示开始日期"
          rules={[{ required: true, message: "请选择日期" }]}
          {...dateField}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="workingDays" label="公示期（工作日）" extra="不填则按系统设置">
          <InputNumber min={1} max={30} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="title"
          label="公示标题"
          extra={`不填则为“${call.title}拟立项名单”`}
          rules={[{ max: 200, message: "不能超过 200 个字符" }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AcceptanceModal({
  proposal,
  onClose,
  onDone,
}: {
  proposal: Accepting | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ result: "passed" | "failed"; date: string; note: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const submit = async (v: { result: "passed" | "failed"; date: string; note: string }) => {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      await fetchClient.POST("/api/v1/project-proposals/{id}/acceptance", {
        params: { path: { id: proposal.id } },
        body: v,
      });
      message.success(v.result === "passed" ? "已登记验收通过，可拨付尾款" : "已登记验收未通过");
      form.resetFields();
      onDone();
    } catch (e) {
      setError(showApiError(form, e, { result: ["result"] }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={proposal ? `登记验收：${proposal.number} ${proposal.title}` : "登记验收"}
      open={proposal !== null}
      onCancel={onClose}
      destroyOnHidden
      okText="登记"
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ result: "passed", date: today() }}
      >
        <Form.Item name="result" label="验收结果" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: "passed", label: "通过（可拨付尾款）" },
              { value: "failed", label: "未通过（释放尚未拨付的预留资金）" },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label="验收日期"
          rules={[
            { required: true, message: "请选择日期" },
            {
              validator: async (_, v?: string) => {
                if (v && v > today()) throw new Error("验收日期不能晚于今天");
              },
            },
          ]}
          {...dateField}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="note"
          label="验收意见"
          rules={[
            { required: true, whitespace: true, message: "请填写验收意见" },
            { max: 2000, message: "不能超过 2000 个字符" },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ── proposals ──

function ProposalsCard({
  call,
  user,
  onShow,
  onAccept,
  onPropose,
}: {
  call: CallDetail;
  user: User;
  onShow: (id: string) => void;
  onAccept: (p: Accepting) => void;
  onPropose: () => void;
}) {
  const enterprise = user.role === "enterprise";
  const city = user.role === "city_official";
  const title = enterprise ? "本单位的申报" : `申报项目（${call.proposals.length}）`;
  if (call.proposals.length === 0)
    return (
      <Card title={title}>
        <EmptyHint
          text={
            enterprise
              ? inWindow(call)
                ? "贵单位尚未申报本次征集。点击“提交项目申报”填写项目并上传材料。"
                : "贵单位未申报本次征集。"
              : call.state === "open" && today() <= call.closesOn
                ? `还没有单位申报。申报期至 ${call.closesOn}。`
                : "本次征集没有收到申报。"
          }
          action={
            enterprise && inWindow(call) ? (
              <Button type="primary" onClick={onPropose}>
                提交项目申报
              </Button>
            ) : null
          }
        />
      </Card>
    );
  return (
    <Card title={title}>
      <Table<ProposalRow>
        rowKey="id"
        size="middle"
        dataSource={call.proposals}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(p) => rowTestId(`proposal-${p.number}`)}
        columns={[
          {
            title: "排名",
            dataIndex: "rank",
            width: 60,
            align: "center",
            render: (r: number | null | undefined) => r ?? "—",
          },
          {
            title: "编号",
            dataIndex: "number",
            width: 150,
            render: (n: string, p) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onShow(p.id)}>
                {n}
              </Button>
            ),
          },
          {
            title: "项目名称",
            dataIndex: "title",
            ellipsis: true,
            render: (t: string, p) => (
              <>
                <div style={{ overflow: "hidden", textOverflow: "ellipsis" }} title={t}>
                  {t}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {enterprise ? p.category : `${p.organization} · ${p.category}`}
                </Typography.Text>
              </>
            ),
          },
          {
            title: "申请金额",
            dataIndex: "requested",
            width: 120,
            align: "right",
            render: (v: number) => yuan(v),
          },
          ...(enterprise
            ? []
            : [
                {
                  title: "平均分",
                  key: "mean",
                  width: 80,
                  align: "right" as const,
                  render: (_: unknown, p: ProposalRow) => {
                    const m = meanTotal(p.scores);
                    if (m === null) return "—";
                    return (
                      <span style={{ color: m < call.passMark ? "#cf1322" : undefined }}>
                        {m.toFixed(2)}
                      </span>
                    );
                  },
                },
                {
                  title: "标准化得分",
                  dataIndex: "score",
                  width: 100,
                  align: "right" as const,
                  render: (v: number | null | undefined) =>
                    v === null || v === undefined ? "—" : v.toFixed(6),
                },
              ]),
          {
            title: "状态",
            dataIndex: "stateName",
            width: 110,
            render: (_: string, p) =>
              p.decisionNote ? (
                <Tooltip title={p.decisionNote}>
                  <span>
                    <ProposalState p={p} />
                  </span>
                </Tooltip>
              ) : (
                <ProposalState p={p} />
              ),
          },
          {
            title: "安排金额",
            dataIndex: "fundedAmount",
            width: 120,
            align: "right",
            render: (v: number | null | undefined) => (v ? yuan(v) : "—"),
          },
          {
            title: "操作",
            key: "actions",
            width: 130,
            fixed: "right",
            render: (_, p) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => onShow(p.id)}>
                  详情
                </Button>
                {city && p.state === "funded" && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => onAccept(p)}
                    data-testid={`accept-${p.number}`}
                  >
                    登记验收
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {!enterprise && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          平均分为各专家加权总分的平均，低于合格分 {call.passMark}{" "}
          分（红色）不予立项；标准化得分为各专家评分换算为 z
          分数后的平均，消除评分宽严差异，排名以此为准。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function PanelCard({ call }: { call: CallDetail }) {
  const total = call.proposals.filter((p) => p.state !== "withdrawn").length;
  return (
    <Card title={`评审专家组（${call.panel.length} 人）`} size="small">
      {call.panel.length === 0 ? (
        <EmptyHint
          text={
            call.state === "open"
              ? "尚未添加评审专家。市级“添加评审专家”后，专家在“评审任务”中评分。"
              : "本次征集没有评审专家。"
          }
        />
      ) : (
        <List
          size="small"
          dataSource={call.panel}
          renderItem={(m) => (
            <List.Item data-testid={`panel-${m.id}`}>
              <Row style={{ width: "100%" }} align="middle" gutter={12}>
                <Col span={8}>{m.displayName}</Col>
                <Col span={10}>
                  <Progress
                    percent={total === 0 ? 0 : Math.round((m.scored / total) * 100)}
                    size="small"
                    aria-label={`${m.displayName}评分进度`}
                  />
                </Col>
                <Col span={6}>
                  <Typography.Text type="secondary">
                    已评 {m.scored} / {total} 份
                  </Typography.Text>
                </Col>
              </Row>
            </List.Item>
          )}
        />
      )}
      {call.panel.length > 0 && (
        <Typography.Text type="secondary">
          专家须回避本单位或有关联关系的申报，这些申报不计入其应评份数。
        </Typography.Text>
      )}
    </Card>
  );
}

// ── one proposal ──

function ProposalDrawer({
  id,
  call,
  user,
  onClose,
  onChanged,
  onAccept,
}: {
  id: string | null;
  call: CallDetail;
  user: User;
  onClose: () => void;
  onChanged: () => void;
  onAccept: (p: Accepting) => void;
}) {
  const query = $api.useQuery(
    "get",
    "/api/v1/project-proposals/{id}",
    { params: { path: { id: id ?? "" } } },
    { enabled: id !== null },
  );
  const { message } = AntApp.useApp();
  const [error, setError] = useState<Error | null>(null);
  const enterprise = user.role === "enterprise";
  const p = query.data;
  const editable = enterprise && p?.state === "submitted" && inWindow(call);
  const withdraw = async () => {
    if (!p) return;
    setError(null);
    try {
      await fetchClient.POST("/api/v1/project-proposals/{id}/withdraw", {
        params: { path: { id: p.id } },
      });
      message.success(`已撤回申报 ${p.number}`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={p ? `${p.number} ${p.title}` : "项目申报"}
      destroyOnHidden
      extra={
        p && (
          <Space>
            {editable && (
              <Popconfirm title="撤回后不能恢复，确认撤回本申报？" onConfirm={withdraw}>
                <Button danger data-testid="proposal-withdraw">
                  撤回申报
                </Button>
              </Popconfirm>
            )}
            {user.role === "city_official" && p.state === "funded" && (
              <Button type="primary" onClick={() => onAccept(p)}>
                登记验收
              </Button>
            )}
          </Space>
        )
      }
    >
      {error && <ErrorAlert error={error} />}
      {id !== null && (
        <QueryView query={query}>
          {(proposal) => (
            <div data-testid="proposal-detail">
              <ProposalFacts p={proposal} />
              <Divider titlePlacement="start">实施方案</Divider>
              <PlanText plan={proposal.plan} />
              <Divider titlePlacement="start">申报材料</Divider>
              <DocumentList proposalId={proposal.id} documents={proposal.documents} />
              {editable && (
                <div style={{ marginTop: 8 }}>
                  <DocumentUploader proposalId={proposal.id} onUploaded={() => void refetchAll()} />
                </div>
              )}
              {!enterprise && (
                <>
                  <Divider titlePlacement="start">专家评分</Divider>
                  <ScoresTable criteria={call.criteria} scores={proposal.scores ?? []} />
                </>
              )}
              {(proposal.tranches?.length ?? 0) > 0 && (
                <>
                  <Divider titlePlacement="start">资金安排</Divider>
                  <TranchesTable tranches={proposal.tranches ?? []} />
                </>
              )}
            </div>
          )}
        </QueryView>
      )}
    </Drawer>
  );
}

interface ProposalForm {
  category: string;
  title: string;
  requested: number;
  plan: string;
}

function ProposeModal({
  call,
  open,
  onClose,
  onDone,
}: {
  call: CallDetail;
  open: boolean;
  onClose: () => void;
  onDone: (proposalId: string) => void;
}) {
  const [form] = Form.useForm<ProposalForm>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Proposal | null>(null);
  const { message } = AntApp.useApp();
  const limit = call.maxPerProposal ?? call.budget;
  const uploadAll = async (proposal: Proposal) => {
    let failed = 0;
    for (const f of files) {
      if (f.status === "done") continue;
      const file = f.originFileObj as File | undefined;
      if (!file) continue;
      const set = (patch: Partial<UploadFile>) =>
        setFiles((list) => list.map((x) => (x.uid === f.uid ? { ...x, ...patch } : x)));
      set({ status: "uploading", percent: 0 });
      try {
        await upload(`/api/v1/project-proposals/${proposal.id}/documents`, file, (percent) =>
          set({ percent }),
        );
        set({ status: "done", percent: 100 });
      } catch (e) {
        failed++;
        set({ status: "error", response: e instanceof Error ? e.message : String(e) });
      }
    }
    return failed;
  };
  const finish = (proposal: Proposal) => {
    form.resetFields();
    setFiles([]);
    setCreated(null);
    onDone(proposal.id);
  };
  const submit = async (v: ProposalForm) => {
    setBusy(true);
    setError(null);
    try {
      const proposal =
        created ??
        (
          await fetchClient.POST("/api/v1/project-calls/{id}/proposals", {
            params: { path: { id: call.id } },
            body: { ...v, title: v.title.trim(), plan: v.plan.trim() },
          })
        ).data;
      if (!proposal) return;
      setCreated(proposal);
      const failed = await uploadAll(proposal);
      if (failed > 0) {
        setError(
          `申报 ${proposal.number} 已提交，但有 ${failed} 个文件上传失败（见下方）。可删除后重新选择，再点“继续上传”；也可以稍后在申报详情中补充。`,
        );
        return;
      }
      message.success(`已提交申报 ${proposal.number}`);
      finish(proposal);
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`提交项目申报：${call.title}`}
      open={open}
      onCancel={() => (created ? finish(created) : onClose())}
      width={760}
      destroyOnHidden
      okText={created ? "继续上传" : "提交申报"}
      confirmLoading={busy}
      onOk={() => form.submit()}
      okButtonProps={{ "data-testid": "proposal-submit" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<ProposalForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={created !== null}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="category"
              label="项目类别"
              rules={[{ required: true, message: "请选择项目类别" }]}
            >
              <Select
                options={call.categories.map((c) => ({ value: c, label: c }))}
                data-testid="proposal-category"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="requested"
              label="申请金额（元）"
              rules={[
                { required: true, message: "请填写申请金额" },
                {
                  validator: async (_, v?: number) => {
                    if (v != null && v > limit)
                      throw new Error(
                        `不能超过${call.maxPerProposal === null ? "本次征集预算" : "单项上限"} ${yuan(limit)}`,
                      );
                  },
                },
              ]}
              extra={`上限 ${yuan(limit)}`}
            >
              <InputNumber min={1} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label="项目名称"
          rules={[
            { required: true, whitespace: true, message: "请填写项目名称" },
            { max: 200, message: "不能超过 200 个字符" },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="plan"
          label="实施方案"
          extra="项目目标、实施内容、进度安排、经费预算等"
          rules={[
            { required: true, whitespace: true, message: "请填写实施方案" },
            { max: 20000, message: "不能超过 20000 个字符" },
          ]}
        >
          <Input.TextArea rows={6} showCount maxLength={20000} />
        </Form.Item>
      </Form>
      <Typography.Text strong>申报材料</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <Upload
          accept={ACCEPT}
          multiple
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => setFiles(fileList)}
          onRemove={(f) => f.status !== "done"}
        >
          <Button disabled={busy}>选择文件（PDF、JPEG、PNG）</Button>
        </Upload>
        <Typography.Text type="secondary">提交申报后逐个上传，显示上传进度。</Typography.Text>
      </div>
    </Modal>
  );
}

// ── publicity objections ──

type Objection = Schema<"ProjectObjection">;

const OBJECTION_COLORS: Record<Objection["state"], string> = {
  open: "processing",
  upheld: "error",
  dismissed: "default",
};

function ObjectionsCard({ call, onChanged }: { call: CallDetail; onChanged: () => void }) {
  const query = $api.useQuery("get", "/api/v1/project-publicity/{id}/objections", {
    params: { path: { id: call.publicityBatchId ?? "" } },
  });
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [form] = Form.useForm<{ outcome: "upheld" | "dismissed"; resolution: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const numberOf = (pid: string) => call.proposals.find((p) => p.id === pid)?.number ?? pid;
  const submit = async (v: { outcome: "upheld" | "dismissed"; resolution: string }) => {
    if (!resolving) return;
    setBusy(true);
    setError(null);
    try {
      await fetchClient.POST("/api/v1/project-objections/{id}/resolve", {
        params: { path: { id: resolving.id } },
        body: v,
      });
      setResolving(null);
      form.resetFields();
      onChanged();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="公示异议" size="small">
      <QueryView
        query={query}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint text="公示期间没有收到异议。公示期满后，系统自动为拟立项项目立项。" />
          ) : null
        }
      >
        {(d) => (
          <Table<Objection>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: "项目", dataIndex: "proposal_id", width: 150, render: numberOf },
              { title: "异议人", dataIndex: "name", width: 100 },
              { title: "联系方式", dataIndex: "contact", width: 130 },
              { title: "理由", dataIndex: "reason", ellipsis: true },
              { title: "提出时间", dataIndex: "created_at", width: 170, render: beijingTime },
              {
                title: "状态",
                dataIndex: "state",
                width: 100,
                render: (s: Objection["state"]) => (
                  <Tag color={OBJECTION_COLORS[s]}>{PROJECT_OBJECTION_MACHINE.stateNames[s]}</Tag>
                ),
              },
              {
                title: "处理",
                key: "resolve",
                width: 160,
                render: (_, o) =>
                  o.state === "open" ? (
                    <Button size="small" onClick={() => setResolving(o)}>
                      处理
                    </Button>
                  ) : (
                    <Typography.Text type="secondary" ellipsis>
                      {o.resolution}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </QueryView>
      <Modal
        title={resolving ? `处理异议：${numberOf(resolving.proposal_id)}` : "处理异议"}
        open={resolving !== null}
        onCancel={() => setResolving(null)}
        destroyOnHidden
        confirmLoading={busy}
        onOk={() => form.submit()}
      >
        {resolving && (
          <Typography.Paragraph type="secondary">理由：{resolving.reason}</Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ outcome: "dismissed" }}
        >
          <Form.Item name="outcome" label="处理结果" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: "dismissed", label: "异议不成立（照常立项）" },
                { value: "upheld", label: "异议成立（不予立项，金额退回本次预算）" },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="resolution"
            label="处理意见"
            rules={[
              { required: true, whitespace: true, message: "请填写处理意见" },
              { max: 2000, message: "不能超过 2000 个字符" },
            ]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
