import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Popconfirm,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { EDITABLE_STATES, type State, TRANSITIONS } from "../../../../src/applications/states.ts";
import { $api, fetchClient, ifMatch, refetchAll } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { isStaleVersion } from "../../api.ts";
import { QueryView, StateTag, showApiError, usePageTitle, yuan } from "../../components/common.tsx";
import { SupplementLines } from "../../components/supplement-lines.tsx";
import {
  type ApplicationDetail,
  CaseDescriptions,
  type Catalog,
  ClaimFields,
  type ClaimFormValues,
  DecisionView,
  deleteEvidence,
  EventTimeline,
  EvidenceTable,
  EvidenceUploader,
  lastStoredDecision,
  toFormValues,
  toPayload,
  useCatalog,
} from "./kit.tsx";
import { RosterEvidence } from "./roster-evidence.tsx";

const ENDED: State[] = ["withdrawn", "rejected", "expired"];
const STATUS_TEXT: Partial<Record<State, string>> = {
  offered: "按官方名单（免申即享）为本单位生成的待确认奖励：核对信息后确认申领即可，无需上传材料。",
  expired: "逾期未确认，已失效；如仍符合条件，可自行申报。",
  submitted: "已提交，等待县级审核人员受理。",
  county_review: "县级初审中。",
  city_review: "县级初审通过，市级复审中。",
  approved: "审核通过，等待公示。",
  publicity: "公示中；公示期满且无异议后转为奖励。",
  awarded: "已转为奖励，由财政按拨付计划拨付。",
  rejected: "不予通过，办理已结束。",
  withdrawn: "申报已撤回，办理已结束。",
};
/** The states the transition table lets the enterprise withdraw from. */
const WITHDRAWABLE: readonly State[] = TRANSITIONS.filter((t) => t.action === "withdraw").map(
  (t) => t.from,
);

/** The enterprise's case: timeline, comment, evidence, correct-and-resubmit, withdraw. */
export function MyCase() {
  const { id = "" } = useParams();
  const detail = $api.useQuery("get", "/api/v1/applications/{id}", {
    params: { path: { id } },
  });
  const catalog = useCatalog();
  usePageTitle(detail.data ? `申报 ${detail.data.application.number}` : undefined);
  return (
    <QueryView query={catalog}>
      {(c) => (
        <QueryView query={detail}>
          {(d) => (
            <CaseBody key={`${d.application.id}:${d.application.version}`} detail={d} catalog={c} />
          )}
        </QueryView>
      )}
    </QueryView>
  );
}

