import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import "dayjs/locale/zh-cn";
import "./contrast.css";
import { App } from "./App.tsx";
import { queryClient } from "./api/client.ts";
import { AuthProvider } from "./auth.tsx";

/**
 * The city's blue, and every text colour dark enough to read on white (WCAG AA, 4.5:1): secondary
 * and hint text, placeholders, links, and the status colours of tags, alerts and danger buttons,
 * where antd's defaults (45% and 25% black, its light blue, its red) are too faint. The light
 * backgrounds of tags and alerts stay antd's own (not derived from the dark text).
 */
const THEME = {
  token: {
    colorPrimary: "#1661ab",
    colorLink: "#1661ab",
    colorInfo: "#1661ab",
    colorInfoText: "#1661ab",
    colorError: "#c41d1d",
    colorErrorText: "#b0141a",
    colorSuccess: "#237804",
    colorWarning: "#ad5a00",
    colorWarningText: "#8a4f00",
    colorSuccessBg: "#f6ffed",
    colorInfoBg: "#e6f4ff",
    colorInfoBorder: "#91caff",
    colorWarningBg: "#fffbe6",
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.56)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
  },
  components: { Menu: { groupTitleColor: "rgba(0, 0, 0, 0.65)" } },
};

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider locale={zhCN} theme={THEME}>
          <AntApp>
            <BrowserRouter>
              <AuthProvider>
                <App />
              </AuthProvider>
            </BrowserRouter>
          </AntApp>
        </ConfigProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
