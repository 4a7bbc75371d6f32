import { Alert, App, Button, Card, Form, Result, Space, Spin, Steps, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { $api, fetchClient, ifMatch, queryClient, refetchAll } from "../../api/client.ts";
import { isStaleVersion } from "../../api.ts";
import { ErrorAlert, showApiError, yuan } from "../../components/common.tsx";
import { PolicyNotice } from "../../components/policy-notice.tsx";
import { ItemPicker } from "./ItemPicker.tsx";
import {
  CaseDescriptions,
  ClaimFields,
  type ClaimFormValues,
  type Decision,
  DecisionView,
  deleteEvidence,
  EvidenceTable,
  EvidenceUploader,
  ItemSummary,
  toFormValues,
  toPayload,
  useCatalog,
} from "./kit.tsx";

const STEPS = [
  { key: "item", title: "选择奖励项目" },
  { key: "details", title: "填写申报信息" },
  { key: "preview", title: "政策引擎预估" },
  { key: "evidence", title: "上传证明材料" },
  { key: "confirm", title: "确认提交" },
] as const;

/**
 * 新建申报: item → details (creates or updates the draft) → the engine's preview → evidence →
 * submit. Once the draft exists its id is in the address (`?id=`), so a reload resumes it.
 */
export function NewApplication() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const draftId = params.get("id");
  const catalog = useCatalog();
  const draft = $api.useQuery(
    "get",
    "/api/v1/applications/{id}",
    { params: { path: { id: draftId ?? "" } } },
    { enabled: draftId !== null },
  );
  const [form] = Form.useForm<ClaimFormValues>();
  const [step, setStep] = useState(0);
  const [itemId, setItemId] = useState<string | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The version of the draft the form holds: the one read, then the one each save answers.
  const [formVersion, setFormVersion] = useState<number | null>(null);
  const detail = draftId ? draft.data : undefined;

  // The draft in the form: when it is first read, and when another page saved it (刷新 after a
  // refused stale save reads it again). A draft submitted meanwhile opens as its case.
  useEffect(() => {
    const app = detail?.application;
    if (!app) return;
    if (app.state !== "draft") {
      navigate(`/my/applications/${app.id}`, { replace: true });
      return;
    }
    // Not older than what the form holds (our own save answers before the read catches up).
    if (formVersion !== null && app.version <= formVersion) return;
    setFormVersion(app.version);
    setItemId(app.item);
    form.resetFields();
    form.setFieldsValue(toFormValues(app));
    setDecision(null);
    setError(null);
    setStep(1);
  }, [detail, formVersion, form, navigate]);

  if (catalog.error) return <ErrorAlert error={catalog.error} />;
  if (draftId && draft.error) return <ErrorAlert error={draft.error} />;
  // A draft named in the address is read before the form shows (not one this page just created).
  if (!catalog.data || (draftId && formVersion === null))
    return (
      <div style={{ padding: 48, textAlign: "center" }} aria-busy="true">
        <Spin />
      </div>
    );
  const { items, policy, byId } = catalog.data;
  const item = itemId ? byId.get(itemId) : undefined;
  const app = detail?.application;

  const refreshDetail = (id: string) =>
    queryClient.invalidateQueries({
      queryKey: $api.queryOptions("get", "/api/v1/applications/{id}", { params: { path: { id } } })
        .queryKey,
    });

  async function runPreview(id: string) {
    setDecision(null);
    try {
      const { data } = await fetchClient.POST("/api/v1/applications/{id}/preview", {
        params: { path: { id } },
      });
      if (data) setDecision(data);
    } catch (e) {
      setError(showApiError(null, e));
    }
  }

  /** Step 2 → 3: creates the draft, or saves the changes to it; then previews it. */
  async function saveDetails() {
    if (!itemId) return;
    let values: ClaimFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = toPayload(values, itemId);
      let savedId: string;
      if (app && formVersion !== null) {
        const { data } = await fetchClient.PATCH("/api/v1/applications/{id}", {
          params: { path: { id: app.id }, header: ifMatch(formVersion) },
          body,
        });
        if (!data) return;
        // Our own save: the form already shows it.
        setFormVersion(data.version);
        savedId = data.id;
      } else {
        const { data } = await fetchClient.POST("/api/v1/applications", { body });
        if (!data) return;
        setFormVersion(data.version);
        savedId = data.id;
        setParams({ id: data.id }, { replace: true });
      }
      await refreshDetail(savedId);
      await queryClient.invalidateQueries({
        queryKey: $api.queryOptions("get", "/api/v1/applications").queryKey,
      });
      setStep(2);
      void runPreview(savedId);
    } catch (e) {
      // A stale save is told in the client's dialog, whose 刷新 reads the draft again.
      const rest = isStaleVersion(e) ? null : showApiError(form, e);
      if (rest) setError(rest);
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!app) return;
    setBusy(true);
    setError(null);
    try {
      await fetchClient.POST("/api/v1/applications/{id}/submit", {
        params: { path: { id: app.id } },
        body: null,
      });
      message.success(`申报 ${app.number} 已提交，等待县级审核`);
      navigate(`/my/applications/${app.id}`);
      void refetchAll();
    } catch (e) {
      setError(showApiError(null, e));
    } finally {
      setBusy(false);
    }
  }

  const evidenceCount = detail?.evidence.length ?? 0;
  const next = (
    <Button
      type="primary"
      data-testid="wizard-next"
      loading={busy}
      disabled={
        (step === 0 && !item) || (step === 2 && !decision) || (step === 3 && evidenceCount === 0)
      }
      onClick={() => {
        setError(null);
        if (step === 1) void saveDetails();
        else setStep(step + 1);
      }}
    >
      {step === 1 ? "保存并预估" : "下一步"}
    </Button>
  );
  const prev = step > 0 && (
    <Button data-testid="wizard-prev" disabled={busy} onClick={() => setStep(step - 1)}>
      上一步
    </Button>
  );

  return (
    <Card
      title={
        <Space>
          新建申报
          {app && (
            <Typography.Text type="secondary" data-testid="draft-number">
              草稿 {app.number}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        app ? (
          <Link to={`/my/applications/${app.id}`}>暂存草稿，稍后继续</Link>
        ) : (
          <Link to="/my/applications">返回我的申报</Link>
        )
      }
    >
      <PolicyNotice />
      <Steps
        data-testid="wizard-steps"
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={STEPS.map((s) => ({ title: s.title }))}
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="wizard-error"
        />
      )}

      {step === 0 && (
        <div data-testid="wizard-step-item">
          <Typography.Paragraph type="secondary">
            依据《{policy.title}》（施行期 {policy.effective} 至 {policy.expires}
            ）。选择一项奖励；同一事项符合多项奖励的，按最先申报的一项奖励。
          </Typography.Paragraph>
          <ItemPicker
            items={items}
            value={itemId}
            onChange={(id) => {
              if (id !== itemId) form.setFieldValue("facts", {});
              setItemId(id);
            }}
          />
          {item && (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              showIcon
              data-testid="selected-item"
              title={`已选择：${item.id} ${item.title}（${item.clause}，${item.amountYuan === null ? "择优确定" : yuan(item.amountYuan)}）`}
            />
          )}
        </div>
      )}

      {/* The form stays mounted (hidden) on the other steps so its values survive going back. */}
      <div data-testid={step === 1 ? "wizard-step-details" : undefined} hidden={step !== 1}>
        {item && <ItemSummary item={item} />}
        <Form<ClaimFormValues>
          form={form}
          layout="horizontal"
          labelCol={{ flex: "160px" }}
          style={{ marginTop: 16, maxWidth: 900 }}
        >
          {item && <ClaimFields item={item} policy={policy} />}
        </Form>
      </div>

      {step === 2 && app && (
        <div data-testid="wizard-step-preview">
          <Typography.Paragraph type="secondary">
            政策引擎按本组织的全部申报和全系统已核定的奖励核查本申报（仅供参考，不保存；审核每一步都会重新核定）。
          </Typography.Paragraph>
          {decision ? (
            <>
              {decision.status === "refused" && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title="按当前填写的信息，政策引擎不予核定"
                  description="请返回上一步核对奖励项目、事件日期和申报情况；如确认无误，仍可提交，由审核人员核查。"
                />
              )}
              <DecisionView
                decision={decision}
                county={app.organization.county}
                testId="preview-result"
              />
              <Button style={{ marginTop: 8 }} onClick={() => void runPreview(app.id)}>
                重新预估
              </Button>
            </>
          ) : (
            <div style={{ padding: 32, textAlign: "center" }}>
              <Spin />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                政策引擎核定中…
              </Typography.Paragraph>
            </div>
          )}
        </div>
      )}

      {step === 3 && app && detail && (
        <div data-testid="wizard-step-evidence">
          <Typography.Paragraph type="secondary">
            上传获奖证书、认定文件、验收报告等证明材料（提交前至少一份）。文件按内容识别类型，只接受
            PDF、JPEG、PNG。
          </Typography.Paragraph>
          <EvidenceUploader applicationId={app.id} onUploaded={() => void refreshDetail(app.id)} />
          <div style={{ marginTop: 16 }}>
            <EvidenceTable
              applicationId={app.id}
              evidence={detail.evidence}
              onDelete={(e) =>
                deleteEvidence(app.id, e.id).then(
                  () => message.success(`已删除“${e.name}”`),
                  (err) => setError(showApiError(null, err)),
                )
              }
            />
          </div>
        </div>
      )}

      {step === 4 && app && detail && (
        <div data-testid="wizard-step-confirm">
          <Result
            status="info"
            style={{ padding: "8px 0 16px" }}
            title="请核对后提交"
            subTitle={
              decision
                ? `政策引擎预估：${yuan(decision.amountYuan)}。提交后首次提交时间即为“最先申报”的依据，县级审核人员将受理初审。`
                : "提交后县级审核人员将受理初审。"
            }
          />
          <CaseDescriptions app={app} item={item} />
          <div style={{ marginTop: 16 }}>
            <EvidenceTable applicationId={app.id} evidence={detail.evidence} />
          </div>
        </div>
      )}

      <Space
        style={{
          position: "sticky",
          bottom: 0,
          zIndex: 2,
          width: "100%",
          marginTop: 24,
          padding: "12px 0",
          background: "#fff",
          borderTop: "1px solid #f0f0f0",
        }}
      >
        {prev}
        {step < 4 ? (
          next
        ) : (
          <Button
            type="primary"
            data-testid="wizard-submit"
            loading={busy}
            disabled={evidenceCount === 0}
            onClick={() => void submit()}
          >
            提交申报
          </Button>
        )}
        {step === 3 && evidenceCount === 0 && (
          <Typography.Text type="secondary">请先上传至少一份证明材料</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
