import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { $api, queryClient } from "../../api/client.ts";
import type { Body, Schema } from "../../api/types.ts";
import type { User } from "../../auth.tsx";
import { EmptyHint, QueryView, showApiError, today, yuan } from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import {
  CALL_STATE_COLORS,
  dateField,
  PROJECT_CATEGORIES,
  rowTestId,
  thisYear,
} from "./shared.tsx";

type Call = Schema<"ProjectCall">;

const READERS = ["enterprise", "county_official", "city_official", "finance", "leader"] as const;

/** 项目征集: the calls of every year; the city publishes a new one. */
export function CallsPage() {
  return <ForRoles roles={READERS}>{(user) => <Calls user={user} />}</ForRoles>;
}

function isOpenToday(call: Call): boolean {
  const d = today();
  return call.state === "open" && call.opensOn <= d && d <= call.closesOn;
}

function Calls({ user }: { user: User }) {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const city = user.role === "city_official";
  const enterprise = user.role === "enterprise";
  // Enterprises read the public list of calls (the signed-in list asks for a scope they lack).
  const params = { params: { query: { year } } };
  const open = $api.useQuery("get", "/api/v1/public/project-calls", params, {
    enabled: enterprise,
  });
  const signedIn = $api.useQuery("get", "/api/v1/project-calls", params, {
    enabled: !enterprise,
  });
  const query = enterprise ? open : signedIn;
  const years = Array.from({ length: thisYear() - 2022 }, (_, i) => thisYear() + 1 - i);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            质量提升公共项目征集
          </Typography.Title>
          <Typography.Text type="secondary">
            三（三）4：每年安排专项资金的一部分，公开征集、专家评审、择优立项。
          </Typography.Text>
        </Col>
        <Col>
          <Space>
            <Select
              allowClear
              placeholder="全部年度"
              style={{ width: 140 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
              aria-label="年度"
              data-testid="calls-year"
            />
            {city && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="call-create">
                发布项目征集
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      <Card>
        <QueryView
          query={query}
          empty={(d) =>
            d.items.length === 0 ? (
              <EmptyHint
                text={
                  city
                    ? `${year ? `${year} 年度` : ""}还没有项目征集。点击“发布项目征集”设定预算、评分项和申报期。`
                    : `${year ? `${year} 年度` : ""}暂无项目征集。市级主管部门发布征集后，将在此显示。`
                }
                action={
                  city ? (
                    <Button type="primary" onClick={() => setCreating(true)}>
                      发布项目征集
                    </Button>
                  ) : null
                }
              />
            ) : null
          }
        >
          {(d) => (
            <Table<Call>
              rowKey="id"
              size="middle"
              scroll={{ x: "max-content" }}
              dataSource={d.items}
              pagination={d.items.length > 10 ? { pageSize: 10 } : false}
              onRow={(c) => rowTestId(`call-${c.number}`)}
              columns={[
                {
                  title: "编号",
                  dataIndex: "number",
                  width: 120,
                  render: (n: string, c) => <Link to={`/projects/calls/${c.id}`}>{n}</Link>,
                },
                { title: "年度", dataIndex: "year", width: 70 },
                { title: "名称", dataIndex: "title", ellipsis: true },
                {
                  title: "预算",
                  dataIndex: "budget",
                  align: "right",
                  width: 130,
                  render: (v: number) => yuan(v),
                },
                {
                  title: "已安排",
                  dataIndex: "allocated",
                  align: "right",
                  width: 130,
                  render: (v: number) => yuan(v),
                },
                {
                  title: "申报期",
                  key: "dates",
                  width: 200,
                  render: (_, c) => `${c.opensOn} 至 ${c.closesOn}`,
                },
                {
                  title: "状态",
                  dataIndex: "stateName",
                  width: 100,
                  render: (name: string, c) => (
                    <Tag color={CALL_STATE_COLORS[c.state] ?? "default"}>
                      {c.state === "open" && today() > c.closesOn ? "已截止，评审中" : name}
                    </Tag>
                  ),
                },
                {
                  title: "操作",
                  key: "actions",
                  width: 110,
                  render: (_, c) => (
                    <Link
                      to={`/projects/calls/${c.id}${enterprise && isOpenToday(c) ? "?propose=1" : ""}`}
                    >
                      {enterprise && isOpenToday(c) ? "申报项目" : "查看"}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {city && (
        <CreateCallModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
          }}
        />
      )}
    </Space>
  );
}

interface CallForm {
  year: number;
  title: string;
  budget: number;
  maxPerProposal?: number | null;
  advancePercent: number;
  categories: string[];
  criteria: { id: string; name: string; weight: number }[];
  passMark: number;
  opensOn: string;
  closesOn: string;
}

const DEFAULT_CRITERIA = [
  { id: "need", name: "必要性与公共性", weight: 30 },
  { id: "feasibility", name: "方案可行性", weight: 30 },
  { id: "impact", name: "预期成效", weight: 25 },
  { id: "budget", name: "预算合理性", weight: 15 },
];

function CreateCallModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<CallForm>();
  const [error, setError] = useState<string | null>(null);
  const create = $api.useMutation("post", "/api/v1/project-calls");
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const criteria = Form.useWatch("criteria", form) as CallForm["criteria"] | undefined;
  const weightSum = (criteria ?? []).reduce((s, c) => s + (Number(c?.weight) || 0), 0);
  const y = thisYear();
  const initial: Partial<CallForm> = {
    year: y,
    title: `${y} 年度质量提升公共项目征集`,
    advancePercent: 50,
    categories: [...PROJECT_CATEGORIES],
    criteria: DEFAULT_CRITERIA,
    passMark: 60,
    opensOn: today(),
  };
  const submit = async (v: CallForm) => {
    setError(null);
    try {
      const body: Body<"/api/v1/project-calls"> = {
        ...v,
        maxPerProposal: v.maxPerProposal ?? undefined,
      };
      const created = await create.mutateAsync({ body });
      await queryClient.invalidateQueries();
      message.success(`已发布项目征集 ${created.number}`);
      form.resetFields();
      onCreated();
      navigate(`/projects/calls/${created.id}`);
    } catch (e) {
      setError(showApiError(form, e));
    }
  };
  return (
    <Modal
      title="发布项目征集"
      open={open}
      onCancel={onClose}
      width={820}
      destroyOnHidden
      okText="发布"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ "data-testid": "call-create-submit" }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<CallForm>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        requiredMark
        scrollToFirstError
      >
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: "请填写年度" }]}>
              <InputNumber min={2023} max={2100} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item
              name="title"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: "请填写名称" },
                { max: 200, message: "不能超过 200 个字符" },
              ]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="budget"
              label="本次预算（元）"
              rules={[{ required: true, message: "请填写预算" }]}
              extra="专项资金中用于公共项目的部分"
            >
              <InputNumber
                min={1}
                max={1_000_000_000}
                precision={0}
                style={{ width: "100%" }}
                data-testid="call-budget"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="maxPerProposal"
              label="单项上限（元）"
              dependencies={["budget"]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v?: number | null) => {
                    const budget = getFieldValue("budget") as number | undefined;
                    if (v != null && budget != null && v > budget)
                      throw new Error("单项上限不能超过本次预算");
                  },
                }),
              ]}
              extra="不填则以本次预算为上限"
            >
              <InputNumber min={1} max={1_000_000_000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="advancePercent"
              label="预拨比例（%）"
              rules={[{ required: true, message: "请填写预拨比例" }]}
              extra="立项后先拨付的比例，验收通过后拨付尾款"
            >
              <InputNumber min={0} max={90} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="categories"
          label="项目类别"
          rules={[{ required: true, type: "array", min: 1, message: "至少一个类别" }]}
          extra="默认为政策条款列明的类别，可删改或输入新的类别"
        >
          <Select
            mode="tags"
            options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: c }))}
            tokenSeparators={["，", ","]}
          />
        </Form.Item>
        <Typography.Text strong>
          评分项与权重（权重合计 {weightSum}
          {weightSum === 100 ? "" : "，应为 100"}）
        </Typography.Text>
        <Form.List
          name="criteria"
          rules={[
            {
              validator: async (_, list?: CallForm["criteria"]) => {
                if (!list || list.length === 0) throw new Error("至少一个评分项");
                const sum = list.reduce((s, c) => s + (Number(c?.weight) || 0), 0);
                if (sum !== 100) throw new Error(`权重之和应为 100，现为 ${sum}`);
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Row gutter={8} key={field.key}>
                  <Col span={7}>
                    <Form.Item
                      name={[field.name, "id"]}
                      rules={[
                        { required: true, message: "请填写编号" },
                        { pattern: /^[a-z0-9-]{1,40}$/, message: "应为小写字母、数字或连字符" },
                      ]}
                    >
                      <Input placeholder="编号，如 need" />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item
                      name={[field.name, "name"]}
                      rules={[
                        { required: true, whitespace: true, message: "请填写名称" },
                        { max: 50, message: "不能超过 50 个字符" },
                      ]}
                    >
                      <Input placeholder="评分项名称" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item
                      name={[field.name, "weight"]}
                      rules={[{ required: true, message: "请填写权重" }]}
                    >
                      <InputNumber
                        min={1}
                        max={100}
                        precision={0}
                        suffix="分"
                        style={{ width: "100%" }}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                onClick={() => add({ id: "", name: "", weight: 10 })}
                disabled={fields.length >= 10}
                style={{ marginBottom: 16 }}
              >
                添加评分项
              </Button>
            </div>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="passMark"
              label="合格分"
              rules={[{ required: true, message: "请填写合格分" }]}
              extra="平均分低于此分不予立项"
            >
              <InputNumber min={0} max={100} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item
              name="opensOn"
              label="开始接受申报"
              rules={[{ required: true, message: "请选择日期" }]}
              {...dateField}
            >
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item
              name="closesOn"
              label="申报截止"
              dependencies={["opensOn"]}
              rules={[
                { required: true, message: "请选择日期" },
                ({ getFieldValue }) => ({
                  validator: async (_, v?: string) => {
                    const opens = getFieldValue("opensOn") as string | undefined;
                    if (v && opens && v < opens) throw new Error("截止日期不能早于开始日期");
                  },
                }),
              ]}
              extra="截止后专家开始评审"
              {...dateField}
            >
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
