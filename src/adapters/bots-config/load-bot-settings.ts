import type { Config } from '../../config.ts';
import type { BotsConfig, Persona } from '../../domain/bots-config.ts';
import { clean } from '../../domain/clean.ts';
import { loadKnowledge } from '../knowledge/load-knowledge.ts';
import { loadBotsConfig } from './load-bots-config.ts';

export type BotSettingsConfig = Pick<
  Config,
  | 'AGENT_NAME'
  | 'MARKET'
  | 'TIMEZONE'
  | 'ASSISTANT_NAME'
  | 'BROKERAGE'
  | 'AGENT_LICENSE_NUMBER'
  | 'BOTS_CONFIG_FILE'
  | 'KNOWLEDGE_FILE'
>;

/** The persona as the environment sets it; optional parts left unset are absent. */
export function personaFromConfig(config: BotSettingsConfig): Persona {
  return {
    agentName: config.AGENT_NAME,
    market: config.MARKET,
    timezone: config.TIMEZONE,
    ...clean({
      assistantName: config.ASSISTANT_NAME,
      brokerage: config.BROKERAGE,
      licenseNumber: config.AGENT_LICENSE_NUMBER,
    }),
  };
}

/**
 * Everything the bots read, as start-up loads it: persona from the environment, BOTS_CONFIG_FILE
 * over the defaults, then KNOWLEDGE_FILE checked against the final persona. A bad file throws.
 */
export function loadBotSettings(config: BotSettingsConfig): BotsConfig {
  const bots = loadBotsConfig(personaFromConfig(config), config.BOTS_CONFIG_FILE);
  return { ...bots, knowledge: loadKnowledge(config.KNOWLEDGE_FILE, bots.persona, bots.neighborhoods) };
}
