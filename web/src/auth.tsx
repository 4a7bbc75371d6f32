import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { Role } from "../../src/auth/roles.ts";
import { ApiError, get, post, setCsrfToken } from "./api.ts";

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleName: string;
  readonly organizationId: string | null;
  readonly county: string | null;
}

interface AuthState {
  readonly user: User | null;
  readonly loading: boolean;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const me = await get<{ user: User; csrfToken: string }>("/api/v1/auth/me");
      setCsrfToken(me.csrfToken);
      setUser(me.user);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
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
    const result = await post<{ user: User; csrfToken: string }>("/api/v1/auth/login", {
      username,
      password,
    });
    setCsrfToken(result.csrfToken);
    setUser(result.user);
    return result.user;
  }, []);
  const logout = useCallback(async () => {
    try {
      await post("/api/v1/auth/logout");
    } finally {
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
