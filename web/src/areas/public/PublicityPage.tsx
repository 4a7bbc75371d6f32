import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { PROJECT_PUBLICITY_ENTRY_MACHINE } from "../../../../src/projects/states.ts";
import {
  PUBLICITY_BATCH_MACHINE,
  PUBLICITY_ENTRY_MACHINE,
} from "../../../../src/publicity/states.ts";
import { $api, refetchAll } from "../../api/client.ts";
import type { Answer, Schema } from "../../api/types.ts";
import {
  EmptyHint,
  QueryView,
  StateTag,
  showApiError,
  today,
  usePageTitle,
  yuan,
} from "../../components/common.tsx";
import { PublicHeading } from "./heading.tsx";

type Batch = Answer<"/api/v1/public/publicity/{id}">;
type Entry = Schema<"PublicCaseEntry">;
type ProjectEntry = Schema<"PublicProjectEntry">;

/** One line of a publicity list, whichever its kind: what the page shows and objects to. */
interface Row {
  key: string;
  subjectId: string;
  number: string;
  title: string;
  organization: string;
  county: string;
  clause: string | null;
  rank: number | null;
  amount: number;
  /** A county supporting pack's part of the case (四（三）); 0 for none and for projects. */
  countyAmount: number;
  outcome: string;
}

function caseRow(e: Entry): Row {
  return {
    key: e.applicationId,
    subjectId: e.applicationId,
    number: e.number,
    title: `${e.item} ${e.itemTitle}`,
    organization: e.organization,
    county: e.county,
    clause: e.clause,
    rank: null,
    amount: e.amount,
    countyAmount: e.countyAmount,
    outcome: PUBLICITY_ENTRY_MACHINE.stateNames[e.outcome ?? "listed"],
  };
}

function projectRow(e: ProjectEntry): Row {
  return {
    key: e.proposalId,
    subjectId: e.proposalId,
    number: e.number,
    title: e.title,
    organization: e.organization,
    county: e.county,
    clause: null,
    rank: e.rank,
    amount: e.amount,
    countyAmount: 0,
    outcome: PROJECT_PUBLICITY_ENTRY_MACHINE.stateNames[e.outcome ?? "listed"],
  };
}

function batchState(state: Batch["state"]) {
  return <StateTag state={state} name={PUBLICITY_BATCH_MACHINE.stateNames[state]} />;
}

/** 公示: the lists anyone may read, without personal data. */
export function PublicityListPage() {
  const list = $api.useQuery("get", "/api/v1/public/publicity");
  return (
    <>
      <PublicHeading title="公示公告">
        审核通过的奖励和拟立项的公共项目在此公示；公示期内任何单位和个人均可提出异议（须留姓名和联系方式，不公开）。
      </PublicHeading>
      <QueryView
        query={list}
        empty={(d) =>
          d.items.length === 0 ? (
            <EmptyHint text="目前没有公示。审核通过的申报由市级审核人员发起公示后在此列出。" />
          ) : null
        }
      >
        {(d) => (
          <Card size="small" styles={{ body: { paddingTop: 0, paddingBottom: 0 } }}>
            <List
              dataSource={d.items}
              pagination={d.items.length > 20 ? { pageSize: 20, size: "small" } : false}
              renderItem={(b) => (
                <List.Item key={b.id} extra={batchState(b.state)}>
                  <div>
                    <Link
                      to={`/publicity/public/${b.id}`}
                      data-testid={`publicity-${b.number}`}
                      style={{ fontWeight: 500 }}
                    >
                      {b.title}
                    </Link>
                    <div style={{ marginTop: 4 }}>
                      <Typography.Text type="secondary">
                        {`${b.number} · 公示期 ${b.startDate} 至 ${b.endDate}（${b.workingDays} 个工作日）`}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        )}
      </QueryView>
    </>
  );
}

function ObjectionForm({
  batch,
  target,
  onDone,
}: {
  batch: Batch;
  target: Row | null;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const onCase = $api.useMutation("post", "/api/v1/public/publicity/{id}/objections");
  const onProject = $api.useMutation("post", "/api/v1/public/publicity/{id}/project-objections");
  if (!target) return null;
  const submit = async (v: { name: string; contact: string; reason: string }) => {
    setError(null);
    const path = { id: batch.id };
    try {
      if (batch.kind === "projects")
        await onProject.mutateAsync({
          params: { path },
          body: { proposalId: target.subjectId, ...v },
        });
      else
        await onCase.mutateAsync({
          params: { path },
          body: { applicationId: target.subjectId, ...v },
        });
      setDone(true);
      await refetchAll();
    } catch (e) {
      setError(showApiError(form, e));
    }
  };
  return (
    <Modal
      open
      title={`对“${target.organization} ${target.title}”提出异议`}
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
        <Form form={form} layout="vertical" onFinish={submit}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="name"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: "请填写姓名" }, { max: 50 }]}
          >
            <Input data-testid="objection-name" autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label="联系方式"
            rules={[{ required: true, whitespace: true, message: "请填写联系方式" }, { max: 100 }]}
          >
            <Input data-testid="objection-contact" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="异议理由"
            rules={[{ required: true, whitespace: true, message: "请填写异议理由" }, { max: 2000 }]}
          >
            <Input.TextArea rows={4} data-testid="objection-reason" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={onCase.isPending || onProject.isPending}
            data-testid="objection-submit"
          >
            提交异议
          </Button>
        </Form>
      )}
    </Modal>
  );
}

