import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Form,
  Input,
  Row,
  Space,
  Spin,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  ACTION_NAMES,
  type Action,
  findTransition,
  type State,
  TRANSITIONS,
} from "../../../../src/applications/states.ts";
import { can } from "../../../../src/auth/access.ts";
import { SOURCE_SHORT_NAMES } from "../../../../src/budgets/source-names.ts";
import { $api, fetchClient, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { ApiError } from "../../api.ts";
import { type User, useAuth } from "../../auth.tsx";
import {
  beijingTime,
  EmptyHint,
  ErrorAlert,
  QueryView,
  StateTag,
  showApiError,
  usePageTitle,
  yuan,
} from "../../components/common.tsx";
import { SupplementLines } from "../../components/supplement-lines.tsx";
import {
  CaseDescriptions,
  type Catalog,
  DecisionView,
  EventTimeline,
  EvidenceTable,
  EvidenceViewer,
  itemLabel,
  orgText,
  useCatalog,
} from "../enterprise/kit.tsx";
import { RosterEvidence } from "../enterprise/roster-evidence.tsx";

type Application = Schema<"Application">;
type ApplicationDetail = Schema<"ApplicationDetail">;
type AwardRow = Schema<"AwardRow">;

/**
 * The decisions open to the official on a case in its state: the transition table's deciding
 * steps the user's role may take in the case's county (the server checks again when one is sent).
 */
function actionsFor(user: User | null, state: State, county: string): Action[] {
  if (!user) return [];
  const actor = {
    userId: user.id,
    username: user.username,
    role: user.role,
    organizationId: user.organizationId,
    county: user.county,
    ip: null,
  };
  return TRANSITIONS.filter(
    (t) => t.from === state && t.decision && can(actor, t.permission, { county }),
  ).map((t) => t.action);
}

function actionLabel(action: Action, role: string): string {
  if (action === "approve")
    return role === "county_official" ? "初审通过（报市级复审）" : "复审通过（核定奖励）";
  return ACTION_NAMES[action];
}

/** 审核: the case, its evidence, the engine's decision, the organization's record, the decision. */
export function ReviewCase() {
  const { id = "" } = useParams();
  const detail = $api.useQuery("get", "/api/v1/applications/{id}", {
    params: { path: { id } },
  });
  const catalog = useCatalog();
  usePageTitle(detail.data ? `审核 ${detail.data.application.number}` : "审核");
  if (detail.error)
    return (
      <>
        <ErrorAlert error={detail.error} />
        <div style={{ textAlign: "center" }}>
          <Link to="/review">返回审核队列</Link>
        </div>
      </>
    );
  return (
    <QueryView query={detail}>{(d) => <CaseBody detail={d} catalog={catalog.data} />}</QueryView>
  );
}

function CaseBody({
  detail,
  catalog,
}: {
  detail: ApplicationDetail;
  catalog: Catalog | undefined;
}) {
  const { user } = useAuth();
  const { modal, message } = App.useApp();
  const role = user?.role ?? "";
  const app = detail.application;
  const actions = actionsFor(user, app.state, app.organization.county);
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState<Action | null>(null);
  const [actionError, setActionError] = useState<ApiError | Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(detail.evidence[0]?.id ?? null);
  const shown = detail.evidence.find((e) => e.id === selected) ?? detail.evidence[0];

  // The engine's decision now (not stored), against everything else in the system; read again
  // after each step (every answer is refetched then).
  const preview = $api.useQuery("post", "/api/v1/applications/{id}/preview", {
    params: { path: { id: app.id } },
  });

  async function act(action: Action) {
    setActionError(null);
    setDone(null);
    let comment: string | undefined;
    try {
      comment = (await form.validateFields()).comment?.trim() || undefined;
    } catch {
      return;
    }
    const county = (preview.data?.supplements ?? [])
      .filter((x) => x.decision.amountYuan > 0)
      .map(
        (x) =>
          `另${x.policy.jurisdiction}配套 ${yuan(x.decision.amountYuan)}（由${x.policy.jurisdiction}财政承担）`,
      )
      .join("，");
    const amount = preview.data
      ? `政策引擎当前核定 ${yuan(preview.data.amountYuan)}${county ? `，${county}` : ""}。`
      : "";
    modal.confirm({
      title: `确认${actionLabel(action, role)}？`,
      content: (
        <div data-testid="action-confirm-dialog">
          <p>
            申报 {app.number}：{app.organization.name}，{itemLabel(app)}。
          </p>
          {action === "approve" && <p>{amount}</p>}
          {action === "approve" && role === "city_official" && (
            <p>复审通过即记入奖励核定（同一项目与对象只奖一次、累计上限），不能撤回。</p>
          )}
          {comment && <p>意见：{comment}</p>}
        </div>
      ),
      okText: "确认",
      cancelText: "取消",
      okButtonProps: {
        danger: action === "reject",
        "data-testid": "action-confirm",
      },
      onOk: async () => {
        setBusy(action);
        try {
          await fetchClient.POST(`/api/v1/applications/{id}/${action}`, {
            params: { path: { id: app.id } },
            body: comment ? { comment } : {},
          });
          message.success(`已${ACTION_NAMES[action]}：${app.number}`);
          setDone(`已${actionLabel(action, role)}。`);
          form.resetFields();
          await refetchAll();
        } catch (e) {
          const rest = showApiError(form, e);
          if (rest) setActionError(e as Error);
        } finally {
          setBusy(null);
        }
      },
    });
  }

  const stored = detail.events.filter((e) => e.decision);

  return (
    <div>
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <h1 style={{ fontSize: "inherit", margin: 0 }}>申报 {app.number}</h1>
            <span data-testid="case-state" data-state={app.state}>
              <StateTag state={app.state} name={app.stateName} />
            </span>
            <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
              {orgText(app.organization)}
            </Typography.Text>
          </Space>
        }
        extra={<Link to="/review">返回审核队列</Link>}
        styles={{ body: { paddingTop: 12, paddingBottom: 12 } }}
      >
        <Typography.Text>
          {itemLabel(app)}（{app.clause}）　奖励对象：{app.subject}　预计金额：
          {yuan(app.expectedAmount)}
        </Typography.Text>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          {detail.roster && <RosterEvidence roster={detail.roster} />}
          <Card title={`证明材料（${detail.evidence.length}）`} style={{ marginBottom: 16 }}>
            {detail.evidence.length === 0 ? (
              <EmptyHint
                text={
                  detail.roster
                    ? "按官方名单生成（免申即享），企业无需上传证明材料；依据见上方“名单依据”。"
                    : "企业尚未上传证明材料。可退回补正，要求补充材料。"
                }
              />
            ) : (
              <>
                <EvidenceTable
                  applicationId={app.id}
                  evidence={detail.evidence}
                  selected={shown?.id ?? null}
                  onSelect={(e) => setSelected(e.id)}
                />
                {shown && (
                  <div style={{ marginTop: 12 }}>
                    <EvidenceViewer applicationId={app.id} evidence={shown} height={600} />
                  </div>
                )}
              </>
            )}
          </Card>
          <Card title="申报内容" style={{ marginBottom: 16 }}>
            <CaseDescriptions app={app} item={catalog?.byId.get(app.item)} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="审核办理" style={{ marginBottom: 16 }} data-testid="review-actions">
            {done && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                title={done}
                action={<Link to="/review">返回队列</Link>}
              />
            )}
            {actionError && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="action-error"
                title={
                  actionError instanceof ApiError && actionError.code === "engine_refuses"
                    ? "政策引擎不予核定，不能审核通过"
                    : "办理未成功"
                }
                description={actionError.message}
              />
            )}
            {actions.length === 0 ? (
              <Typography.Paragraph type="secondary" data-testid="no-actions">
                {waitingText(role, app.state)}
              </Typography.Paragraph>
            ) : (
              <Form form={form} layout="vertical">
                <Form.Item
                  name="comment"
                  label="审核意见"
                  rules={[{ max: 2000, message: "不能超过 2000 个字符" }]}
                  extra="退回补正、不予通过须填写意见；意见对企业可见。"
                >
                  <Input.TextArea
                    rows={3}
                    maxLength={2000}
                    showCount
                    data-testid="review-comment"
                    placeholder="如：请补充认可证书扫描件"
                  />
                </Form.Item>
                <Space wrap>
                  {actions.map((a) => (
                    <Button
                      key={a}
                      data-testid={`action-${a}`}
                      type={a === "approve" || a === "accept" ? "primary" : "default"}
                      danger={a === "reject"}
                      loading={busy === a}
                      disabled={busy !== null}
                      onClick={() => {
                        const needsComment = findTransition(a, app.state)?.commentRequired;
                        if (needsComment && !form.getFieldValue("comment")?.trim()) {
                          form.setFields([
                            {
                              name: "comment",
                              errors: [`${ACTION_NAMES[a]}须填写意见`],
                            },
                          ]);
                          return;
                        }
                        void act(a);
                      }}
                    >
                      {actionLabel(a, role)}
                    </Button>
                  ))}
                </Space>
              </Form>
            )}
          </Card>
          <Card title="政策引擎核定" style={{ marginBottom: 16 }}>
            {preview.error ? (
              <ErrorAlert error={preview.error} />
            ) : preview.data ? (
              <DecisionView
                decision={preview.data}
                county={app.organization.county}
                testId="engine-decision"
                compact
                title={
                  <Typography.Paragraph type="secondary">
                    按本组织全部申报和全系统已核定的奖励，现在重新核定的结果（不保存；每一步办理时保存当时的核定）。
                  </Typography.Paragraph>
                }
              />
            ) : (
              <div style={{ textAlign: "center", padding: 24 }}>
                <Spin />
              </div>
            )}
            {preview.data && (
              <SupplementLines lines={preview.data.supplements} testId="engine-supplements" />
            )}
            {stored.length > 0 && (
              <Collapse
                size="small"
                style={{ marginTop: 12 }}
                items={stored.map((e) => ({
                  key: String(e.seq),
                  label: `第 ${e.seq} 步 ${e.actionName}（${beijingTime(e.createdAt)}）保存的核定：${yuan(e.amount)}`,
                  children: e.decision && (
                    <DecisionView decision={e.decision} county={app.organization.county} compact />
                  ),
                }))}
              />
            )}
          </Card>
          <Card title="办理过程" style={{ marginBottom: 16 }}>
            <EventTimeline detail={detail} />
          </Card>
        </Col>
      </Row>
      <OrganizationRecord app={app} role={role} />
    </div>
  );
}

