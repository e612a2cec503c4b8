/**
 * A local fake of Discord for tests: an HTTP REST API (under `/api/v10`) and a WebSocket
 * gateway on 127.0.0.1, enough for the real discord.js client to log in, receive one guild and
 * answer interactions and messages. Every REST request is recorded so tests can assert the
 * payloads the bot sent. The gateway speaks uncompressed JSON: discord.js only asks for
 * zlib-stream when the optional `zlib-sync` package is installed, and it is not.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

// biome-ignore lint/suspicious/noExplicitAny: JSON from or for discord.js; tests assert it field by field
export type Json = any;

/** One REST request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or null. */
  body: Json;
  authorization: string | undefined;
  /**
   * The HTTP status the fake answered with (a fault's status when one was injected); undefined
   * when the client gave up on a hung request first (then `abandoned` is true).
   */
  status?: number;
  /** True when the client closed the connection while the fake was holding the request. */
  abandoned?: boolean;
}

/**
 * A fault for {@link FakeDiscord.failNext}: answer with `status` (and a Discord error body and
 * headers, e.g. `retry-after` for a 429), or hold the request `hangMs` before answering normally
 * (to make the client time out). A held request whose client hangs up first is recorded as
 * `abandoned`, with no status, the moment the client gives up.
 */
export type DiscordFault =
  | { status: number; body?: Json; headers?: Record<string, string> }
  | { hangMs: number };

/** A user as Discord sends it. */
export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

