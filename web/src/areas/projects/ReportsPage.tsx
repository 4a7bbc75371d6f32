import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  List,
  Progress,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { COUNTIES } from "../../../../src/organizations/counties.ts";
import { $api } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import { download } from "../../api.ts";
import type { User } from "../../auth.tsx";
import { bytes, EmptyHint, QueryView } from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { thisYear } from "./shared.tsx";

/** 报表: the .xlsx reports the caller may take, for a year (and a county, a funding source). */

type ReportKind = Schema<"ReportKind">;

const READERS = ["county_official", "city_official", "finance", "leader"] as const;

export function ReportsPage() {
  return <ForRoles roles={READERS}>{(user) => <Reports user={user} />}</ForRoles>;
}

interface Progressing {
  received: number;
  /** The file's length when the server says it (reports do): the progress is then a share. */
  total: number | null;
  done: boolean;
}

/** The year select's value for every year (the reports whose year is optional). */
const EVERY_YEAR = 0;

function Reports({ user }: { user: User }) {
  const query = $api.useQuery("get", "/api/v1/reports");
  const [year, setYear] = useState<number>(thisYear());
  // County staff take their own county (the API scopes them and refuses another).
  const ownCounty =
    user.role === "county_official" || (user.role === "finance" && user.county)
      ? user.county
      : null;
  const [county, setCounty] = useState<string | undefined>(ownCounty ?? undefined);
  const [source, setSource] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<Record<string, Progressing>>({});
  const [errors, setErrors] = useState<Record<string, Error>>({});
  const { message } = AntApp.useApp();
  const years = Array.from({ length: thisYear() - 2021 }, (_, i) => thisYear() + 1 - i);
  const take = async (r: ReportKind) => {
    setErrors((e) => {
      const { [r.kind]: _, ...rest } = e;
      return rest;
    });
    setProgress((p) => ({ ...p, [r.kind]: { received: 0, total: null, done: false } }));
    try {
      await download(
        `/api/v1/reports/${r.kind}`,
        {
          year: year === EVERY_YEAR ? undefined : year,
          county,
          source: r.bySource ? source : undefined,
        },
        (received, total) =>
          setProgress((p) => ({ ...p, [r.kind]: { received, total, done: false } })),
      );
      setProgress((p) => ({
        ...p,
        [r.kind]: {
          received: p[r.kind]?.received ?? 0,
          total: p[r.kind]?.total ?? null,
          done: true,
        },
      }));
      message.success(`已下载“${r.title}”`);
    } catch (e) {
      setProgress((p) => {
        const { [r.kind]: _, ...rest } = p;
        return rest;
      });
      setErrors((x) => ({ ...x, [r.kind]: e as Error }));
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          报表
        </Typography.Title>
        <Typography.Text type="secondary">
          导出 Excel（.xlsx）报表：首行中文表头并冻结，金额为整数元，日期为 YYYY-MM-DD
          文本。每次导出记入审计日志。
        </Typography.Text>
      </div>
      <Card size="small">
        <Form layout="inline">
          <Form.Item label="年度" tooltip="选“历年”时可导出年度可选的报表：奖励汇总为历年全部奖励">
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={[
                ...years.map((y) => ({ value: y, label: `${y} 年度` })),
                { value: EVERY_YEAR, label: "历年" },
              ]}
              aria-label="年度"
              data-testid="report-year"
            />
          </Form.Item>
          <Form.Item label="县（市、区）">
            <Select
              allowClear={!ownCounty}
              disabled={Boolean(ownCounty)}
              placeholder="全市"
              value={county}
              onChange={setCounty}
              style={{ width: 160 }}
              options={COUNTIES.map((c) => ({ value: c, label: c }))}
              aria-label="县（市、区）"
              data-testid="report-county"
            />
          </Form.Item>
          <Form.Item label="资金来源" tooltip="仅“奖励汇总”“拨付清单”按资金来源筛选">
            <Select
              allowClear
              placeholder="全部来源"
              value={source}
              onChange={setSource}
              style={{ width: 180 }}
              options={[
                { value: "city", label: "市级专项资金" },
                ...COUNTIES.map((c) => ({ value: c, label: `${c}县级资金` })),
              ]}
              aria-label="资金来源"
              data-testid="report-source"
            />
          </Form.Item>
        </Form>
        {ownCounty && (
          <Typography.Text type="secondary">
            县级账号只能导出本县（{ownCounty}）的报表。
          </Typography.Text>
        )}
      </Card>
      <Card>
        <QueryView
          query={query}
          empty={(d) =>
            d.items.length === 0 ? (
              <EmptyHint text="当前角色没有可导出的报表。如需报表，请联系系统管理员调整角色。" />
            ) : null
          }
        >
          {(d) => (
            <List
              dataSource={d.items}
              renderItem={(r) => {
                const p = progress[r.kind];
                const busy = p !== undefined && !p.done;
                const needsYear = r.year === "required" && year === EVERY_YEAR;
                return (
                  <List.Item
                    data-testid={`report-row-${r.kind}`}
                    actions={[
                      <Button
                        key="download"
                        type="primary"
                        loading={busy}
                        disabled={needsYear}
                        title={needsYear ? "此报表须选择年度" : undefined}
                        onClick={() => take(r)}
                        data-testid={`report-${r.kind}`}
                      >
                        {busy ? "下载中" : needsYear ? "须选择年度" : "下载 .xlsx"}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap size={[8, 4]}>
                          <span style={{ whiteSpace: "nowrap" }}>{r.title}</span>
                          {r.year === "optional" && <Tag color="default">年度可选</Tag>}
                          {r.bySource && <Tag color="blue">可按资金来源</Tag>}
                        </Space>
                      }
                      description={
                        <>
                          {r.description}
                          {/* Under the description, so that a phone keeps the title's width. */}
                          {(p || errors[r.kind]) && (
                            <div style={{ maxWidth: 360, marginTop: 8 }}>
                              {p && (
                                <Row
                                  gutter={8}
                                  align="middle"
                                  data-testid={`report-progress-${r.kind}`}
                                >
                                  <Col flex="auto">
                                    <Progress
                                      percent={
                                        p.done || p.total === null
                                          ? 100
                                          : Math.floor((p.received / p.total) * 100)
                                      }
                                      status={p.done ? "success" : "active"}
                                      showInfo={false}
                                      aria-label={`${r.title}下载进度`}
                                      size="small"
                                    />
                                  </Col>
                                  <Col>
                                    <Typography.Text type="secondary">
                                      {p.done
                                        ? `已完成 ${bytes(p.received)}`
                                        : p.total === null
                                          ? `已接收 ${bytes(p.received)}`
                                          : `${bytes(p.received)} / ${bytes(p.total)}`}
                                    </Typography.Text>
                                  </Col>
                                </Row>
                              )}
                              {errors[r.kind] && (
                                <Alert type="error" showIcon title={errors[r.kind]?.message} />
                              )}
                            </div>
                          )}
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
