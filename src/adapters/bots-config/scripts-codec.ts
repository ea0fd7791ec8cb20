import { readFileSync } from 'node:fs';
import { stringify as yamlStringify } from 'yaml';

// One line per wording (no folding), so an answer reads and edits as it is sent.
const stringify = (v: unknown) => yamlStringify(v, { lineWidth: 0 });
import { defaultBotsConfig } from '../../domain/bots-config.ts';
import { defaultKnowledgeBase } from '../../domain/knowledge/index.ts';
import type { ScriptsCodec, ScriptTexts } from '../../ports/script-versions.ts';
import { KnowledgeFileError, parseKnowledgeText } from '../knowledge/load-knowledge.ts';
import { type BotSettingsConfig, personaFromConfig } from './load-bot-settings.ts';
import { BotsConfigError, parseBotsConfigText } from './load-bots-config.ts';

const BOTS_LABEL = 'bots (wording and settings)';
const KNOWLEDGE_LABEL = 'knowledge base';

/** "Invalid … :\n  - a\n  - b" → ["a", "b"], each prefixed with the document it is in. */
function problemsOf(err: Error, label: string): string[] {
  const lines = err.message.split('\n').slice(1);
  const items = lines.map((l) => l.replace(/^\s+-\s/, '').trim()).filter(Boolean);
  return (items.length ? items : [err.message]).map((p) => `${label}: ${p}`);
}

/** A file as YAML text: YAML as written (comments kept), JSON turned into the same data as YAML. */
function asYaml(file: string): string {
  const text = readFileSync(file, 'utf8');
  return /\.ya?ml$/i.test(file) ? text : stringify(JSON.parse(text));
}

/**
 * The Scripts page's documents, read with the very checks start-up applies to BOTS_CONFIG_FILE and
 * KNOWLEDGE_FILE (YAML; JSON is valid YAML). The persona stays the environment's.
 */
export function createScriptsCodec(config: BotSettingsConfig): ScriptsCodec {
  const persona = personaFromConfig(config);
  return {
    parse(texts: ScriptTexts) {
      const problems: string[] = [];
      let bots = null;
      try {
        bots = parseBotsConfigText(persona, texts.bots, BOTS_LABEL, true);
      } catch (err) {
        if (!(err instanceof BotsConfigError)) throw err;
        problems.push(...problemsOf(err, BOTS_LABEL));
      }
      const base = bots ?? defaultBotsConfig(persona);
      let knowledge = null;
      try {
        knowledge = parseKnowledgeText(
          texts.knowledge,
          KNOWLEDGE_LABEL,
          true,
          base.persona,
          base.neighborhoods,
        );
      } catch (err) {
        if (!(err instanceof KnowledgeFileError)) throw err;
        problems.push(...problemsOf(err, KNOWLEDGE_LABEL));
      }
      if (!bots || !knowledge) return { ok: false, problems };
      return { ok: true, bots: { ...bots, knowledge } };
    },
    startupTexts() {
      const d = defaultBotsConfig(persona);
      const bots = config.BOTS_CONFIG_FILE
        ? asYaml(config.BOTS_CONFIG_FILE)
        : `# The bots' settings and wording (the format of BOTS_CONFIG_FILE).\n${stringify({
            neighborhoods: d.neighborhoods,
            thresholds: d.thresholds,
            tags: d.tags,
            questions: { en: {}, es: {} },
            objections: {},
          })}`;
      const knowledge = config.KNOWLEDGE_FILE
        ? asYaml(config.KNOWLEDGE_FILE)
        : `# Answers to leads' questions (docs/KNOWLEDGE_BASE.md). false = the agent answers that topic.\n${stringify(
            {
              topics: Object.fromEntries(
                Object.entries(defaultKnowledgeBase.topics).map(([k, v]) => [
                  k,
                  v ? { en: [...v.en], es: [...v.es] } : false,
                ]),
              ),
            },
          )}`;
      return { bots, knowledge };
    },
  };
}
