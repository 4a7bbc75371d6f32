import {
  Alert,
  App as AntApp,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { $api, fetchClient, queryClient } from "../../api/client.ts";
import type { Schema } from "../../api/types.ts";
import {
  beijingTime,
  EmptyHint,
  QueryView,
  showApiError,
  today,
} from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";
import { dateField, rowTestId, thisYear } from "../projects/shared.tsx";

/**
 * 工作日历: statutory holidays and make-up working days, used for publicity periods and review
 * timeliness. Seeded from the chinese-days package; the system admin sets the days of years it
 * does not cover, or corrects one.
 */

type Day = Schema<"CalendarDay">;

type Kind = Day["kind"] | "normal";

interface DayForm {
  date: string;
  kind: Kind;
  name?: string;
}

export function CalendarPage() {
  return <ForRoles roles={["system_admin"]}>{() => <WorkCalendar />}</ForRoles>;
}

function WorkCalendar() {
  const [year, setYear] = useState(thisYear());
  const [month, setMonth] = useState<Dayjs>(dayjs(today()));
  const state = $api.useQuery("get", "/api/v1/calendar", { params: { query: { year } } });
  const [form] = Form.useForm<DayForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const kind = Form.useWatch("kind", form);
  const byDate = new Map((state.data?.items ?? []).map((d) => [d.date, d]));
  const years = Array.from({ length: 6 }, (_, i) => thisYear() + 2 - i);
  const pick = (date: string) => {
    const d = byDate.get(date);
    // A plain day is picked to be set; a special one to be changed or cleared.
    form.setFieldsValue({ date, kind: d?.kind ?? "holiday", name: d?.name ?? "" });
    setError(null);
  };
  const changeYear = (y: number) => {
    setYear(y);
    setMonth(month.year(y));
  };
  const save = async (v: DayForm) => {
    setBusy(true);
    setError(null);
    try {
      await fetchClient.PUT("/api/v1/calendar/{date}", {
        params: { path: { date: v.date } },
        body: {
          kind: v.kind === "normal" ? null : v.kind,
          name: v.kind === "normal" ? undefined : v.name?.trim(),
        },
      });
      message.success(
        v.kind === "normal"
          ? `${v.date} 已恢复为普通日`
          : `${v.date} 已设为${v.kind === "holiday" ? "节假日" : "调休上班日"}`,
      );
      await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/calendar"] });
      if (Number(v.date.slice(0, 4)) !== year) changeYear(Number(v.date.slice(0, 4)));
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  const clear = (d: Day) => save({ date: d.date, kind: "normal" });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            工作日历
          </Typography.Title>
          <Typography.Text type="secondary">
            法定节假日与调休上班日，用于计算公示期和审核时限。周六、周日默认为休息日，无需设置。
          </Typography.Text>
        </Col>
        <Col>
          <Select
            value={year}
            onChange={changeYear}
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            aria-label="年度"
            data-testid="calendar-year"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Calendar
              fullscreen={false}
              value={month}
              // The month and year pickers, each named for a screen reader (antd's own are not).
              headerRender={({ value, onChange }) => (
                <Space style={{ padding: 8 }}>
                  <Select
                    size="small"
                    aria-label="年份"
                    value={value.year()}
                    onChange={(y: number) => onChange(value.year(y))}
                    options={Array.from({ length: 11 }, (_, i) => value.year() - 5 + i).map(
                      (y) => ({ value: y, label: `${y} 年` }),
                    )}
                  />
                  <Select
                    size="small"
                    aria-label="月份"
                    value={value.month()}
                    onChange={(m: number) => onChange(value.month(m))}
                    options={Array.from({ length: 12 }, (_, m) => ({
                      value: m,
                      label: `${m + 1} 月`,
                    }))}
                  />
                </Space>
              )}
              onPanelChange={(d) => {
                setMonth(d);
                if (d.year() !== year) setYear(d.year());
              }}
              onSelect={(d, info) => {
                setMonth(d);
                if (d.year() !== year) setYear(d.year());
                if (info.source === "date") pick(d.format("YYYY-MM-DD"));
              }}
              fullCellRender={(d, info) => {
                if (info.type !== "date") return info.originNode;
                const special = byDate.get(d.format("YYYY-MM-DD"));
                const weekend = d.day() === 0 || d.day() === 6;
                const off = special ? special.kind === "holiday" : weekend;
                return (
                  <div
                    title={special?.name}
                    style={{
                      margin: 2,
                      borderRadius: 4,
                      padding: "2px 0",
                      background: special
                        ? special.kind === "holiday"
                          ? "#fff1f0"
                          : "#e6f4ff"
                        : undefined,
                      // A neighbouring month's day is greyed, yet readable (4.5:1 on white).
                      color:
                        d.month() !== month.month()
                          ? "rgba(0, 0, 0, 0.56)"
                          : off
                            ? "#cf1322"
                            : undefined,
                    }}
                  >
                    <div>{d.date()}</div>
                    <div style={{ fontSize: 10, lineHeight: "12px", minHeight: 12 }}>
                      {special ? (special.kind === "holiday" ? "休" : "班") : ""}
                    </div>
                  </div>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="设置某一天">
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <Form<DayForm>
              form={form}
              layout="vertical"
              onFinish={save}
              initialValues={{ kind: "holiday" }}
            >
              <Form.Item
                name="date"
                label="日期"
                rules={[{ required: true, message: "请选择日期（或在日历上点选）" }]}
                {...dateField}
              >
                <DatePicker
                  style={{ width: "100%" }}
                  onChange={(d) => d && pick(d.format("YYYY-MM-DD"))}
                />
              </Form.Item>
              <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: "holiday", label: "节假日" },
                    { value: "workday", label: "调休上班" },
                    { value: "normal", label: "普通日" },
                  ]}
                />
              </Form.Item>
              {kind !== "normal" && (
                <Form.Item
                  name="name"
                  label="名称"
                  rules={[
                    { required: true, whitespace: true, message: "请填写节日或调休名称" },
                    { max: 50, message: "不能超过 50 个字符" },
                  ]}
                >
                  <Input placeholder={kind === "workday" ? "例如：春节调休上班" : "例如：春节"} />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" loading={busy} data-testid="calendar-save">
                保存
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={`${year} 年的节假日与调休上班日`}>
        <QueryView
          query={state}
          empty={(d) =>
            d.items.length === 0 ? (
              <EmptyHint
                text={`${year} 年还没有节假日数据（内置日历未覆盖）。请按国务院办公厅的放假通知，在上方逐日设置节假日和调休上班日。`}
              />
            ) : null
          }
        >
          {(d) => (
            <Table<Day>
              rowKey="date"
              size="small"
              dataSource={d.items}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              scroll={{ x: 800 }}
              onRow={(r) => rowTestId(`day-${r.date}`)}
              columns={[
                {
                  title: "日期",
                  dataIndex: "date",
                  width: 140,
                  render: (v: string) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        setMonth(dayjs(v));
                        pick(v);
                      }}
                    >
                      {v}（{"日一二三四五六"[dayjs(v).day()]}）
                    </Button>
                  ),
                },
                {
                  title: "类型",
                  dataIndex: "kind",
                  width: 100,
                  render: (k: Day["kind"]) =>
                    k === "holiday" ? (
                      <Tag color="red">节假日</Tag>
                    ) : (
                      <Tag color="blue">调休上班</Tag>
                    ),
                },
                { title: "名称", dataIndex: "name" },
                {
                  title: "来源",
                  dataIndex: "source",
                  width: 180,
                  render: (s: string) => (s.startsWith("admin:") ? `管理员 ${s.slice(6)}` : s),
                },
                { title: "更新时间", dataIndex: "updated_at", width: 170, render: beijingTime },
                {
                  title: "操作",
                  key: "actions",
                  width: 120,
                  render: (_, r) => (
                    <Popconfirm title={`将 ${r.date} 恢复为普通日？`} onConfirm={() => clear(r)}>
                      <Button type="link" size="small" danger>
                        恢复普通日
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