function waitingText(role: string, state: State): string {
  switch (state) {
    case "submitted":
      return "已提交，等待县级审核人员受理。";
    case "county_review":
      return "县级初审中。";
    case "city_review":
      return role === "county_official" ? "已初审通过，等待市级复审。" : "等待市级复审。";
    case "returned":
      return "已退回补正，等待企业修改后重新提交。";
    case "approved":
      return "审核通过，等待公示。";
    case "publicity":
      return "公示中。";
    case "awarded":
      return "已转为奖励。";
    case "rejected":
      return "不予通过，办理已结束。";
    case "withdrawn":
      return "企业已撤回，办理已结束。";
    default:
      return "当前状态无需您办理。";
  }
}

/** The organization: its registration, exclusions, other cases and awards. */
function OrganizationRecord({ app, role }: { app: Application; role: string }) {
  const org = $api.useQuery("get", "/api/v1/organizations/{id}", {
    params: { path: { id: app.organization.id } },
  });
  const others = $api.useQuery("get", "/api/v1/applications", {
    params: { query: { organizationId: app.organization.id, pageSize: 100 } },
  });
  const awards = $api.useQuery(
    "get",
    "/api/v1/awards",
    { params: { query: { organizationId: app.organization.id } } },
    { enabled: role === "city_official", select: (r) => r.items },
  );
  const otherCases = (others.data?.items ?? []).filter((a) => a.id !== app.id);
  // The case itself is in the organization's list (the same scope): the rest are the others,
  // of which the table shows the first page.
  const otherTotal = others.data ? Math.max(0, others.data.total - 1) : null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card
          title={`该组织的其他申报（${otherTotal ?? "…"}）`}
          style={{ marginBottom: 16 }}
          data-testid="org-other-cases"
        >
          <QueryView
            query={others}
            empty={() =>
              otherCases.length === 0 ? <EmptyHint text="该组织没有其他申报。" /> : null
            }
          >
            {() => (
              <>
                {otherTotal !== null && otherTotal > otherCases.length && (
                  <Typography.Paragraph type="secondary">
                    以下列出最近更新的 {otherCases.length} 件。
                  </Typography.Paragraph>
                )}
                <Table<Application>
                  size="small"
                  rowKey="id"
                  dataSource={otherCases}
                  pagination={otherCases.length > 10 ? { pageSize: 10 } : false}
                  columns={[
                    {
                      title: "编号",
                      dataIndex: "number",
                      render: (n: string, a) => <Link to={`/review/${a.id}`}>{n}</Link>,
                    },
                    {
                      title: "奖励项目",
                      key: "item",
                      render: (_, a) => itemLabel(a),
                      ellipsis: true,
                    },
                    // A phone shows number, item and state; the rest from a desk's width.
                    { title: "对象", dataIndex: "subject", ellipsis: true, responsive: ["md"] },
                    {
                      title: "状态",
                      dataIndex: "state",
                      width: 110,
                      render: (s: State, a) => <StateTag state={s} name={a.stateName} />,
                    },
                    {
                      title: "金额",
                      dataIndex: "expectedAmount",
                      width: 110,
                      responsive: ["md"],
                      align: "right",
                      render: (v: number | null) => yuan(v),
                    },
                  ]}
                />
              </>
            )}
          </QueryView>
        </Card>
        <Card title="该组织的奖励" style={{ marginBottom: 16 }} data-testid="org-awards">
          {role !== "city_official" ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              奖励清单仅市级审核人员和财政人员可查看；上表中“已奖励”“公示中”的申报即该组织已获或拟获的奖励。
            </Typography.Paragraph>
          ) : (
            <QueryView
              query={awards}
              empty={(list) =>
                list.length === 0 ? <EmptyHint text="该组织尚无奖励记录。" /> : null
              }
            >
              {(list) => (
                <Table<AwardRow>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={list}
                  columns={[
                    { title: "奖励编号", dataIndex: "number", width: 140 },
                    {
                      title: "奖励项目",
                      key: "item",
                      ellipsis: true,
                      render: (_, a) => itemLabel(a),
                    },
                    { title: "条款", dataIndex: "clause", width: 100, responsive: ["md"] },
                    {
                      title: "金额",
                      dataIndex: "amount",
                      align: "right",
                      render: (v: number) => yuan(v),
                    },
                    { title: "年度", dataIndex: "year", width: 70, responsive: ["md"] },
                    {
                      title: "资金",
                      dataIndex: "source",
                      width: 110,
                      responsive: ["md"],
                      render: (s: string) => SOURCE_SHORT_NAMES(s),
                    },
                    {
                      title: "状态",
                      dataIndex: "state",
                      width: 90,
                      render: (s: AwardRow["state"], a) => (
                        <StateTag state={s} name={a.stateName} />
                      ),
                    },
                  ]}
                />
              )}
            </QueryView>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="组织信息" style={{ marginBottom: 16 }} data-testid="org-info">
          <QueryView query={org}>
            {(o) => (
              <>
                {o.exclusions.some((e) => e.active) && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title="该组织有有效的不予支持情形"
                    description={o.exclusions
                      .filter((e) => e.active)
                      .map((e) => `${e.effectiveDate} 起：${e.kindName}（${e.source}）`)
                      .join("；")}
                  />
                )}
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  items={[
                    { key: "name", label: "名称", children: o.name },
                    { key: "uscc", label: "统一社会信用代码", children: o.uscc },
                    { key: "county", label: "管辖县（市、区）", children: o.county },
                    { key: "kind", label: "类型", children: o.kindName },
                    {
                      key: "contact",
                      label: "联系人",
                      children: o.contact
                        ? [o.contact.name, o.contact.phone].filter(Boolean).join("　") || "—"
                        : "—",
                    },
                    {
                      key: "bank",
                      label: "收款账户",
                      children: o.bank
                        ? [o.bank.name, o.bank.account].filter(Boolean).join("　") || "—"
                        : "—",
                    },
                    ...(o.usccOverride
                      ? [
                          {
                            key: "override",
                            label: "代码核实",
                            children: `旧代码，已核实：${o.usccOverride.reason}`,
                          },
                        ]
                      : []),
                    {
                      key: "funding",
                      label: "本申报资金",
                      children: app.fundingSourceName ?? "—",
                    },
                  ]}
                />
              </>
            )}
          </QueryView>
        </Card>
      </Col>
    </Row>
  );
}
