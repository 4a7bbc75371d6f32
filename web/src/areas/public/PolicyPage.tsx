import { Card, Collapse, Descriptions, Table, Tag, Typography } from "antd";
import { Loaded, useLoad, yuan } from "../../components/common.tsx";
import { type CatalogItem, loadCatalog, partOf } from "./policy-data.ts";

/** The policy as published: items grouped by part, amount, conditions, clause and who pays. */
export function PolicyPage() {
  const state = useLoad(() => loadCatalog());
  return (
    <Loaded state={state}>
      {({ policy, items }) => {
        const parts = [...new Set(items.map((i) => partOf(i.id)))];
        return (
          <>
            <Typography.Title level={3}>{policy.title}</Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              bordered
              style={{ marginBottom: 16 }}
            >
              <Descriptions.Item label="施行">{policy.effective}</Descriptions.Item>
              <Descriptions.Item label="有效至">{policy.expires}</Descriptions.Item>
              <Descriptions.Item label="依据">{policy.validityRef}</Descriptions.Item>
            </Descriptions>
            {parts.map((part) => (
              <Card key={part} title={part} size="small" style={{ marginBottom: 16 }}>
                <Table<CatalogItem>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={items.filter((i) => partOf(i.id) === part)}
                  scroll={{ x: 900 }}
                  data-testid={`policy-part-${part.slice(0, 4)}`}
                  expandable={{
                    expandedRowRender: (i) => (
                      <Descriptions size="small" column={1}>
                        <Descriptions.Item label="条件">
                          {i.conditions.length === 0
                            ? "无附加条件"
                            : i.conditions.map((c) => c.text).join("；")}
                        </Descriptions.Item>
                        <Descriptions.Item label="资金承担">
                          {i.funding.text}（{i.funding.ref}）
                        </Descriptions.Item>
                        {i.cap && (
                          <Descriptions.Item label="累计上限">
                            {i.cap.title}：{yuan(i.cap.limitYuan)}（{i.cap.ref}）
                          </Descriptions.Item>
                        )}
                        {i.note && <Descriptions.Item label="说明">{i.note}</Descriptions.Item>}
                      </Descriptions>
                    ),
                  }}
                  columns={[
                    { title: "编号", dataIndex: "id", width: 80 },
                    { title: "奖励项目", dataIndex: "title" },
                    { title: "类别", dataIndex: "group", width: 110 },
                    {
                      title: "金额",
                      dataIndex: "amountYuan",
                      width: 130,
                      align: "right",
                      render: (v: number | null, i) =>
                        i.kind === "competitive" ? <Tag>竞争性择优</Tag> : yuan(v),
                    },
                    { title: "条款", dataIndex: "clause", width: 110 },
                  ]}
                />
              </Card>
            ))}
            <Collapse
              items={[
                {
                  key: "readings",
                  label: "法律解读（本系统采用的口径）",
                  children: (
                    <ul>
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
    </Loaded>
  );
}
