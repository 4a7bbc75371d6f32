/** A signed-in client of the real HTTP API: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<{ status: number; json: any }> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const json: any = await res.json();
    const setCookie = res.headers.get("set-cookie");
    if (res.ok && setCookie) {
      this.cookie = setCookie.split(";")[0] ?? null;
      this.csrfToken = json.csrfToken;
    }
    return { status: res.status, json };
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<{ status: number; json: any; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.csrf !== false && method !== "GET")
      headers["x-csrf-token"] = this.csrfToken;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const type = res.headers.get("content-type") ?? "";
    const json = type.includes("json") ? await res.json() : await res.arrayBuffer();
    return { status: res.status, json, headers: res.headers };
  }

  get(path: string) {
    return this.request("GET", path);
  }
  post(path: string, body: unknown = {}) {
    return this.request("POST", path, body);
  }
  patch(path: string, body: unknown) {
    return this.request("PATCH", path, body);
  }
  put(path: string, body: unknown) {
    return this.request("PUT", path, body);
  }

  /** Uploads one evidence file as multipart/form-data (field `file`). */
  upload(applicationId: string, name: string, data: Uint8Array, type = "application/octet-stream") {
    const form = new FormData();
    form.append("file", new Blob([data], { type }), name);
    return this.request("POST", `/api/v1/applications/${applicationId}/evidence`, form);
  }
}

/**
 * A sign-in sent from another loopback source address (127.0.0.2, …), as a user at another
 * computer would: the server sees that address as the request's ip.
 */
export async function loginFrom(
  baseUrl: string,
  localAddress: string,
  username: string,
  password: string,
): Promise<{ status: number; json: any }> {
  const { request } = await import("node:http");
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1/auth/login`,
      {
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
