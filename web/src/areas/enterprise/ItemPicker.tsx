import { Input, Segmented, Table, Tag, Tooltip, Typography } from "antd";
import { type HTMLAttributes, useMemo, useState } from "react";
import { yuan } from "../../components/common.tsx";
import type { CatalogItem } from "./kit.tsx";

/**
 * The policy's reward items, one part at a time (质量品牌、标准化、质量基础设施), rows grouped by
 * clause, each with its amount, beneficiary and conditions; a click selects the item.
 */
export function ItemPicker({
  items,
  value,
  onChange,
}: {
  items: CatalogItem[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const [query, setQuery] = useState("");
  const groups = useMemo(() => [...new Set(items.map((i) => i.group))], [items]);
  const selectedGroup = items.find((i) => i.id === value)?.group;
  const [tab, setTab] = useState<string | undefined>(selectedGroup ?? groups[0]);
  const q = query.trim().toLowerCase();
  const matches = (i: CatalogItem) =>
    !q ||
    i.id.toLowerCase().includes(q) ||
    i.title.toLowerCase().includes(q) ||
    i.clause.includes(q) ||
    i.beneficiary.includes(q);
  // While searching, show a part that has matches when the chosen one has none.
  const hits = (g: string) => items.some((i) => i.group === g && matches(i));
  const active = tab && hits(tab) ? tab : (groups.find(hits) ?? tab);
  return (
    <div data-testid="item-picker">
      <Input.Search
        allowClear
        placeholder="搜索奖励项目：名称、编号或条款，如“品字标”“2.1”"
        style={{ maxWidth: 420, marginBottom: 8 }}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="item-search"
      />
      {/* A segmented choice rather than tabs: antd's tab list holds a "more" button that is no tab. */}
      <div style={{ overflowX: "auto", marginBottom: 8 }}>
        <Segmented
          data-testid="item-groups"
          value={active}
          onChange={(g) => setTab(String(g))}
          options={groups.map((g) => ({
            value: g,
            label: `${g}（${items.filter((i) => i.group === g && matches(i)).length}）`,
          }))}
        />
      </div>
      <GroupTable
        rows={items.filter((i) => i.group === active && matches(i))}
        value={value}
        onChange={onChange}
      />
    </div>
  );
}

function GroupTable({
  rows,
  value,
  onChange,
}: {
  rows: CatalogItem[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  // Merge the clause cell over consecutive rows of the same clause.
  const spans = rows.map((r, i) => {
    if (i > 0 && rows[i - 1]?.clause === r.clause) return 0;
    let n = 1;
    while (rows[i + n]?.clause === r.clause) n++;
    return n;
  });
  return (
    <Table<CatalogItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{
        emptyText: (
          <Typography.Text type="secondary">
            没有符合搜索条件的奖励项目，请换个关键词
          </Typography.Text>
        ),
      }}
      rowSelection={{
        type: "radio",
        selectedRowKeys: value ? [value] : [],
        onChange: (keys) => {
          const k = keys[0];
          if (typeof k === "string") onChange(k);
        },
        columnTitle: "选择",
        getCheckboxProps: (i) =>
          ({
            disabled: i.kind !== "fixed",
            "aria-label": `选择 ${i.id} ${i.title}`,
          }) as { disabled: boolean },
      }}
      scroll={{ x: 860 }}
      onRow={(i) =>
        ({
          "data-testid": `item-option-${i.id}`,
          onClick: () => {
            if (i.kind === "fixed") onChange(i.id);
          },
          style: { cursor: i.kind === "fixed" ? "pointer" : "not-allowed" },
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: "条款",
          dataIndex: "clause",
          width: 96,
          onCell: (_, index) => ({ rowSpan: spans[index ?? 0] ?? 1 }),
        },
        { title: "编号", dataIndex: "id", width: 64 },
        {
          title: "奖励项目",
          dataIndex: "title",
          render: (title: string, i) => (
            <>
              {title}
              {i.kind !== "fixed" && (
                <Tooltip title="通过公平竞争方式择优筛选，请在“公共项目”征集中申报">
                  <Tag style={{ marginLeft: 8 }}>竞争性评选</Tag>
                </Tooltip>
              )}
              {i.cap && (
                <Tooltip title={`${i.cap.title}：${yuan(i.cap.limitYuan)}`}>
                  <Tag color="warning" style={{ marginLeft: 8 }}>
                    有累计上限
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        { title: "奖励对象", dataIndex: "beneficiary", width: 110 },
        {
          title: "奖励金额",
          dataIndex: "amountYuan",
          width: 120,
          align: "right",
          render: (a: number | null) => (a === null ? "择优确定" : yuan(a)),
        },
        {
          title: "条件",
          dataIndex: "conditions",
          width: 260,
          render: (c: CatalogItem["conditions"]) =>
            c.length === 0 ? (
              <Typography.Text type="secondary">无附加条件</Typography.Text>
            ) : (
              c.map((x) => x.text).join("；")
            ),
        },
      ]}
    />
  );
}
