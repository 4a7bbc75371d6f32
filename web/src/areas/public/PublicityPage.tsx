import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { get, post } from "../../api.ts";
import {
  EmptyHint,
  Loaded,
  StateTag,
  showApiError,
  today,
  useLoad,
  yuan,
} from "../../components/common.tsx";

interface Batch {
  id: string;
  number: string;
  title: string;
  startDate: string;
  endDate: string;
  workingDays: number;
  state: string;
  kind: "awards" | "projects";
}

interface Entry {
  applicationId: string;
  number: string;
  item: string;
  itemTitle: string;
  clause: string | null;
  organization: string;
  county: string;
  amount: number;
  outcome: string | null;
}

interface ProjectEntry {
  proposalId: string;
  number: string;
  title: string;
  category: string;
  rank: number | null;
  organization: string;
  county: string;
  amount: number;
  outcome: string | null;
}

const OUTCOMES: Record<string, string> = {
  awarded: "已奖励",
  funded: "已立项",
  rejected: "异议成立",
  waiting_budget: "等待预算",
};

/** 公示: the lists anyone may read, without personal data. */
export function PublicityListPage() {
  const state = useLoad(() => get<{ items: Batch[] }>("/api/v1/public/publicity"));
  return (
    <>
      <Typography.Title level={3}>公示</Typography.Title>
      <Typography.Paragraph type="secondary">
        审核通过的奖励和拟立项的公共项目在此公示；公示期内任何单位和个人均可提出异议（须留姓名和联系方式，不公开）。
      </Typography.Paragraph>
      <Loaded
        state={state}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint text="目前没有公示。审核通过的申报由市级审核人员发起公示后在此列出。" />
          ) : null
        }
      >
        {(d) => (
          <Table<Batch>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: "公示编号",
                dataIndex: "number",
                render: (n: string, b) => (
                  <Link to={`/publicity/public/${b.id}`} data-testid={`publicity-${n}`}>
                    {n}
                  </Link>
                ),
              },
              { title: "标题", dataIndex: "title" },
              {
                title: "类型",
                dataIndex: "kind",
                render: (k: string) => (k === "projects" ? <Tag>公共项目</Tag> : <Tag>奖励</Tag>),
              },
              {
                title: "公示期",
                render: (_, b) => `${b.startDate} 至 ${b.endDate}（${b.workingDays} 个工作日）`,
              },
              {
                title: "状态",
                dataIndex: "state",
                render: (s: string) => (
                  <StateTag state={s} name={s === "open" ? "公示中" : "已结束"} />
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

function ObjectionForm({
  batch,
  target,
  onDone,
}: {
  batch: Batch;
  target: { id: string; label: string } | null;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (!target) return null;
  return (
    <Modal
      open
      title={`对“${target.label}”提出异议`}
      footer={null}
      onCancel={onDone}
      destroyOnHidden
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          message="异议已提交"
          description="市级审核人员将核实处理；处理前该项暂缓奖励。"
          data-testid="objection-done"
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v: { name: string; contact: string; reason: string }) => {
            setError(null);
            const path =
              batch.kind === "projects"
                ? `/api/v1/public/publicity/${batch.id}/project-objections`
                : `/api/v1/public/publicity/${batch.id}/objections`;
            const body =
              batch.kind === "projects"
                ? { proposalId: target.id, ...v }
                : { applicationId: target.id, ...v };
            try {
              await post(path, body);
              setDone(true);
            } catch (e) {
              setError(showApiError(form, e));
            }
          }}
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="name"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: "请填写姓名" }, { max: 50 }]}
          >
            <Input data-testid="objection-name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label="联系方式"
            rules={[{ required: true, whitespace: true, message: "请填写联系方式" }, { max: 100 }]}
          >
            <Input data-testid="objection-contact" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="异议理由"
            rules={[{ required: true, whitespace: true, message: "请填写异议理由" }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} data-testid="objection-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="objection-submit">
            提交异议
          </Button>
        </Form>
      )}
    </Modal>
  );
}

export function PublicityDetailPage() {
  const { id = "" } = useParams();
  const state = useLoad(
    () =>
      get<Batch & { entries: Entry[]; projects: ProjectEntry[] }>(`/api/v1/public/publicity/${id}`),
    id,
  );
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  return (
    <Loaded state={state}>
      {(b) => {
        const open = b.state === "open" && today() >= b.startDate && today() <= b.endDate;
        return (
          <>
            <Typography.Title level={3}>{b.title}</Typography.Title>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 3 }}
              style={{ marginBottom: 16 }}
            >
              <Descriptions.Item label="公示编号">{b.number}</Descriptions.Item>
              <Descriptions.Item label="公示期">
                {b.startDate} 至 {b.endDate}
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                {b.state === "open" ? "公示中" : "已结束"}
              </Descriptions.Item>
            </Descriptions>
            <Card size="small">
              {b.kind === "projects" ? (
                <Table<ProjectEntry>
                  rowKey="proposalId"
                  size="small"
                  pagination={false}
                  dataSource={b.projects}
                  scroll={{ x: 800 }}
                  columns={[
                    { title: "排名", dataIndex: "rank", width: 60 },
                    { title: "项目名称", dataIndex: "title" },
                    { title: "申报单位", dataIndex: "organization" },
                    { title: "县（市、区）", dataIndex: "county", width: 110 },
                    {
                      title: "拟安排金额",
                      dataIndex: "amount",
                      align: "right",
                      render: (v: number) => yuan(v),
                    },
                    {
                      title: "结果",
                      dataIndex: "outcome",
                      render: (o: string | null) => (o ? (OUTCOMES[o] ?? o) : "公示中"),
                    },
                    {
                      title: "",
                      render: (_, e) =>
                        open && (
                          <Button
                            size="small"
                            onClick={() => setTarget({ id: e.proposalId, label: e.title })}
                          >
                            提出异议
                          </Button>
                        ),
                    },
                  ]}
                />
              ) : (
                <Table<Entry>
                  rowKey="applicationId"
                  size="small"
                  pagination={false}
                  dataSource={b.entries}
                  scroll={{ x: 800 }}
                  columns={[
                    { title: "申报编号", dataIndex: "number", width: 150 },
                    { title: "组织", dataIndex: "organization" },
                    { title: "县（市、区）", dataIndex: "county", width: 110 },
                    { title: "奖励项目", render: (_, e) => `${e.item} ${e.itemTitle}` },
                    { title: "条款", dataIndex: "clause", width: 100 },
                    {
                      title: "金额",
                      dataIndex: "amount",
                      align: "right",
                      render: (v: number) => yuan(v),
                    },
                    {
                      title: "结果",
                      dataIndex: "outcome",
                      render: (o: string | null) => (o ? (OUTCOMES[o] ?? o) : "公示中"),
                    },
                    {
                      title: "",
                      render: (_, e) =>
                        open && (
                          <Button
                            size="small"
                            data-testid={`object-${e.number}`}
                            onClick={() =>
                              setTarget({
                                id: e.applicationId,
                                label: `${e.organization} ${e.itemTitle}`,
                              })
                            }
                          >
                            提出异议
                          </Button>
                        ),
                    },
                  ]}
                />
              )}
            </Card>
            <ObjectionForm batch={b} target={target} onDone={() => setTarget(null)} />
          </>
        );
      }}
    </Loaded>
  );
}
