/**
 * The channels replicas notify each other on (PostgreSQL LISTEN/NOTIFY), with what each carries.
 * Apart from notifications.ts so that the embedded engine never loads the PostgreSQL client.
 */
export const CHANNELS = {
  /** A server id whose settings changed (sent in the change's transaction). */
  settings: "settings_changed",
  /** A limit's count for a key, as the shared table has it. */
  limits: "limits_counted",
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
