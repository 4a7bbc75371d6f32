import type { Permission } from "../auth/access.ts";

/**
 * A record's life as data: its states, its actions and the transitions between them. Pure: the
 * web reads the same tables to name states and to offer only the actions that are open.
 */
export interface Transition<S extends string, A extends string> {
  readonly action: A;
  /** null: the action creates the record in `to`. */
  readonly from: S | null;
  readonly to: S;
  /** null: anyone may take it, the public included (an objection). */
  readonly permission: Permission | null;
  /** Whether the official must give a reason (a return, a rejection, an upheld objection). */
  readonly commentRequired: boolean;
  /** Whether the scheduled jobs (the system actor) may take it. */
  readonly system: boolean;
}

export interface Machine<K extends string, S extends string, A extends string> {
  readonly kind: K;
  /** What the record is called, for messages: 申报, 公示批次… */
  readonly title: string;
  readonly states: readonly S[];
  readonly stateNames: Readonly<Record<S, string>>;
  readonly actionNames: Readonly<Record<A, string>>;
  readonly transitions: readonly Transition<S, A>[];
}

type Options = Partial<Pick<Transition<string, string>, "commentRequired" | "system">>;

/** One row of a transition table: `step("approve", "city_review", "approved", "review.city")`. */
export function step<S extends string, A extends string>(
  action: A,
  from: S | null,
  to: S,
  permission: Permission | null,
  options: Options = {},
): Transition<S, A> {
  return {
    action,
    from,
    to,
    permission,
    commentRequired: options.commentRequired ?? false,
    system: options.system ?? false,
  };
}

/** The same action from several states. */
export function steps<S extends string, A extends string>(
  action: A,
  from: readonly (S | null)[],
  to: S,
  permission: Permission | null,
  options: Options = {},
): Transition<S, A>[] {
  return from.map((f) => step(action, f, to, permission, options));
}
