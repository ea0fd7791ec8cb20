import type { BotsConfig } from '../domain/bots-config.ts';
import type { Channel } from '../domain/conversation.ts';

// The bots' wording and knowledge base as edited in the dashboard, versioned in the database.
// PostgreSQL/PGlite: adapters/postgres/script-versions-repo.ts. Text format: adapters/bots-config/scripts-codec.ts.

/** The two documents a realtor edits: the bots config file and the knowledge file, as YAML. */
export interface ScriptTexts {
  bots: string;
  knowledge: string;
}

export interface ScriptVersion extends ScriptTexts {
  id: number;
  author: string;
  note: string | null;
  /** The version this one rolled back to, when it is a roll back. */
  restoredFrom: number | null;
  createdAt: Date;
}

/** A saved conversation replayed against a draft: the lead's messages in order. */
export interface SavedConversation {
  locationId: string;
  contactId: string;
  name: string | null;
  firstName: string | null;
  tags: string[];
  messages: { text: string; channel: Channel; at: Date }[];
}

export interface ScriptVersionStore {
  /** The newest published version, or null before the first publish (the files at start-up apply). */
  latest(): Promise<ScriptVersion | null>;
  get(id: number): Promise<ScriptVersion | null>;
  /** Newest first. */
  list(limit: number): Promise<ScriptVersion[]>;
  insert(
    v: ScriptTexts & { author: string; note: string | null; restoredFrom: number | null; at: Date },
  ): Promise<ScriptVersion>;
  /** The most recently active conversations with their inbound messages (at most `perConversation` each). */
  savedConversations(opts: { limit: number; perConversation: number }): Promise<SavedConversation[]>;
}

export type ScriptsParse = { ok: true; bots: BotsConfig } | { ok: false; problems: string[] };

/** Reads the two documents exactly as start-up reads BOTS_CONFIG_FILE and KNOWLEDGE_FILE. */
export interface ScriptsCodec {
  parse(texts: ScriptTexts): ScriptsParse;
  /** The documents as start-up loaded them (the files, or the shipped defaults written out). */
  startupTexts(): ScriptTexts;
}
