import type { BotsConfig } from '../../domain/bots-config.ts';
import type { CountLookup } from '../../observability/cache-metrics.ts';
import type {
  ScriptsCodec,
  ScriptTexts,
  ScriptVersion,
  ScriptVersionStore,
} from '../../ports/script-versions.ts';
import { type ReplayData, type ReplayResult, replayConversations } from './replay-scripts.ts';

export interface LiveScriptsDeps {
  store: ScriptVersionStore;
  codec: ScriptsCodec;
  /** The bots' settings as start-up loaded them: live until the first publish. */
  startup: BotsConfig;
  /** How long the published version is reused before it is read again (other replicas' publishes). */
  ttlMs?: number;
  now: () => Date;
  monotonicMs?: () => number;
  /** Listings and comps the replayed turns read, as the live turns do. */
  replayData: ReplayData;
  /** How many recent conversations a replay re-runs, and how many lead messages of each. */
  replayLimit?: { conversations: number; messages: number };
  /** Counts each lookup of the cache as a hit or a miss (jorge_cache_requests_total). */
  onLookup?: CountLookup;
}

export type PublishResult = { ok: true; version: ScriptVersion } | { ok: false; problems: string[] };

/**
 * The bots' wording and knowledge base the live bots use: the newest published version, read
 * through a short cache (a publish here clears it at once, other replicas see it within `ttlMs`),
 * or the start-up files before anything was published. A stored version that no longer parses
 * (a later code change made it invalid) is skipped for the start-up settings, never half-used.
 */
export function createLiveScripts(deps: LiveScriptsDeps) {
  const ttl = deps.ttlMs ?? 30_000;
  const clock = deps.monotonicMs ?? (() => performance.now());
  let cached: { until: number; bots: BotsConfig; versionId: number | null } | null = null;

  async function load() {
    const v = await deps.store.latest();
    if (!v) return { bots: deps.startup, versionId: null };
    const parsed = deps.codec.parse(v);
    return parsed.ok ? { bots: parsed.bots, versionId: v.id } : { bots: deps.startup, versionId: null };
  }

  async function current(): Promise<BotsConfig> {
    const t = clock();
    deps.onLookup?.(cached && cached.until > t ? 'hit' : 'miss');
    if (cached && cached.until > t) return cached.bots;
    const l = await load();
    cached = { until: t + ttl, ...l };
    return l.bots;
  }

  /** The texts the editor opens with: the published version, else the start-up documents. */
  async function publishedTexts(): Promise<{ texts: ScriptTexts; version: ScriptVersion | null }> {
    const v = await deps.store.latest();
    return v
      ? { texts: { bots: v.bots, knowledge: v.knowledge }, version: v }
      : { texts: deps.codec.startupTexts(), version: null };
  }

  async function publish(
    texts: ScriptTexts,
    who: { author: string; note: string | null; restoredFrom?: number },
  ): Promise<PublishResult> {
    const parsed = deps.codec.parse(texts);
    if (!parsed.ok) return parsed;
    const version = await deps.store.insert({
      ...texts,
      author: who.author,
      note: who.note,
      restoredFrom: who.restoredFrom ?? null,
      at: deps.now(),
    });
    cached = { until: clock() + ttl, bots: parsed.bots, versionId: version.id };
    return { ok: true, version };
  }

  /** Publishes an older version's texts again as a new version (the history keeps both). */
  async function rollBack(
    id: number,
    author: string,
  ): Promise<PublishResult | { ok: false; problems: string[]; notFound: true }> {
    const v = await deps.store.get(id);
    if (!v) return { ok: false, problems: [`no version ${id}`], notFound: true };
    return publish(
      { bots: v.bots, knowledge: v.knowledge },
      { author, note: `Rolled back to version ${id}`, restoredFrom: id },
    );
  }

  /** Every reply of recent saved conversations that the draft would change (nothing is sent). */
  async function replay(
    draft: ScriptTexts,
  ): Promise<{ ok: true; result: ReplayResult } | { ok: false; problems: string[] }> {
    const parsed = deps.codec.parse(draft);
    if (!parsed.ok) return parsed;
    const lim = deps.replayLimit ?? { conversations: 50, messages: 30 };
    const convs = await deps.store.savedConversations({
      limit: lim.conversations,
      perConversation: lim.messages,
    });
    return { ok: true, result: replayConversations(convs, await current(), parsed.bots, deps.replayData) };
  }

  return {
    current,
    publishedTexts,
    publish,
    rollBack,
    replay,
    history: (limit: number) => deps.store.list(limit),
    version: (id: number) => deps.store.get(id),
    parse: (t: ScriptTexts) => deps.codec.parse(t),
  };
}

export type LiveScripts = ReturnType<typeof createLiveScripts>;
