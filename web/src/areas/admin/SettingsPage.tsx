import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  InputNumber,
  Space,
  Switch,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { $api, fetchClient, ifMatch, queryClient } from "../../api/client.ts";
import type { Answer } from "../../api/types.ts";
import { isStaleVersion } from "../../api.ts";
import type { User } from "../../auth.tsx";
import { bytes, EmptyHint, QueryView, showApiError } from "../../components/common.tsx";
import { ForRoles } from "../../components/gate.tsx";

/** 系统设置: general settings for the system admin, security settings for the security admin. */

type View = Answer<"/api/v1/settings">;
type Setting = View["items"][number];

export function SettingsPage() {
  return (
    <ForRoles roles={["system_admin", "security_admin"]}>
      {(user) => <Settings user={user} />}
    </ForRoles>
  );
}

function describe(s: Setting): string {
  if (typeof s.default === "boolean") return s.default ? "开启" : "关闭";
  if (s.key === "general.evidenceMaxBytes") return `${s.default}（${bytes(s.default)}）`;
  return `${s.default.toLocaleString("zh-CN")}${s.unit ?? ""}`;
}

function Settings({ user }: { user: User }) {
  // One version for all settings: the one this page loaded is sent with a save.
  const state = $api.useQuery("get", "/api/v1/settings");
  const [form] = Form.useForm<Record<string, number | boolean>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = AntApp.useApp();
  const owner = user.role === "security_admin" ? "security" : "general";
  // A version loaded anew (after a save, or 刷新 after a stale one) replaces what the form holds:
  // the form's store outlives the remount of <Form>.
  const loaded = state.data?.version;
  useEffect(() => {
    if (loaded !== undefined) form.resetFields();
  }, [loaded, form]);
  const save = async ({ items, version }: View) => {
    setError(null);
    let values: Record<string, number | boolean>;
    try {
      values = await form.validateFields();
    } catch {
      return; // shown in place
    }
    const changes = Object.fromEntries(
      items.filter((s) => values[s.key] !== s.value).map((s) => [s.key, values[s.key]]),
    );
    if (Object.keys(changes).length === 0) {
      message.info("没有修改");
      return;
    }
    setBusy(true);
    try {
      await fetchClient.PATCH("/api/v1/settings", {
        params: { header: ifMatch(version) },
        body: changes,
      });
      message.success(`已保存 ${Object.keys(changes).length} 项设置`);
      await queryClient.invalidateQueries({ queryKey: ["get", "/api/v1/settings"] });
    } catch (e) {
      // A stale save is told in the client's dialog, whose 刷新 loads the settings again.
      if (!isStaleVersion(e))
        setError(showApiError(form, e, Object.fromEntries(items.map((s) => [s.key, [s.key]]))));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {owner === "security" ? "安全设置" : "系统设置"}
        </Typography.Title>
        <Typography.Text type="secondary">
          {owner === "security"
            ? "密码策略、登录锁定与会话时限（等保三级要求）。一般设置由系统管理员维护。"
            : "资金、公示与材料上传的一般设置。安全设置由安全管理员维护。"}
          每次修改记入审计日志。
        </Typography.Text>
      </div>
      <Card>
        <QueryView
          query={state}
          empty={(d) =>
            d.items.length === 0 ? <EmptyHint text="当前角色没有可管理的设置。" /> : null
          }
        >
          {(d) => (
            <Form
              form={form}
              layout="horizontal"
              labelCol={{ span: 10 }}
              wrapperCol={{ span: 10 }}
              initialValues={Object.fromEntries(d.items.map((s) => [s.key, s.value]))}
              key={`${d.version}:${JSON.stringify(d.items.map((s) => s.value))}`}
              onFinish={() => save(d)}
            >
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
              {d.items.map((s) => {
                const min = s.min ?? 0;
                const max = s.max ?? Number.MAX_SAFE_INTEGER;
                return (
                  <Form.Item
                    key={s.key}
                    name={[s.key]}
                    label={s.label}
                    valuePropName={typeof s.default === "boolean" ? "checked" : "value"}
                    extra={`默认：${describe(s)}`}
                    rules={
                      typeof s.default === "boolean"
                        ? []
                        : [
                            { required: true, message: "请填写" },
                            {
                              type: "integer",
                              min,
                              max,
                              message: `应为 ${min.toLocaleString("zh-CN")} 至 ${max.toLocaleString("zh-CN")} 的整数`,
                            },
                          ]
                    }
                  >
                    {typeof s.default === "boolean" ? (
                      <Switch data-testid={`setting-${s.key}`} />
                    ) : (
                      <InputNumber
                        min={min}
                        max={max}
                        precision={0}
                        style={{ width: 220 }}
                        suffix={s.unit ?? undefined}
                        data-testid={`setting-${s.key}`}
                      />
                    )}
                  </Form.Item>
                );
              })}
              {/* Under the inputs on a desk; at the left edge on a phone, where labels stack. */}
              <Form.Item wrapperCol={{ xs: { offset: 0 }, sm: { offset: 10 } }}>
                <Space>
                  <Button
                    type="primary"
                    htmlType="submit"
                    loading={busy}
                    data-testid="settings-save"
                  >
                    保存
                  </Button>
                  <Button onClick={() => form.resetFields()}>撤销修改</Button>
                </Space>
              </Form.Item>
            </Form>
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
