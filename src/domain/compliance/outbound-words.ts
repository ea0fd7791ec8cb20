// Phrases our own replies must never contain. Flattened form (see text.ts).

/**
 * Steering language (HUD advertising guidance, NAR Code Article 10). Schools are included as
 * evaluative descriptors ("good schools", "top rated schools"): they are a well-known proxy for
 * familial status and race, so the bot names a district only as a fact, never as praise.
 */
export const STEERING_PHRASES = [
  'crime free|low crime|high crime|no crime|crime ridden|lots of crime|little crime|crime is low|crime is high',
  'bad (?:area|neighborhood|part of town|side of town|element)|rough (?:area|neighborhood|part of town|side of town)|wrong side of the tracks',
  '(?:good|great|perfect|ideal|best|wonderful|nice) (?:for|with) (?:families|a family|young families|kids|children|singles|couples|retirees)',
  'family friendly|family oriented|kid friendly|child friendly|young families|no kids|adults only|bachelor pad|empty nesters',
  'people like you|people like yourself|people like us|your kind of people|your kind|your type of people|your sort of people|like minded neighbors',
  'up and coming|exclusive (?:community|neighborhood|area|enclave|street)|desirable element|undesirable',
  '(?:good|great|best|top|excellent|top rated|highly rated|award winning|blue ribbon|strong|amazing|better|bad|poor) (?:schools|school|school district|school districts)',
  'ethnic|ethnically|diverse (?:neighborhood|area|community)|integrated neighborhood|racially|demographics',
  'church|churches|mosque|mosques|synagogue|synagogues|temple|temples|place of worship|places of worship',
  'zona roja|sin crimen|baja criminalidad|poco crimen|mucho crimen|mala zona|mal barrio',
  '(?:bueno|buena|ideal|perfecto|perfecta|excelente) para (?:familias|ninos|parejas|solteros|jubilados)',
  '(?:zona|barrio|ambiente|vecindario|colonia|comunidad) familiar',
  'gente como usted|gente como tu|gente como ustedes|su tipo de gente|tu tipo de gente|gente como nosotros',
  '(?:comunidad|zona|barrio|vecindario) exclusiv[oa]|(?:buenas|excelentes|mejores|malas) escuelas|etnico|etnica|iglesia|iglesias|mezquita|sinagoga',
].join('|');

export const DANGER_WORDS =
  'dangerous|unsafe|sketchy|seedy|peligroso|peligrosa|peligrosos|peligrosas|insegura|inseguro';
/** "safe bet", "safe deposit" and "safe to say" are not about a place. */
export const SAFE_WORDS_EN =
  'safe(?! (?:bet|deposit|investment|choice|option|offer|to say|to assume|harbor|and sound))|safer|safest';
export const SAFE_WORDS_ES = 'segura|seguro|seguras|seguros';
export const PLACE_WORDS =
  'neighborhood|neighborhoods|area|areas|community|communities|street|streets|block|part of town|side of town|city|town|zip code|suburb|enclave|location|place to live|place to raise|zona|zonas|barrio|barrios|vecindario|colonia|comunidad|calle|ciudad|cuadra';

/** Redirects such as "I can't speak to safety" are the compliant answer, not steering. */
export const REFUSAL =
  '(?:cant|cannot|can not|unable to|not able to|wont|dont|do not|not allowed to|no puedo|no podemos|no me corresponde)(?: [a-z]+){0,2} (?:speak|say|comment|characterize|describe|answer|tell|discuss|share|rate|judge|weigh in|steer|opinar|decir|hablar|comentar|describir|calificar)';

/** Internals that no reply may name, even an honest disclosure. */
export const INTERNAL_AI_TERMS =
  'anthropic|chatgpt|chat gpt|openai|open ai|gpt|gpt ?\\d|llm|llms|large language model|language model|modelo de lenguaje|my instructions|system prompt|my prompt|my programming|i was programmed|programmed to|training data|mis instrucciones|prompt del sistema|mi programacion';

/** Words that disclose automation; allowed only in the honest answer to a sincere question. */
export const DISCLOSURE_AI_TERMS =
  'ai|artificial intelligence|ia|inteligencia artificial|bot|bots|chatbot|robot|as a bot|as an ai|automated assistant|virtual assistant|automated system|digital assistant|asistente automatizado|asistente automatico|asistente virtual|asistente digital';

export const URL_TLDS =
  'com|net|org|io|co|us|info|biz|ly|me|app|dev|gov|edu|realtor|homes|house|properties|estate|realty|ai|gl|to|xyz|site|online|link|page|ca|mx|tv|club|top|live|shop|store|cc|ws|gg|li|tk|website|tech|land';
