import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import "dayjs/locale/zh-cn";
import { App } from "./App.tsx";
import { queryClient } from "./api/client.ts";
import { AuthProvider } from "./auth.tsx";

/**
 * A coloured tag writes its text in the palette's shade 7 on shade 1: one shade darker (two for
 * lime) reads at 4.5:1 or better; the tag's background and border keep their colour. antd keeps
 * each shade under two names (blue7 and blue-7, one CSS variable), so both are set.
 */
const TAG_TEXT = Object.fromEntries(
  Object.entries({
    green: "#237804",
    cyan: "#006d75",
    blue: "#003eb3",
    geekblue: "#10239e",
    purple: "#391085",
    magenta: "#9e1068",
    red: "#a8071a",
    volcano: "#871400",
    orange: "#873800",
    gold: "#874d00",
    yellow: "#876800",
    lime: "#3f6600",
  }).flatMap(([color, shade]) => [
    [`${color}7`, shade],
    [`${color}-7`, shade],
  ]),
);

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
    ...TAG_TEXT,
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
