import { Alert, App, Button, Card, Form, Input, Switch } from "antd";
import { useEffect, useState } from "react";
import { $api, fetchClient, queryClient } from "../../api/client.ts";
import { showApiError, usePageTitle } from "../../components/common.tsx";
import { NoticesCard } from "../../components/notices.tsx";

interface ChannelValues {
  email?: string;
  emailEnabled?: boolean;
  phone?: string;
  smsEnabled?: boolean;
}

/**
 * 消息中心, for everyone with an inbox: the notices (an enterprise's of its cases; an official's of
 * the cases waiting for them), and where else this user wants to hear of them.
 */
export function Messages() {
  usePageTitle("消息中心");
  return (
    <div>
      <NoticesCard />
      <ChannelsCard />
    </div>
  );
}

/** 通知渠道: e-mail and SMS besides the inbox, each with its address and a switch. */
function ChannelsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelValues>();
  const prefs = $api.useQuery("get", "/api/v1/me/notifications");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (prefs.data)
      form.setFieldsValue({
        email: prefs.data.email ?? "",
        emailEnabled: prefs.data.emailEnabled,
        phone: prefs.data.phone ?? "",
        smsEnabled: prefs.data.smsEnabled,
      });
  }, [prefs.data, form]);
  const save = async (v: ChannelValues) => {
    setBusy(true);
    setError(null);
    try {
      await fetchClient.PUT("/api/v1/me/notifications", {
        body: {
          email: v.email?.trim() || null,
          emailEnabled: v.emailEnabled ?? false,
          phone: v.phone?.trim() || null,
          smsEnabled: v.smsEnabled ?? false,
        },
      });
      message.success("已保存通知设置");
      await queryClient.invalidateQueries({
        queryKey: $api.queryOptions("get", "/api/v1/me/notifications").queryKey,
      });
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="通知渠道" style={{ marginTop: 16 }} data-testid="notify-channels">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="站内消息总会保留。开启后，每条站内消息也会发到您的邮箱或手机；每封邮件都有一键退订链接。"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 420 }}>
        <Form.Item name="email" label="电子邮箱">
          <Input inputMode="email" autoComplete="email" data-testid="notify-email" />
        </Form.Item>
        <Form.Item name="emailEnabled" label="接收邮件通知" valuePropName="checked">
          <Switch data-testid="notify-email-on" />
        </Form.Item>
        <Form.Item name="phone" label="手机号">
          <Input inputMode="tel" autoComplete="tel" data-testid="notify-phone" />
        </Form.Item>
        <Form.Item name="smsEnabled" label="接收短信通知" valuePropName="checked">
          <Switch data-testid="notify-sms-on" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="notify-save">
          保存
        </Button>
      </Form>
    </Card>
  );
}