function ObjectButton({ row, onClick }: { row: Row; onClick: () => void }) {
  return (
    <Button size="small" data-testid={`object-${row.number}`} onClick={onClick}>
      提出异议
    </Button>
  );
}

/** On a phone: one card per entry, the amount and 提出异议 in its first lines. */
function EntryList({
  rows,
  open,
  onObject,
}: {
  rows: Row[];
  open: boolean;
  onObject: (r: Row) => void;
}) {
  return (
    <List<Row>
      dataSource={rows}
      renderItem={(r) => (
        <List.Item key={r.key} style={{ display: "block" }}>
          <div style={{ fontWeight: 600 }}>{r.organization}</div>
          <div>{r.title}</div>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
            {[r.rank !== null ? `排名 ${r.rank}` : null, r.number, r.county, r.clause]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
          <div
            style={{
              display: "flex",
              alignItems: "center",
              justifyContent: "space-between",
              flexWrap: "wrap",
              gap: 8,
              marginTop: 6,
            }}
          >
            <span>
              <b>{yuan(r.amount)}</b>
              {r.countyAmount > 0 && `，另县级配套 ${yuan(r.countyAmount)}`}（{r.outcome}）
            </span>
            {open && <ObjectButton row={r} onClick={() => onObject(r)} />}
          </div>
        </List.Item>
      )}
    />
  );
}

/** At a desk: the list as a table. */
function EntryTable({
  rows,
  projects,
  open,
  onObject,
}: {
  rows: Row[];
  projects: boolean;
  open: boolean;
  onObject: (r: Row) => void;
}) {
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        projects
          ? { title: "排名", dataIndex: "rank", width: 60 }
          : { title: "申报编号", dataIndex: "number", width: 150 },
        { title: "组织", dataIndex: "organization" },
        { title: "县（市、区）", dataIndex: "county", width: 110 },
        { title: projects ? "项目名称" : "奖励项目", dataIndex: "title" },
        ...(projects ? [] : [{ title: "条款", dataIndex: "clause", width: 100 }]),
        {
          title: projects ? "拟安排金额" : "金额",
          dataIndex: "amount",
          align: "right",
          render: (v: number, r: Row) => (
            <>
              {yuan(v)}
              {r.countyAmount > 0 && (
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
                  另县级配套 {yuan(r.countyAmount)}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: "结果", dataIndex: "outcome", width: 90 },
        ...(open
          ? [
              {
                title: "异议",
                key: "object",
                width: 100,
                render: (_: unknown, r: Row) => (
                  <ObjectButton row={r} onClick={() => onObject(r)} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export function PublicityDetailPage() {
  const { id = "" } = useParams();
  const batch = $api.useQuery("get", "/api/v1/public/publicity/{id}", {
    params: { path: { id } },
  });
  const narrow = Grid.useBreakpoint().md === false;
  const [target, setTarget] = useState<Row | null>(null);
  usePageTitle(batch.data ? `${batch.data.number} 公示` : undefined);
  return (
    <QueryView query={batch}>
      {(b) => {
        const open = b.state === "open" && today() >= b.startDate && today() <= b.endDate;
        const projects = b.kind === "projects";
        const rows = projects ? b.projects.map(projectRow) : b.entries.map(caseRow);
        return (
          <>
            <PublicHeading title={b.title}>
              {open
                ? `公示期内（至 ${b.endDate}）任何单位和个人均可对名单中的一项提出异议，须留姓名和联系方式（不公开）。`
                : "公示期已结束，不再受理异议。"}
            </PublicHeading>
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
              <Descriptions.Item label="状态">{batchState(b.state)}</Descriptions.Item>
            </Descriptions>
            <Card
              size="small"
              styles={narrow ? { body: { paddingTop: 0, paddingBottom: 0 } } : undefined}
            >
              {narrow ? (
                <EntryList rows={rows} open={open} onObject={setTarget} />
              ) : (
                <EntryTable rows={rows} projects={projects} open={open} onObject={setTarget} />
              )}
            </Card>
            <ObjectionForm
              key={target?.key ?? ""}
              batch={b}
              target={target}
              onDone={() => setTarget(null)}
            />
          </>
        );
      }}
    </QueryView>
  );
}
