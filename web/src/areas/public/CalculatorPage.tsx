import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { calculateRequestSchema } from "../../../../src/calculate/request.ts";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import { $api } from "../../api/client.ts";
import type { Answer, Body } from "../../api/types.ts";
import { useAuth } from "../../auth.tsx";
import { QueryView, showApiError, yuan } from "../../components/common.tsx";
import { PolicyNotice } from "../../components/policy-notice.tsx";
import { SupplementLines } from "../../components/supplement-lines.tsx";
import { type CatalogItem, DecisionView, TraceList, useCatalog } from "../enterprise/kit.tsx";
import { PublicHeading } from "./heading.tsx";

type Result = Answer<"/api/v1/calculate", "post">;

interface ClaimForm {
  item?: string;
  subject?: string;
  project?: string;
  eventDate?: Dayjs;
  facts?: Record<string, unknown>;
}

interface FormValues {
  uscc?: string;
  name?: string;
  county?: string;
  claims?: ClaimForm[];
}

/**
 * The request the calculation contract takes, exactly as the form shows it: only the facts of
 * the chosen item, and a switch never touched is the 否 it displays.
 */
function toRequest(
  values: FormValues,
  byId: ReadonlyMap<string, CatalogItem>,
): Body<"/api/v1/calculate"> {
  const submittedAt = dayjs().format("YYYY-MM-DDTHH:mm:ssZ");
  type County = Body<"/api/v1/calculate">["organization"]["county"];
  return {
    organization: {
      uscc: values.uscc ?? "",
      name: values.name ?? "",
      // As typed; the API's own schema checks it before anything is sent.
      county: (values.county ?? "") as County,
    },
    claims: (values.claims ?? []).map((c, i) => {
      const given = c.facts ?? {};
      const facts: Record<string, string | number | boolean> = {};
      for (const f of byId.get(c.item ?? "")?.facts ?? []) {
        const value = given[f.name] ?? (f.spec.type === "boolean" ? false : undefined);
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
          facts[f.name] = value;
      }
      const claim: Body<"/api/v1/calculate">["claims"][number] = {
        id: `c${i + 1}`,
        item: c.item ?? "",
        subject: c.subject ?? "",
        eventDate: c.eventDate ? c.eventDate.format("YYYY-MM-DD") : "",
        submittedAt,
        facts,
      };
      if (c.project) claim.project = c.project;
      return claim;
    }),
  };
}

/** A fact's value from the address when it fits the item's field for it; otherwise nothing. */
function factValue(spec: CatalogItem["facts"][number]["spec"], value: unknown) {
  switch (spec.type) {
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    case "integer": {
      const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
      return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
    }
    case "enum":
      return typeof value === "string" && Object.hasOwn(spec.values, value) ? value : undefined;
  }
}

/**
 * The first claim as the address gives it — `?item=1.1.g&eventDate=2025-05-20&subject=…&facts=`
 * with the facts as URL-encoded JSON, as 政策匹配 links a roster row here. What is unknown or not
 * valid is left out without a word; null when nothing is usable.
 */
function prefillFrom(params: URLSearchParams, fixed: readonly CatalogItem[]): ClaimForm | null {
  const claim: ClaimForm = {};
  const item = fixed.find((i) => i.id === params.get("item"));
  if (item) {
    claim.item = item.id;
    let given: unknown = null;
    try {
      given = JSON.parse(params.get("facts") ?? "null");
    } catch {
      given = null;
    }
    if (given && typeof given === "object" && !Array.isArray(given)) {
      const facts: Record<string, unknown> = {};
      for (const f of item.facts) {
        const v = factValue(f.spec, (given as Record<string, unknown>)[f.name]);
        if (v !== undefined) facts[f.name] = v;
      }
      if (Object.keys(facts).length > 0) claim.facts = facts;
    }
  }
  const date = params.get("eventDate") ?? "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && dayjs(date).format("YYYY-MM-DD") === date)
    claim.eventDate = dayjs(date);
  const subject = params.get("subject")?.trim();
  if (subject && subject.length <= 500) claim.subject = subject;
  return Object.keys(claim).length > 0 ? claim : null;
}

