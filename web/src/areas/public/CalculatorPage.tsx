import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { calculateRequestSchema } from "../../../../src/calculate/request.ts";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import { post } from "../../api.ts";
import { Loaded, showApiError, useLoad, yuan } from "../../components/common.tsx";
import { type CatalogItem, loadCatalog } from "./policy-data.ts";

interface TraceStep {
  check: string;
  clause: string | null;
  outcome: "pass" | "fail" | "partial" | "skipped";
  detail: string;
}

interface Decision {
  claim: string;
  item: string;
  status: "granted" | "partial" | "refused";
  amountYuan: number;
  fundingSource: "city" | "county" | null;
  clause: string | null;
  reasons: { code: string; message: string }[];
  trace?: TraceStep[];
}

interface ClaimForm {
  item?: string;
  subject?: string;
  project?: string;
  eventDate?: Dayjs;
  facts?: Record<string, unknown>;
}

const STATUS: Record<Decision["status"], { color: string; text: string }> = {
  granted: { color: "success", text: "可获奖励" },
  partial: { color: "warning", text: "部分奖励" },
  refused: { color: "error", text: "不予奖励" },
};

const OUTCOME_COLOR: Record<TraceStep["outcome"], string> = {
  pass: "green",
  fail: "red",
  partial: "orange",
  skipped: "gray",
};

/** The request the calculation contract takes, from the form (validated with the API's schema). */
function toRequest(values: {
  uscc?: string;
  name?: string;
  county?: string;
  claims?: ClaimForm[];
}) {
  const submittedAt = dayjs().format("YYYY-MM-DDTHH:mm:ssZ");
  return {
    organization: { uscc: values.uscc ?? "", name: values.name ?? "", county: values.county ?? "" },
    claims: (values.claims ?? []).map((c, i) => ({
      id: `c${i + 1}`,
      item: c.item ?? "",
      subject: c.subject ?? "",
      ...(c.project ? { project: c.project } : {}),
      eventDate: c.eventDate ? c.eventDate.format("YYYY-MM-DD") : "",
      submittedAt,
      facts: Object.fromEntries(
        Object.entries(c.facts ?? {}).filter(([, v]) => v !== undefined && v !== null),
      ),
    })),
  };
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
                data-testid={`fact-${index}-${f.name}`}
              />
            ) : f.spec.type === "enum" ? (
              <Select
                data-testid={`fact-${index}-${f.name}`}
                options={Object.entries(f.spec.values ?? {}).map(([value, label]) => ({
                  value,
                  label,
                }))}
              />
            ) : (
              <InputNumber min={0} precision={0} style={{ width: "100%" }} />
            )}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 政策计算器: pick items, answer their facts, and see what the engine decides — amounts, the
 * clause, and for a refusal every reason ("why not"), with the engine's trace.
 */
export function CalculatorPage() {
  const catalog = useLoad(() => loadCatalog());
  const [form] = Form.useForm();
  const [decisions, setDecisions] = useState<{ decisions: Decision[]; totalYuan: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const claims = Form.useWatch("claims", form) as ClaimForm[] | undefined;
  useEffect(() => {
    if (decisions)
      document.querySelector('[data-testid="calc-result"]')?.scrollIntoView({ behavior: "smooth" });
  }, [decisions]);

  return (
    <Loaded state={catalog}>
      {({ items }) => {
        const fixed = items.filter((i) => i.kind === "fixed");
        const byId = new Map(items.map((i) => [i.id, i]));
        const run = async () => {
          setError(null);
          const request = toRequest(form.getFieldsValue(true));
          const parsed = calculateRequestSchema.safeParse(request);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const path = (issue?.path ?? []).map(String);
            const name =
              path[0] === "organization" ? [path[1] ?? ""] : path[0] === "claims" ? path : path;
            form.setFields([{ name: name as never, errors: [issue?.message ?? "无效"] }]);
            setError(`请检查：${issue?.message ?? "输入无效"}`);
            return;
          }
          setBusy(true);
          try {
            setDecisions(
              await post<{ decisions: Decision[]; totalYuan: number }>(
                "/api/v1/calculate?trace=true",
                request,
              ),
            );
          } catch (e) {
            setError(
              showApiError(form, e, {
                "organization.uscc": ["uscc"],
                "organization.name": ["name"],
                "organization.county": ["county"],
              }),
            );
          } finally {
            setBusy(false);
          }
        };
        return (
          <>
            <Typography.Title level={3}>政策计算器</Typography.Title>
            <Typography.Paragraph type="secondary">
              选择奖励项目并回答条件，即可看到按现行政策可获得的奖励金额、依据条款和资金承担；不能获得的，逐条说明原因。计算结果仅供参考，以审核结果为准。
            </Typography.Paragraph>
            <Form
              form={form}
              layout="vertical"
              initialValues={{ claims: [{}] }}
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
                      rules={[{ required: true, message: "请选择" }]}
                    >
                      <Select
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
                    <Space>
                      <Button onClick={() => add({})} data-testid="calc-add">
                        添加奖励项目
                      </Button>
                      <Button
                        type="primary"
                        htmlType="submit"
                        loading={busy}
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
            {decisions && (
              <Card
                title={`合计可获奖励：${yuan(decisions.totalYuan)}`}
                style={{ marginTop: 16 }}
                data-testid="calc-result"
              >
                <Table<Decision>
                  rowKey="claim"
                  size="small"
                  pagination={false}
                  dataSource={decisions.decisions}
                  expandable={{
                    expandedRowRender: (d) => (
                      <Timeline
                        items={(d.trace ?? []).map((t) => ({
                          color: OUTCOME_COLOR[t.outcome],
                          children: `${t.detail}${t.clause ? `（${t.clause}）` : ""}`,
                        }))}
                      />
                    ),
                  }}
                  columns={[
                    { title: "项目", dataIndex: "item", width: 80 },
                    {
                      title: "名称",
                      render: (_, d) => byId.get(d.item)?.title ?? d.item,
                    },
                    {
                      title: "结果",
                      dataIndex: "status",
                      width: 100,
                      render: (s: Decision["status"]) => (
                        <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>
                      ),
                    },
                    {
                      title: "金额",
                      dataIndex: "amountYuan",
                      width: 130,
                      align: "right",
                      render: (v: number, d) => (
                        <span data-testid={`calc-amount-${d.claim}`}>{yuan(v)}</span>
                      ),
                    },
                    {
                      title: "资金承担",
                      dataIndex: "fundingSource",
                      width: 100,
                      render: (s: Decision["fundingSource"]) =>
                        s === "city" ? "市财政" : s === "county" ? "县（市、区）财政" : "—",
                    },
                    { title: "条款", dataIndex: "clause", width: 100 },
                    {
                      title: "原因（为什么不能）",
                      render: (_, d) =>
                        d.reasons.length === 0
                          ? "符合条件"
                          : d.reasons.map((r) => r.message).join("；"),
                    },
                  ]}
                />
              </Card>
            )}
          </>
        );
      }}
    </Loaded>
  );
}
