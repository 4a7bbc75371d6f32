import { Alert, App, Button, Card, Form, Result, Space, Spin, Steps, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api, get, isStaleVersion, post } from "../../api.ts";
import { ErrorAlert, showApiError, useLoad, yuan } from "../../components/common.tsx";
import { ItemPicker } from "./ItemPicker.tsx";
import {
  type ApplicationDetail,
  type ApplicationView,
  CaseDescriptions,
  ClaimFields,
  type ClaimFormValues,
  type Decision,
  DecisionView,
  EvidenceTable,
  EvidenceUploader,
  ItemSummary,
  loadCatalog,
  toFormValues,
  toPayload,
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
  const catalog = useLoad(loadCatalog);
  const [form] = Form.useForm<ClaimFormValues>();
  const [step, setStep] = useState(0);
  const [itemId, setItemId] = useState<string | null>(null);
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [resumeError, setResumeError] = useState<Error | null>(null);

  // Resume a draft named in the address.
  useEffect(() => {
    if (!draftId || detail?.application.id === draftId) return;
    let live = true;
    get<ApplicationDetail>(`/api/v1/applications/${draftId}`)
      .then((d) => {
        if (!live) return;
        if (d.application.state !== "draft") {
          navigate(`/my/applications/${d.application.id}`, { replace: true });
          return;
        }
        setDetail(d);
        setItemId(d.application.item);
        form.setFieldsValue(toFormValues(d.application));
        setStep(1);
      })
      .catch((e) => live && setResumeError(e as Error));
    return () => {
      live = false;
    };
  }, [draftId, detail, form, navigate]);

  if (catalog.error) return <ErrorAlert error={catalog.error} />;
  if (resumeError) return <ErrorAlert error={resumeError} />;
  if (!catalog.data || (draftId && !detail))
    return (
      <div style={{ padding: 48, textAlign: "center" }}>
        <Spin />
      </div>
    );
  const { items, policy, byId } = catalog.data;
  const item = itemId ? byId.get(itemId) : undefined;
  const app = detail?.application;

  async function refreshDetail(id: string): Promise<ApplicationDetail> {
    const d = await get<ApplicationDetail>(`/api/v1/applications/${id}`);
    setDetail(d);
    return d;
  }

  /**
   * 刷新 after a stale save: the draft as someone else saved it, in the form again (or, if it
   * was submitted meanwhile, the case page).
   */
  async function reloadDraft(id: string) {
    const d = await refreshDetail(id);
    if (d.application.state !== "draft") {
      navigate(`/my/applications/${id}`, { replace: true });
      return;
    }
    setItemId(d.application.item);
    form.resetFields();
    form.setFieldsValue(toFormValues(d.application));
    setDecision(null);
    setError(null);
    setStep(1);
  }

  async function runPreview(id: string) {
    setDecision(null);
    try {
      setDecision(await post<Decision>(`/api/v1/applications/${id}/preview`));
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
      let saved: ApplicationView;
      if (app) {
        saved = await api<ApplicationView>("PATCH", `/api/v1/applications/${app.id}`, body, {
          version: app.version,
          onStale: () => reloadDraft(app.id),
        });
      } else {
        saved = await post<ApplicationView>("/api/v1/applications", body);
      }
      await refreshDetail(saved.id);
      if (!app) setParams({ id: saved.id }, { replace: true });
      setStep(2);
      void runPreview(saved.id);
    } catch (e) {
      // A stale save is told in the client's dialog, which offers 刷新.
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
      await post(`/api/v1/applications/${app.id}/submit`);
      message.success(`申报 ${app.number} 已提交，等待县级审核`);
      navigate(`/my/applications/${app.id}`);
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
              title={`已选择：${item.id} ${item.title}（${item.clause}，${yuan(item.amountYuan)}）`}
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
              <div style={{ marginTop: 8, color: "#888" }}>政策引擎核定中…</div>
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
            <EvidenceTable applicationId={app.id} evidence={detail.evidence} />
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
