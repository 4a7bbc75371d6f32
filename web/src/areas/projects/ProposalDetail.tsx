import {
  App as AntApp,
  Button,
  Descriptions,
  Empty,
  List,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadProps,
} from "antd";
import {
  PROJECT_TRANCHE_MACHINE,
  PROPOSAL_STATE_NAMES,
  TRANCHE_KIND_NAMES,
} from "../../../../src/projects/states.ts";
import type { Schema } from "../../api/types.ts";
import { ApiError, upload } from "../../api.ts";
import { beijingTime, bytes, yuan } from "../../components/common.tsx";
import { meanTotal, PROPOSAL_STATE_COLORS } from "./shared.tsx";

type Criterion = Schema<"ProjectCall">["criteria"][number];
type DocumentView = Schema<"ProjectProposalDocument">;
type Proposal = Schema<"ProjectProposal">;
type ScoreView = Schema<"ProjectScore">;
type Tranche = Schema<"ProjectTranche">;

/** The state of a proposal as a coloured tag. */
export function ProposalState({ p }: { p: Pick<Proposal, "state"> }) {
  return (
    <Tag color={PROPOSAL_STATE_COLORS[p.state] ?? "default"}>{PROPOSAL_STATE_NAMES[p.state]}</Tag>
  );
}

export const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** Uploads documents to a proposal, one file a request, each with its progress. */
export function DocumentUploader({
  proposalId,
  onUploaded,
}: {
  proposalId: string;
  onUploaded: () => void;
}) {
  const { message } = AntApp.useApp();
  const request: NonNullable<UploadProps["customRequest"]> = (options) => {
    const file = options.file as File;
    upload<DocumentView>(`/api/v1/project-proposals/${proposalId}/documents`, file, (percent) =>
      options.onProgress?.({ percent }),
    )
      .then((doc) => {
        options.onSuccess?.(doc);
        message.success(`已上传 ${doc.name}`);
        onUploaded();
      })
      .catch((e: unknown) => {
        const text = e instanceof ApiError ? e.message : String(e);
        options.onError?.(new Error(text));
        message.error(`${file.name}：${text}`);
      });
  };
  return (
    <Upload accept={ACCEPT} multiple customRequest={request} data-testid="proposal-upload">
      <Button>上传材料（PDF、JPEG、PNG）</Button>
    </Upload>
  );
}

export function DocumentList({
  proposalId,
  documents,
  hidden,
}: {
  proposalId: string;
  documents: readonly DocumentView[];
  hidden?: string | undefined;
}) {
  if (hidden) return <Typography.Text type="secondary">{hidden}</Typography.Text>;
  if (documents.length === 0)
    return <Typography.Text type="secondary">尚未上传材料。</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={[...documents]}
      renderItem={(d) => (
        <List.Item
          actions={[
            <a
              key="open"
              href={`/api/v1/project-proposals/${proposalId}/documents/${d.id}`}
              target="_blank"
              rel="noreferrer"
            >
              查看
            </a>,
          ]}
        >
          <List.Item.Meta
            title={d.name}
            description={`${bytes(d.size)} · ${beijingTime(d.createdAt)} · SHA-256 ${d.sha256.slice(0, 12)}…`}
          />
        </List.Item>
      )}
    />
  );
}

export function ScoresTable({
  criteria,
  scores,
}: {
  criteria: readonly Criterion[];
  scores: readonly ScoreView[];
}) {
  if (scores.length === 0)
    return <Empty description="暂无评分" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<ScoreView>
      rowKey="expertId"
      size="small"
      pagination={false}
      dataSource={[...scores]}
      scroll={{ x: true }}
      columns={[
        { title: "专家", dataIndex: "expert", width: 160 },
        ...criteria.map((c) => ({
          title: `${c.name}（${c.weight}）`,
          key: c.id,
          align: "right" as const,
          render: (_: unknown, s: ScoreView) => s.scores[c.id] ?? "—",
        })),
        {
          title: "加权总分",
          dataIndex: "total",
          align: "right" as const,
          render: (v: number) => <b>{v.toFixed(2)}</b>,
        },
        { title: "意见", dataIndex: "comment", render: (v: string | null) => v ?? "—" },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>平均</Table.Summary.Cell>
          {criteria.map((c, i) => (
            <Table.Summary.Cell index={i + 1} key={c.id} align="right">
              {(scores.reduce((s, x) => s + (x.scores[c.id] ?? 0), 0) / scores.length).toFixed(1)}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={criteria.length + 1} align="right">
            <b>{meanTotal(scores)?.toFixed(2)}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={criteria.length + 2} />
        </Table.Summary.Row>
      )}
    />
  );
}

export function TranchesTable({ tranches }: { tranches: readonly Tranche[] }) {
  if (tranches.length === 0) return null;
  return (
    <Table<Tranche>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...tranches]}
      columns={[
        {
          title: "款项",
          dataIndex: "kind",
          render: (k: string) => TRANCHE_KIND_NAMES[k as keyof typeof TRANCHE_KIND_NAMES] ?? k,
        },
        { title: "金额", dataIndex: "amount", align: "right", render: (v: number) => yuan(v) },
        { title: "预算年度", dataIndex: "year" },
        {
          title: "状态",
          dataIndex: "state",
          render: (s: Tranche["state"]) => PROJECT_TRANCHE_MACHINE.stateNames[s],
        },
        { title: "拨付日期", dataIndex: "paidOn", render: (v: string | null) => v ?? "—" },
        { title: "国库凭证", dataIndex: "treasuryRef", render: (v: string | null) => v ?? "—" },
      ]}
    />
  );
}

/** What is known of a proposal (as much as the reader may see). */
export function ProposalFacts({ p }: { p: Proposal }) {
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="编号">{p.number}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <ProposalState p={p} />
      </Descriptions.Item>
      <Descriptions.Item label="申报单位" span={2}>
        {p.organization.includes(p.county) ? p.organization : `${p.organization}（${p.county}）`}
      </Descriptions.Item>
      <Descriptions.Item label="类别">{p.category}</Descriptions.Item>
      <Descriptions.Item label="申请金额">{yuan(p.requested)}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{beijingTime(p.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="排名">{p.rank ?? "—"}</Descriptions.Item>
      {p.score !== undefined && p.score !== null && (
        <Descriptions.Item label="标准化得分">{p.score.toFixed(6)}</Descriptions.Item>
      )}
      {p.fundedAmount !== undefined && p.fundedAmount !== null && (
        <Descriptions.Item label="安排金额">{yuan(p.fundedAmount)}</Descriptions.Item>
      )}
      {p.decisionNote && (
        <Descriptions.Item label="择优结果" span={2}>
          {p.decisionNote}
        </Descriptions.Item>
      )}
      {p.acceptedOn && <Descriptions.Item label="验收日期">{p.acceptedOn}</Descriptions.Item>}
      {p.acceptanceNote && (
        <Descriptions.Item label="验收意见" span={2}>
          {p.acceptanceNote}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The plan as the applicant wrote it (line breaks kept). */
export function PlanText({ plan }: { plan: string | null | undefined }) {
  if (!plan) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Paragraph
      style={{ whiteSpace: "pre-wrap", maxHeight: 320, overflow: "auto", marginBottom: 0 }}
      data-testid="proposal-plan"
    >
      {plan}
    </Typography.Paragraph>
  );
}
