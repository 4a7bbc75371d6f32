import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { fetchClient, queryClient } from "./api/client.ts";
import type { Schema } from "./api/types.ts";
import { setCsrfToken } from "./api.ts";

export type User = Schema<"SessionUser">;

interface AuthState {
  readonly user: User | null;
  readonly loading: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Who is signed in, asked once when the app opens (GET /auth/session: a visitor is an answer, not
 * an error). Signing in or out drops every cached answer, which belonged to the previous person.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const { data } = await fetchClient.GET("/api/v1/auth/session");
      setCsrfToken(data?.session?.csrfToken ?? null);
      setUser(data?.session?.user ?? null);
    } catch {
      setCsrfToken(null);
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const login = useCallback(async (username: string, password: string) => {
    const { data } = await fetchClient.POST("/api/v1/auth/login", {
      body: { username, password },
    });
    if (!data) throw new Error("登录失败");
    queryClient.clear();
    setCsrfToken(data.csrfToken);
    setUser(data.user);
    return data.user;
  }, []);
  const logout = useCallback(async () => {
    try {
      await fetchClient.POST("/api/v1/auth/logout");
    } finally {
      queryClient.clear();
      setCsrfToken(null);
      setUser(null);
    }
  }, []);
  return (
    <AuthContext.Provider value={{ user, loading, login, logout, refresh }}>
      {children}
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth outside AuthProvider");
  return state;
}
