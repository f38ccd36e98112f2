import pg from "pg";

/**
 * A dedicated connection that LISTENs on a channel and calls back on every
 * notification. Notifications only make a poll happen sooner, so a lost
 * connection is not an error: it reconnects with backoff, calling back once
 * on reconnect (changes may have arrived while it was away).
 */
export class ChangeListener {
  private client: pg.Client | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs = 250;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onChange: () => void,
  ) {}

  async start(): Promise<void> {
    await this.connect().catch(() => this.retry());
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 3000 });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel === this.channel) this.onChange();
    });
    this.client = client;
    await client.connect();
    await client.query(`listen ${pg.escapeIdentifier(this.channel)}`);
    this.delayMs = 250;
    this.onChange();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch(() => {
        if (this.client) this.lost(this.client);
        else this.retry();
      });
    }, this.delayMs);
    this.retryTimer.unref();
    this.delayMs = Math.min(5000, this.delayMs * 2);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