function CaseBody({ detail, catalog }: { detail: ApplicationDetail; catalog: Catalog }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const app = detail.application;
  const editable = EDITABLE_STATES.includes(app.state);
  const [form] = Form.useForm<ClaimFormValues>();
  const itemId: string = Form.useWatch("item", form) ?? app.item;
  const item = catalog.byId.get(itemId);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Schema<"CasePreview"> | null>(null);
  const evidence = detail.evidence;
  // The version the next save names: the one loaded, then the one each save returns (a preview
  // or a submit may follow a save without reloading the page).
  const [version, setVersion] = useState(app.version);
  const stored = lastStoredDecision(detail);
  const path = { params: { path: { id: app.id } } };

  /** Saves the form when it was changed; false when it does not validate or the API refuses. */
  async function save(always: boolean): Promise<boolean> {
    if (!always && !form.isFieldsTouched()) return true;
    let values: ClaimFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return false;
    }
    try {
      const { data } = await fetchClient.PATCH("/api/v1/applications/{id}", {
        params: { path: { id: app.id }, header: ifMatch(version) },
        body: toPayload(values, itemId),
      });
      if (data) setVersion(data.version);
      return true;
    } catch (e) {
      // A stale save is told in the client's dialog, whose 刷新 reads the case again.
      const rest = isStaleVersion(e) ? null : showApiError(form, e);
      if (rest) setError(rest);
      return false;
    }
  }

  async function run(action: string, work: () => Promise<void>) {
    setBusy(action);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(isStaleVersion(e) ? null : showApiError(form, e));
    } finally {
      setBusy(null);
    }
  }

  const submit = () =>
    run("submit", async () => {
      if (!(await save(false))) return;
      await fetchClient.POST("/api/v1/applications/{id}/submit", { ...path, body: null });
      message.success(app.state === "returned" ? "已重新提交，等待审核" : "已提交，等待县级审核");
      await refetchAll();
    });

  const [committed, setCommitted] = useState(false);
  const confirmOffer = () =>
    run("confirm", async () => {
      await fetchClient.POST("/api/v1/applications/{id}/confirm", {
        ...path,
        body: { commitment: true },
      });
      message.success("已确认申领，等待县级审核");
      await refetchAll();
    });
  const declineOffer = () =>
    run("decline", async () => {
      await fetchClient.POST("/api/v1/applications/{id}/decline", { ...path, body: null });
      message.success("已放弃该项奖励");
      await refetchAll();
    });

  const withdraw = () =>
    run("withdraw", async () => {
      await fetchClient.POST("/api/v1/applications/{id}/withdraw", { ...path, body: null });
      message.success("申报已撤回");
      await refetchAll();
    });

  const saveOnly = () =>
    run("save", async () => {
      if (await save(true)) {
        message.success("已保存修改");
        await refetchAll();
      }
    });

  const runPreview = () =>
    run("preview", async () => {
      if (editable && !(await save(false))) return;
      const { data } = await fetchClient.POST("/api/v1/applications/{id}/preview", path);
      setPreview(data ?? null);
    });

  const removeEvidence = (evidenceId: string, name: string) =>
    deleteEvidence(app.id, evidenceId).then(
      () => message.success(`已删除“${name}”`),
      (e) => setError(showApiError(null, e)),
    );

  return (
    <div>
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Space>
            申报 {app.number}
            <span data-testid="case-state" data-state={app.state}>
              <StateTag state={app.state} name={app.stateName} />
            </span>
          </Space>
        }
        extra={<Link to="/my/applications">返回我的申报</Link>}
      >
        {app.state === "returned" && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="return-comment"
            title={`审核意见：${app.lastComment ?? "（未填写）"}`}
            description="请按意见修改申报内容或补充证明材料，然后点击“重新提交”。首次提交时间保留，不影响“最先申报”。"
          />
        )}
        {app.state === "rejected" && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="reject-comment"
            title={`不予通过：${app.lastComment ?? ""}`}
          />
        )}
        {app.state === "offered" && (
          <>
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="offer-notice"
              title={`待确认奖励：${app.itemTitle ?? app.item}，预计 ${yuan(app.expectedAmount ?? 0)}`}
              description={
                detail.roster
                  ? `${STATUS_TEXT.offered}请先核对下方“名单依据”中的名单记录。`
                  : STATUS_TEXT.offered
              }
            />
            {detail.roster && (
              <RosterEvidence
                roster={detail.roster}
                size="small"
                style={{ marginBottom: 12 }}
                hint="以下是生成本项奖励的官方名单记录，请核对是否属本单位、信息是否准确；如有不符，请放弃并联系所在县（市、区）市场监管部门。"
              />
            )}
            <div data-testid="offer-decision" style={{ marginBottom: 12 }}>
              <OfferAccount organizationId={app.organization.id} />
              <Checkbox
                checked={committed}
                onChange={(e) => setCommitted(e.target.checked)}
                data-testid="offer-commitment"
              >
                本单位承诺：名单所列信息属本单位且真实；奖励拨付至本单位已核验的收款账户。
              </Checkbox>
              <Space wrap style={{ marginTop: 8, display: "flex" }}>
                <Button
                  type="primary"
                  disabled={!committed || busy !== null}
                  loading={busy === "confirm"}
                  data-testid="offer-confirm"
                  onClick={() => void confirmOffer()}
                >
                  确认申领
                </Button>
                <Popconfirm
                  title="放弃这项奖励？"
                  okText="放弃"
                  cancelText="取消"
                  onConfirm={() => void declineOffer()}
                >
                  <Button disabled={busy !== null} data-testid="offer-decline">
                    放弃
                  </Button>
                </Popconfirm>
              </Space>
            </div>
          </>
        )}
        {app.state === "draft" && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="草稿尚未提交"
            description={
              <>
                上传证明材料后提交。也可以
                <Link
                  to={`/my/applications/new?id=${app.id}`}
                  style={{ textDecoration: "underline" }}
                >
                  按向导继续填写
                </Link>
                。
              </>
            }
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={error}
            data-testid="case-error"
          />
        )}
        <Space wrap>
          {editable && (
            <Button
              type="primary"
              data-testid="action-submit"
              loading={busy === "submit"}
              disabled={busy !== null || evidence.length === 0}
              onClick={() => void submit()}
            >
              {app.state === "returned" ? "重新提交" : "提交申报"}
            </Button>
          )}
          {editable && (
            <Button
              data-testid="action-preview"
              loading={busy === "preview"}
              disabled={busy !== null}
              onClick={() => void runPreview()}
            >
              政策引擎预估
            </Button>
          )}
          {WITHDRAWABLE.includes(app.state) && (
            <Popconfirm
              title="撤回申报"
              description="撤回后不能恢复，如需申报须重新新建。确定撤回？"
              okText="撤回"
              cancelText="取消"
              okButtonProps={{ danger: true, "data-testid": "action-confirm" }}
              onConfirm={() => withdraw()}
            >
              <Button
                danger
                data-testid="action-withdraw"
                loading={busy === "withdraw"}
                disabled={busy !== null}
              >
                撤回申报
              </Button>
            </Popconfirm>
          )}
          {editable && evidence.length === 0 && (
            <Typography.Text type="secondary">提交前须上传至少一份证明材料</Typography.Text>
          )}
          {STATUS_TEXT[app.state] && app.state !== "offered" && (
            <Typography.Text type="secondary" data-testid="case-status-text">
              {STATUS_TEXT[app.state]}
            </Typography.Text>
          )}
          {app.state === "withdrawn" && (
            <Button onClick={() => navigate("/my/applications/new")}>重新新建申报</Button>
          )}
        </Space>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {editable ? (
            <Card title="申报内容（可修改）" style={{ marginBottom: 16 }}>
              <Form<ClaimFormValues>
                form={form}
                layout="horizontal"
                labelCol={{ flex: "140px" }}
                initialValues={toFormValues(app)}
                onValuesChange={(changed) => {
                  if ("item" in changed) form.setFieldValue("facts", {});
                }}
              >
                <Form.Item
                  name="item"
                  label="奖励项目"
                  rules={[{ required: true, message: "请选择奖励项目" }]}
                  extra={item ? `${item.clause}；奖励对象：${item.beneficiary}` : undefined}
                >
                  <Select
                    data-testid="field-item"
                    showSearch={{ optionFilterProp: "label" }}
                    options={catalog.items
                      .filter((i) => i.kind === "fixed")
                      .map((i) => ({ value: i.id, label: `${i.id} ${i.title}` }))}
                  />
                </Form.Item>
                {item && <ClaimFields item={item} policy={catalog.policy} />}
                <Form.Item label=" " colon={false}>
                  <Button
                    data-testid="case-save"
                    loading={busy === "save"}
                    disabled={busy !== null}
                    onClick={() => void saveOnly()}
                  >
                    保存修改
                  </Button>
                </Form.Item>
              </Form>
            </Card>
          ) : (
            <Card title="申报内容" style={{ marginBottom: 16 }}>
              <CaseDescriptions app={app} item={catalog.byId.get(app.item)} />
            </Card>
          )}
          {detail.roster && app.state !== "offered" && <RosterEvidence roster={detail.roster} />}
          <Card title={`证明材料（${evidence.length}）`} style={{ marginBottom: 16 }}>
            {editable && (
              <div style={{ marginBottom: 12 }}>
                <EvidenceUploader applicationId={app.id} onUploaded={() => void refetchAll()} />
              </div>
            )}
            <EvidenceTable
              applicationId={app.id}
              evidence={evidence}
              onDelete={editable ? (e) => removeEvidence(e.id, e.name) : undefined}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="办理过程" style={{ marginBottom: 16 }}>
            <EventTimeline detail={detail} />
          </Card>
          <Card title="政策引擎核定" style={{ marginBottom: 16 }}>
            {preview ? (
              <DecisionView
                decision={preview}
                county={app.organization.county}
                testId="preview-result"
                compact
                title={
                  <Typography.Paragraph type="secondary">当前预估（不保存）</Typography.Paragraph>
                }
              />
            ) : stored?.decision ? (
              <DecisionView
                decision={stored.decision}
                county={app.organization.county}
                testId="stored-decision"
                compact
                title={
                  <Typography.Paragraph type="secondary">
                    最近一次办理时的核定（第 {stored.seq} 步）
                  </Typography.Paragraph>
                }
              />
            ) : (
              <Typography.Paragraph type="secondary">
                尚未核定。点击“政策引擎预估”查看按当前信息可获得的奖励。
              </Typography.Paragraph>
            )}
            {preview && (
              <SupplementLines lines={preview.supplements} testId="preview-supplements" />
            )}
            {!editable && !ENDED.includes(app.state) && (
              <Button
                size="small"
                data-testid="action-preview"
                loading={busy === "preview"}
                onClick={() => void runPreview()}
              >
                按当前情况重新预估
              </Button>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** The account an offer's award is paid to: the enterprise checks it before confirming. */
function OfferAccount({ organizationId }: { organizationId: string }) {
  const org = $api.useQuery("get", "/api/v1/organizations/{id}", {
    params: { path: { id: organizationId } },
  });
  const bank = org.data?.bank;
  if (!org.data) return null;
  return (
    <div style={{ marginBottom: 8, overflowWrap: "anywhere" }} data-testid="offer-account">
      {bank?.account ? (
        `收款账户：${bank.name ?? ""} ${bank.account}（已核验）`
      ) : (
        <span>
          尚无已核验的收款账户，奖励暂不能拨付：请在<Link to="/my/organization">组织资料</Link>
          中填写，由财政部门核验。
        </span>
      )}
    </div>
  );
}