/** Permission bits (as in Discord's docs) the fake understands. */
export const PERMISSIONS = {
  CreateInstantInvite: 1n << 0n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** What the invite link asks for: everything the bot needs. */
export const BOT_PERMISSIONS =
  PERMISSIONS.ViewChannel |
  PERMISSIONS.SendMessages |
  PERMISSIONS.SendMessagesInThreads |
  PERMISSIONS.CreatePublicThreads |
  PERMISSIONS.EmbedLinks |
  PERMISSIONS.ReadMessageHistory;

/** Permissions of an ordinary member (no Manage Server). */
export const MEMBER_PERMISSIONS =
  PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.ReadMessageHistory;

/** Options of {@link FakeDiscord.start}. */
export interface FakeDiscordOptions {
  /** The @everyone role's permissions, which are the bot's (default {@link BOT_PERMISSIONS}). */
  botPermissions?: bigint;
  /**
   * `session_start_limit.max_concurrency` of `GET /gateway/bot` (default 1, as for most bots):
   * discord.js identifies one shard per 5 s per bucket, so tests with several shards per client
   * raise it to identify them at once.
   */
  maxConcurrency?: number;
  /** The 127.0.0.1 port to listen on (default: any free port). */
  port?: number;
}

/** A slash-command option as it appears in an interaction payload. */
export interface InteractionOption {
  name: string;
  type: number;
  value?: string | boolean;
  focused?: boolean;
}

type Waiter = {
  predicate: (r: RecordedRequest) => boolean;
  count: number;
  resolve: (r: RecordedRequest[]) => void;
};

const ISO = "2026-01-01T00:00:00.000Z";

/** A running fake. Start with {@link FakeDiscord.start}; always {@link FakeDiscord.stop}. */
export class FakeDiscord {
  readonly botUser: FakeUser = {
    id: "100000000000000001",
    username: "hotline",
    discriminator: "0",
    global_name: null,
    avatar: null,
    bot: true,
  };
  readonly applicationId = "100000000000000002";
  readonly guildId = "200000000000000001";
  readonly ownerId = "400000000000000009";
  readonly channelId = "300000000000000001";
  readonly threadId = "300000000000000002";
  readonly token = "fake-bot-token";
  readonly requests: RecordedRequest[] = [];
  /** IDENTIFY payloads received. */
  readonly identifies: Json[] = [];
  /** When set, thread creation answers 403 Missing Permissions whatever the role says. */
  refuseThreads = false;
  /**
   * How long a message `nonce` sent with `enforce_nonce: true` is remembered: a repeat within it
   * answers with the first message and posts nothing, as Discord does ("a few minutes").
   */
  nonceWindowMs = 5 * 60_000;
  /** Channel messages actually created (a nonce repeat creates none), in order. */
  readonly posted: Array<{ channelId: string; message: Json }> = [];
  private nonces = new Map<string, { message: Json; at: number }>();

  private server!: Server;
  private gateway!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private nextId = 500000000000000000n;
  private waiters: Waiter[] = [];
  private faults: { match: (r: RecordedRequest) => boolean; fault: DiscordFault }[] = [];
  private botPermissions: bigint;
  private readonly maxConcurrency: number;

  private constructor(options: FakeDiscordOptions) {
    this.botPermissions = options.botPermissions ?? BOT_PERMISSIONS;
    this.maxConcurrency = options.maxConcurrency ?? 1;
  }

  /** Starts REST and gateway on one 127.0.0.1 port (ephemeral unless `options.port`). */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server = createServer((req, res) => {
      void fake.handle(req, res);
    });
    fake.gateway = new WebSocketServer({ server: fake.server, path: "/gateway" });
    fake.gateway.on("connection", (socket) => fake.connect(socket));
    fake.server.listen(options.port ?? 0, "127.0.0.1");
    await once(fake.server, "listening");
    return fake;
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  /** The base address for discord.js `rest.api` / `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `ws://${this.origin}/gateway`;
  }

  /** A fresh snowflake. */
  id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves with the first `count` recorded requests matching `predicate` (past or future). */
  waitForRequests(
    predicate: (r: RecordedRequest) => boolean,
    count = 1,
  ): Promise<RecordedRequest[]> {
    const matched = this.requests.filter(predicate);
    if (matched.length >= count) return Promise.resolve(matched.slice(0, count));
    return new Promise((resolve) => this.waiters.push({ predicate, count, resolve }));
  }

  /**
   * Makes the next request matching `match` fail with `fault` (once; queue several for several
   * failures). The faulted request is recorded too, with the fault's `status`.
   */
  failNext(match: (r: RecordedRequest) => boolean, fault: DiscordFault): void {
    this.faults.push({ match, fault });
  }

  /** Requests recorded so far that match. */
  find(predicate: (r: RecordedRequest) => boolean): RecordedRequest[] {
    return this.requests.filter(predicate);
  }

  /** Changes the bot's permissions (the @everyone role) and tells connected clients. */
  setBotPermissions(permissions: bigint): void {
    this.botPermissions = permissions;
    this.dispatch("GUILD_ROLE_UPDATE", { guild_id: this.guildId, role: this.everyoneRole() });
  }

  /** The id of the fake's direct-message channel with `userId` (stable per user). */
  dmChannelId(userId: string): string {
    return `7${userId.slice(1)}`;
  }

  /** A human member. */
  user(id = "400000000000000001", username = "asker"): FakeUser {
    return { id, username, discriminator: "0", global_name: username, avatar: null };
  }

  /**
   * Dispatches a chat-input INTERACTION_CREATE for `/hotline <subcommand>` and returns the
   * interaction's id and token (callbacks arrive at `/interactions/<id>/<token>/callback`).
   */
  sendCommand(
    subcommand: string,
    options: InteractionOption[] = [],
    member: { user?: FakeUser; permissions?: bigint } = {},
  ): { id: string; token: string } {
    return this.sendInteraction(2, { name: subcommand, options }, member);
  }

  /** Dispatches an autocomplete interaction with `value` typed into `option` (focused). */
  sendAutocomplete(
    subcommand: string,
    option: string,
    value: string,
  ): { id: string; token: string } {
    return this.sendInteraction(4, {
      name: subcommand,
      options: [{ name: option, type: 3, value, focused: true }],
    });
  }

  private sendInteraction(
    type: number,
    sub: { name: string; options: InteractionOption[] },
    member: { user?: FakeUser; permissions?: bigint } = {},
  ): { id: string; token: string } {
    const id = this.id();
    const token = `interaction-token-${id}`;
    const user = member.user ?? this.user();
    const permissions = (member.permissions ?? MEMBER_PERMISSIONS).toString();
    this.dispatch("INTERACTION_CREATE", {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data: {
        id: "600000000000000001",
        name: "hotline",
        type: 1,
        options: [{ type: 1, name: sub.name, options: sub.options }],
      },
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: this.textChannel(),
      member: {
        user,
        roles: [],
        permissions,
        joined_at: ISO,
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
      },
      app_permissions: this.botPermissions.toString(),
      locale: "en-GB",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": this.guildId },
      context: 0,
    });
    return { id, token };
  }

  /**
   * Dispatches MESSAGE_CREATE from `author` in `channelId` (default the text channel). Mentions
   * are derived from `<@id>` in the content, as Discord does. Returns the message id.
   */
  sendMessage(content: string, options: { author?: FakeUser; channelId?: string } = {}): string {
    const id = this.id();
    const author = options.author ?? this.user();
    const mentioned = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
    const mentions = mentioned.includes(this.botUser.id)
      ? [
          {
            ...this.botUser,
            member: { roles: [], joined_at: ISO, deaf: false, mute: false, flags: 0 },
          },
        ]
      : [];
    this.dispatch("MESSAGE_CREATE", {
      id,
      channel_id: options.channelId ?? this.channelId,
      guild_id: this.guildId,
      author,
      member: { roles: [], joined_at: ISO, deaf: false, mute: false, flags: 0 },
      content,
      timestamp: ISO,
      edited_timestamp: null,
      tts: false,
      mention_everyone: content.includes("@everyone"),
      mentions,
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
    });
    return id;
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: this.seq, d });
    for (const socket of this.sockets) socket.send(frame);
  }

  private connect(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Json };
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identifies.push(packet.d);
        this.ready(socket, packet.d.shard ?? [0, 1]);
      }
    });
    // A long interval: tests never wait for heartbeats, and fewer frames keep logs quiet.
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
  }

  /** READY, then GUILD_CREATE if the guild lives on this shard (Discord's `(id >> 22) % count`). */
  private ready(socket: WebSocket, [shardId, shardCount]: [number, number]): void {
    const mine = Number((BigInt(this.guildId) >> 22n) % BigInt(shardCount)) === shardId;
    const send = (t: string, d: unknown) => {
      this.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
    };
    send("READY", {
      v: 10,
      user: this.botUser,
      guilds: mine ? [{ id: this.guildId, unavailable: true }] : [],
      session_id: "fake-session",
      resume_gateway_url: this.gatewayUrl,
      shard: [shardId, shardCount],
      application: { id: this.applicationId, flags: 0 },
    });
    if (mine) send("GUILD_CREATE", this.guild());
  }

  private everyoneRole() {
    return {
      id: this.guildId,
      name: "@everyone",
      permissions: this.botPermissions.toString(),
      position: 0,
      color: 0,
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0,
    };
  }

  private textChannel() {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: "general",
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  private thread(id: string, name: string, ownerId: string) {
    return {
      id,
      type: 11,
      guild_id: this.guildId,
      parent_id: this.channelId,
      owner_id: ownerId,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: ISO,
        locked: false,
      },
    };
  }

  private guild() {
    return {
      id: this.guildId,
      name: "Hotline Test Server",
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [this.everyoneRole()],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: "en-US",
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: ISO,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [
        { user: this.botUser, roles: [], joined_at: ISO, deaf: false, mute: false, flags: 0 },
      ],
      channels: [this.textChannel()],
      threads: [this.thread(this.threadId, "existing thread", this.ownerId)],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private message(channelId: string, body: Json) {
    return {
      id: this.id(),
      channel_id: channelId,
      author: this.botUser,
      content: body?.content ?? "",
      embeds: body?.embeds ?? [],
      timestamp: ISO,
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: 0,
      flags: body?.flags ?? 0,
      ...(channelId === this.channelId || channelId === this.threadId
        ? { guild_id: this.guildId }
        : {}),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", `http://${this.origin}`);
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    let body: Json = null;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const request: RecordedRequest = {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      body,
      authorization: req.headers.authorization,
    };
    const faultIndex = this.faults.findIndex((f) => f.match(request));
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0]?.fault : undefined;
    if (fault && "hangMs" in fault) {
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), fault.hangMs);
        }),
        once(res, "close").then(() => true),
      ]);
      clearTimeout(timer);
      if (gaveUp) {
        request.abandoned = true;
        this.record(request);
        return;
      }
    }
    const [status, payload] =
      fault && "status" in fault
        ? [fault.status, fault.body ?? { message: "Injected fault", code: 0 }]
        : this.route(request);
    request.status = status;
    if (!res.destroyed) {
      res.writeHead(status, {
        ...(payload === undefined ? {} : { "content-type": "application/json" }),
        ...(fault && "headers" in fault ? fault.headers : {}),
      });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    }
    // Record after answering so a waiter sees the request only once the client got its response.
    this.record(request);
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    this.waiters = this.waiters.filter((waiter) => {
      const matched = this.requests.filter(waiter.predicate);
      if (matched.length < waiter.count) return true;
      waiter.resolve(matched.slice(0, waiter.count));
      return false;
    });
  }

  private route(r: RecordedRequest): [number, unknown] {
    const m = (pattern: RegExp) => pattern.exec(r.path);
    // As Discord: a bot route with a token other than the bot's is refused (an invalid token).
    const botRoute = r.path === "/gateway/bot" || r.path.startsWith("/users/@me");
    if (botRoute && r.authorization !== `Bot ${this.token}`) {
      return [401, { message: "401: Unauthorized", code: 0 }];
    }
    if (r.method === "GET" && r.path === "/gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 0,
            max_concurrency: this.maxConcurrency,
          },
        },
      ];
    }
    if (r.method === "GET" && r.path === "/users/@me") return [200, this.botUser];
    if (r.method === "POST" && r.path === "/users/@me/channels") {
      const recipient = this.user(String(r.body?.recipient_id));
      return [
        200,
        {
          id: this.dmChannelId(recipient.id),
          type: 1,
          recipients: [recipient],
          last_message_id: null,
          flags: 0,
        },
      ];
    }
    if (r.method === "POST" && m(/^\/interactions\/\d+\/[^/]+\/callback$/)) return [204, undefined];
    if (m(/^\/webhooks\/\d+\/[^/]+(\/messages\/@original)?$/)) {
      if (r.method === "DELETE") return [204, undefined];
      return [200, this.message(this.channelId, r.body)];
    }
    if (r.method === "POST" && m(/^\/channels\/\d+\/messages\/\d+\/threads$/)) {
      const canThread = (this.botPermissions & PERMISSIONS.CreatePublicThreads) !== 0n;
      if (this.refuseThreads || !canThread)
        return [403, { message: "Missing Permissions", code: 50013 }];
      return [201, this.thread(this.id(), String(r.body?.name), this.botUser.id)];
    }
    const post = r.method === "POST" ? m(/^\/channels\/(\d+)\/messages$/) : null;
    if (post) {
      const channelId = post[1] as string;
      const nonce = r.body?.enforce_nonce === true ? r.body?.nonce : undefined;
      const key = `${channelId}/${String(nonce)}`;
      const seen = nonce === undefined ? undefined : this.nonces.get(key);
      if (seen && Date.now() - seen.at < this.nonceWindowMs) return [200, seen.message];
      const message = { ...this.message(channelId, r.body), nonce: r.body?.nonce ?? null };
      if (nonce !== undefined) this.nonces.set(key, { message, at: Date.now() });
      this.posted.push({ channelId, message });
      return [200, message];
    }
    if (r.method === "PUT" && m(/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/)) {
      const commands = Array.isArray(r.body) ? r.body : [];
      return [
        200,
        commands.map((c: object) => ({
          ...c,
          id: this.id(),
          application_id: this.applicationId,
          version: "1",
        })),
      ];
    }
    return [404, { message: `Unknown route ${r.method} ${r.path}`, code: 0 }];
  }
}
