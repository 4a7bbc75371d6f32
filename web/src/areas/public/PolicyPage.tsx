import { Card, Collapse, Descriptions, Grid, List, Table, Tag, Typography } from "antd";
import { QueryView, yuan } from "../../components/common.tsx";
import { PolicyNotice } from "../../components/policy-notice.tsx";
import { type CatalogItem, useCatalog } from "../enterprise/kit.tsx";
import { PublicHeading } from "./heading.tsx";

/** The part of 三 a clause belongs to: "三（二）3" → "三（二）". */
function partOf(item: CatalogItem): string {
  return `${item.clause.match(/^[^）]*）/)?.[0] ?? ""}${item.group}`;
}

function amountOf(item: CatalogItem) {
  return item.kind === "competitive" ? <Tag>竞争性择优</Tag> : yuan(item.amountYuan);
}

/** What an item asks and who pays: conditions, funding, cap and note. */
function ItemDetails({ item }: { item: CatalogItem }) {
  return (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label="条件">
        {item.conditions.length === 0
          ? "无附加条件"
          : item.conditions.map((c) => c.text).join("；")}
      </Descriptions.Item>
      <Descriptions.Item label="资金承担">
        {item.funding.text}（{item.funding.ref}）
      </Descriptions.Item>
      {item.cap && (
        <Descriptions.Item label="累计上限">
          {item.cap.title}：{yuan(item.cap.limitYuan)}（{item.cap.ref}）
        </Descriptions.Item>
      )}
      {item.note && <Descriptions.Item label="说明">{item.note}</Descriptions.Item>}
    </Descriptions>
  );
}

/** On a desk: a table per part, each row opening to its conditions. */
function ItemTable({ items }: { items: CatalogItem[] }) {
  return (
    <Table<CatalogItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      expandable={{
        expandedRowRender: (i) => <ItemDetails item={i} />,
      }}
      columns={[
        { title: "编号", dataIndex: "id", width: 80 },
        { title: "奖励项目", dataIndex: "title" },
        {
          title: "金额",
          dataIndex: "amountYuan",
          width: 130,
          align: "right",
          render: (_, i) => amountOf(i),
        },
        { title: "条款", dataIndex: "clause", width: 110 },
      ]}
    />
  );
}

/** On a phone: one entry per item, everything it says in reading order. */
function ItemList({ items }: { items: CatalogItem[] }) {
  return (
    <List<CatalogItem>
      dataSource={items}
      renderItem={(i) => (
        <List.Item key={i.id} style={{ display: "block" }}>
          <Typography.Text strong>{i.title}</Typography.Text>
          <div style={{ display: "flex", justifyContent: "space-between", gap: 8, marginTop: 4 }}>
            <Typography.Text type="secondary">
              {i.id} · {i.clause}
            </Typography.Text>
            <span style={{ whiteSpace: "nowrap" }}>{amountOf(i)}</span>
          </div>
          <Collapse
            size="small"
            ghost
            items={[{ key: "d", label: "条件与资金承担", children: <ItemDetails item={i} /> }]}
          />
        </List.Item>
      )}
    />
  );
}

/** The policy as published: items grouped by part, amount, conditions, clause and who pays. */
export function PolicyPage() {
  const catalog = useCatalog();
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <QueryView query={catalog}>
      {({ policy, items }) => {
        const parts = [...new Set(items.map(partOf))];
        return (
          <>
            <PublicHeading title={policy.title}>
              {policy.jurisdiction}
              的质量强市奖励政策：各奖励项目的金额、条件、依据条款和资金承担。想知道自己能获得多少奖励，可使用政策计算器。
            </PublicHeading>
            <PolicyNotice />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              bordered
              style={{ marginBottom: 16 }}
              data-testid="policy-intro"
            >
              <Descriptions.Item label="施行">{policy.effective}</Descriptions.Item>
              <Descriptions.Item label="有效至">{policy.expires}</Descriptions.Item>
              <Descriptions.Item label="依据">{policy.validityRef}</Descriptions.Item>
            </Descriptions>
            {parts.map((part) => {
              const inPart = items.filter((i) => partOf(i) === part);
              return (
                <Card
                  key={part}
                  title={part}
                  size="small"
                  style={{ marginBottom: 16 }}
                  styles={narrow ? { body: { paddingTop: 0, paddingBottom: 0 } } : undefined}
                >
                  {narrow ? <ItemList items={inPart} /> : <ItemTable items={inPart} />}
                </Card>
              );
            })}
            <Collapse
              items={[
                {
                  key: "readings",
                  label: "法律解读（本系统采用的口径）",
                  children: (
                    <ul data-testid="policy-readings" style={{ paddingLeft: 20, margin: 0 }}>
                      {policy.readings.map((r) => (
                        <li key={r.topic}>
                          <b>{r.topic}</b>（{r.ref}）：{r.text}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          </>
        );
      }}
    </QueryView>
  );
}