function FactInputs({ item, index }: { item: CatalogItem | undefined; index: number }) {
  if (!item || item.facts.length === 0) return null;
  return (
    <Row gutter={12}>
      {item.facts.map((f) => (
        <Col xs={24} md={12} key={f.name}>
          <Form.Item
            name={[index, "facts", f.name]}
            label={f.spec.label}
            valuePropName={f.spec.type === "boolean" ? "checked" : "value"}
          >
            {f.spec.type === "boolean" ? (
              <Switch
                checkedChildren="是"
                unCheckedChildren="否"
                aria-label={f.spec.label}
                data-testid={`fact-${index}-${f.name}`}
              />
            ) : f.spec.type === "enum" ? (
              <Select
                data-testid={`fact-${index}-${f.name}`}
                aria-label={f.spec.label}
                options={Object.entries(f.spec.values).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            ) : (
              <InputNumber
                min={0}
                precision={0}
                style={{ width: "100%" }}
                aria-label={f.spec.label}
              />
            )}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** The outcome of each claim, one card each (a card reads on a phone as well as at a desk). */
function Results({
  result,
  county,
  byId,
}: {
  result: Result;
  county: string | undefined;
  byId: ReadonlyMap<string, CatalogItem>;
}) {
  const countyTotal = (result.supplements ?? []).reduce((s, p) => s + p.totalYuan, 0);
  return (
    <Card
      title={
        // Wraps on a phone rather than cutting the county's part off.
        <span style={{ whiteSpace: "normal" }}>
          {countyTotal > 0
            ? `合计可获奖励：${yuan(result.totalYuan + countyTotal)}（其中县级配套 ${yuan(countyTotal)}）`
            : `合计可获奖励：${yuan(result.totalYuan)}`}
        </span>
      }
      style={{ marginTop: 16 }}
      styles={{ body: { padding: 12 } }}
      data-testid="calc-result"
    >
      {result.decisions.map((d, i) => (
        <Card
          key={d.claim}
          size="small"
          type="inner"
          style={{ marginTop: i === 0 ? 0 : 12 }}
          title={
            <span style={{ whiteSpace: "normal" }} data-testid={`calc-title-${d.claim}`}>
              {`奖励项目 ${i + 1}：${d.item} ${byId.get(d.item)?.title ?? ""}`}
            </span>
          }
          styles={{ header: { paddingBlock: 8, minHeight: 0 } }}
        >
          <DecisionView
            decision={{ ...d, policy: d.policy ?? null, trace: undefined }}
            county={county}
            testId={`calc-decision-${d.claim}`}
            compact
          />
          <SupplementLines
            testId={`calc-supplement-${d.claim}`}
            lines={(result.supplements ?? []).flatMap((s) =>
              s.decisions
                .filter((x) => x.claim === d.claim)
                .map((decision) => ({ policy: s.policy, decision })),
            )}
          />
          {d.trace && d.trace.length > 0 && (
            <Collapse
              size="small"
              ghost
              items={[{ key: "t", label: "核查过程", children: <TraceList trace={d.trace} /> }]}
            />
          )}
        </Card>
      ))}
    </Card>
  );
}

/**
 * 政策计算器: pick items, answer their facts, and see what the engine decides — amounts, the
 * clause, and for a refusal every reason ("why not"), with the engine's trace.
 */
export function CalculatorPage() {
  const catalog = useCatalog();
  const [form] = Form.useForm<FormValues>();
  // The address as the page was opened with it: a pre-fill applies to the first render only.
  const [searchParams] = useSearchParams();
  const [opened] = useState(() => new URLSearchParams(searchParams));
  const prefilling = opened.has("item") || opened.has("eventDate") || opened.has("facts");
  // A signed-in enterprise sent here from its matches: its own organization fills the first card.
  const { user } = useAuth();
  const orgId = prefilling && user?.role === "enterprise" ? user.organizationId : null;
  const org = $api.useQuery(
    "get",
    "/api/v1/organizations/{id}",
    { params: { path: { id: orgId ?? "" } } },
    { enabled: orgId !== null },
  );
  useEffect(() => {
    const o = org.data;
    if (!o || !catalog.data) return;
    const values = form.getFieldsValue(["uscc", "name", "county"]) as FormValues;
    if (values.uscc || values.name || values.county) return;
    form.setFieldsValue({ uscc: o.uscc, name: o.name, county: o.county });
  }, [org.data, catalog.data, form]);
  const calculate = $api.useMutation("post", "/api/v1/calculate");
  const [error, setError] = useState<string | null>(null);
  const [county, setCounty] = useState<string | undefined>();
  const claims = Form.useWatch("claims", form) as ClaimForm[] | undefined;
  const result = calculate.data;
  useEffect(() => {
    if (result)
      document.querySelector('[data-testid="calc-result"]')?.scrollIntoView({ behavior: "smooth" });
  }, [result]);

  return (
    <QueryView query={catalog}>
      {({ items, byId }) => {
        const fixed = items.filter((i) => i.kind === "fixed");
        const prefill = prefilling ? prefillFrom(opened, fixed) : null;
        const run = async () => {
          setError(null);
          const values = form.getFieldsValue(true) as FormValues;
          const request = toRequest(values, byId);
          const parsed = calculateRequestSchema.safeParse(request);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const path = (issue?.path ?? []).map(String);
            const name = path[0] === "organization" ? [path[1] ?? ""] : path;
            form.setFields([{ name: name as never, errors: [issue?.message ?? "无效"] }]);
            setError(`请检查：${issue?.message ?? "输入无效"}`);
            return;
          }
          try {
            await calculate.mutateAsync({
              params: { query: { trace: "true", include: "supplements" } },
              body: request,
            });
            setCounty(values.county);
          } catch (e) {
            setError(
              showApiError(form, e, {
                "organization.uscc": ["uscc"],
                "organization.name": ["name"],
                "organization.county": ["county"],
              }),
            );
          }
        };
        return (
          <>
            <PublicHeading title="政策计算器">
              选择奖励项目并回答条件，即可看到按现行政策可获得的奖励金额、依据条款和资金承担；不能获得的，逐条说明原因。计算结果仅供参考，以审核结果为准。
            </PublicHeading>
            <PolicyNotice />
            {prefill && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="calc-prefill-note"
                title="已按名单记录预填，请补充缺少的信息后测算"
              />
            )}
            <Form
              form={form}
              layout="vertical"
              initialValues={{ claims: [prefill ?? {}] }}
              onFinish={run}
              data-testid="calculator-form"
            >
              <Card size="small" title="申报组织" style={{ marginBottom: 12 }}>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="uscc"
                      label="统一社会信用代码"
                      rules={[{ required: true, message: "请填写统一社会信用代码" }]}
                    >
                      <Input maxLength={18} data-testid="calc-uscc" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="name"
                      label="组织名称"
                      rules={[{ required: true, message: "请填写组织名称" }]}
                    >
                      <Input data-testid="calc-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="county"
                      label="所在县（市、区）"
                      rules={[{ required: true, message: "请选择所在县（市、区）" }]}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        data-testid="calc-county"
                        options={COUNTIES.map((c) => ({ value: c, label: c }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
              <Form.List name="claims">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => {
                      const item = byId.get(claims?.[index]?.item ?? "");
                      return (
                        <Card
                          key={field.key}
                          size="small"
                          title={`奖励项目 ${index + 1}`}
                          style={{ marginBottom: 12 }}
                          extra={
                            fields.length > 1 && (
                              <Button size="small" onClick={() => remove(field.name)}>
                                删除
                              </Button>
                            )
                          }
                        >
                          <Row gutter={12}>
                            <Col xs={24} md={12}>
                              <Form.Item
                                name={[field.name, "item"]}
                                label="奖励项目"
                                rules={[{ required: true, message: "请选择奖励项目" }]}
                              >
                                <Select
                                  showSearch
                                  optionFilterProp="label"
                                  data-testid={`calc-item-${index}`}
                                  options={[...new Set(fixed.map((i) => i.group))].map((g) => ({
                                    label: g,
                                    options: fixed
                                      .filter((i) => i.group === g)
                                      .map((i) => ({
                                        value: i.id,
                                        label: `${i.id} ${i.title}（${yuan(i.amountYuan)}）`,
                                      })),
                                  }))}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={12}>
                              <Form.Item
                                name={[field.name, "eventDate"]}
                                label="获得日期（获奖、认定、验收或取证之日）"
                                rules={[{ required: true, message: "请选择日期" }]}
                              >
                                <DatePicker
                                  style={{ width: "100%" }}
                                  data-testid={`calc-date-${index}`}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={12}>
                              <Form.Item
                                name={[field.name, "subject"]}
                                label="奖励对象（证书、标准号、实验室等）"
                                rules={[{ required: true, message: "请填写奖励对象" }]}
                              >
                                <Input data-testid={`calc-subject-${index}`} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={12}>
                              <Form.Item
                                name={[field.name, "project"]}
                                label="项目（同一项目只奖一次，可不填）"
                              >
                                <Input />
                              </Form.Item>
                            </Col>
                          </Row>
                          {item && item.conditions.length > 0 && (
                            <Alert
                              type="info"
                              style={{ marginBottom: 12 }}
                              message={`条件：${item.conditions.map((c) => c.text).join("；")}（${item.clause}）`}
                            />
                          )}
                          <FactInputs item={item} index={field.name} />
                        </Card>
                      );
                    })}
                    <Space wrap>
                      <Button onClick={() => add({})} data-testid="calc-add">
                        添加奖励项目
                      </Button>
                      <Button
                        type="primary"
                        htmlType="submit"
                        loading={calculate.isPending}
                        data-testid="calc-submit"
                      >
                        计算
                      </Button>
                    </Space>
                  </>
                )}
              </Form.List>
            </Form>
            {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
            {result && <Results result={result} county={county} byId={byId} />}
          </>
        );
      }}
    </QueryView>
  );
}
