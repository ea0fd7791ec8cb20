// The cue lists that grade a house's condition wherever they appear in a message (condition.ts
// reads them). Each list is one regular expression of alternatives, read on simplified text.

const cues = (alternatives: readonly string[]) => new RegExp(`\\b(?:${alternatives.join('|')})\\b`);

// Said of a house, each of these grades it wherever it appears in the message.
export const POOR_CUES = cues([
  // "there was a kitchen fire in march", "se quemó la mitad de la casa".
  '(?:kitchen|house|garage) fire|(?:there was|we had|had) a fire|se quemo|se nos quemo|incendio',
  'tear ?down',
  'knock (?:it )?down',
  'bulldoz\\w*',
  '(?:fire|smoke) damage',
  // Not "we got burned on a deal".
  '(?<!\\b(?:got|get|been|getting) )burn(?:ed|t)(?! (?:on|by|before|bad|again))(?: down| out)?',
  '(?:had|was) a fire',
  "foundation(?:'?s| is)? (?:cracks?|cracked|issues?|problems?|damage|bad|shot|sinking|failing)|foundation (?:is|s) (?:cracked|bad|shot|sinking|failing)",
  'cracked foundation',
  '(?:nobody|no one|noone) (?:can|could) live (?:in it|there)',
  '(?:cant|cannot|can not) (?:live|stay) in it',
  'not livable',
  'no se puede vivir',
  '(?:black |toxic )?mold|moho',
  'problemas (?:de|con) (?:la |los )?(?:cimientos|cimentacion)',
  'uninhabitable|unlivable|condemned|inhabitable',
  '(?:needs|has) to be gutted',
  'needs? gutting',
  'gut job',
  'falling apart',
  // Not "the timing is stressing me out so bad".
  '(?<!(?:out|me|us|it|him|her|them) )(?:really|very|super|so|pretty) (?:rough|bad)(?! (?:at|for|with))',
  'disaster',
  '(?:tumbar|derrumbar)\\w*|tirar(?:la|lo)',
  // "el techo está muy mal" is one part of the house: needs_work (below), not the whole of it.
  '(?<!(?:techo|roof|cocina|kitchen|ac|aire|pool|alberca|plomeria|plumbing|bano|bathroom|piso|pisos|floors|carpet|alfombra) (?:esta|is|s) )muy mal',
  'mal(?:as|isimas?) condiciones',
  '(?:pesimo|terrible) estado',
  'se (?:esta )?cayendo',
]);
export const NEEDS_WORK_CUES = cues([
  // "tiene humedad en las paredes y el piso del baño está podrido".
  'humedad en (?:las|la) (?:paredes|pared|techo)|podrid[oa]s?',
  // "la dejaron muy maltratada, hoyos en las paredes y la alfombra destruida".
  'hoyos en (?:las|la) (?:paredes|pared)|(?:muy |bien )?maltratad[oa]|(?:alfombra|piso|pisos|paredes) (?:destruid[oa]s?|destrozad[oa]s?)',
  '(?:it|house|place) needs a lot\\b(?! of)',
  'fixer(?:[- ]?upper)?',
  '(?:a |theres a |there is a |has a |got a )?(?:leak|leaks|leaking)(?: [a-z]+)? (?:under|in|from|behind)',
  '(?:techo|roof|cocina|kitchen|ac|aire|pool|alberca|plomeria|plumbing|bano|bathroom|piso|pisos|floors) (?:esta|is|s|are|estan) (?:muy |really |pretty |so )?(?:mal|bad|rough|shot|terrible)',
  'handyman special',
  // "roof is at the end of its life", "the water heater needs replacing".
  '(?:at |near )?the end of (?:its|their) (?:life|lifespan)|needs? (?:to be )?replac(?:ed|ing)',
  'needs? (?:a lot of |lots of |tons of |major |serious |real |some real |some )?(?:work|repairs|fixing)(?! done)',
  'major (?:repairs?|work|issues?)',
  'needs? (?:a )?(?:new )?(?:roof|plumbing|electrical|rewiring|sewer|hvac|ac)\\b',
  '(?:roof|plumbing|pipes?|sewer|hvac|ac) (?:leaks?|leaking|(?:is|are) (?:old|bad|shot|broken|out)|issues?|problems?)',
  '(?:leaky|leaking|bad) roof',
  'no (?:ac|a\\/c|heat|heating)\\b',
  '(?:water|flood|termite|storm) damage',
  'termites?',
  '(?:a|total|complete|big) mess',
  'trashed|destroyed|wrecked|hoarder|run ?down|asbestos|(?:a|total) dump',
  // Damage left behind: "holes in the walls", "they did a number on it".
  'holes? in (?:the |a |every )?(?:\\w+ )?walls?',
  'did a number on (?:it|the (?:house|place))',
  'flood(?:ed|ing)?',
  'half[- ](?:done|finished|remodeled|gutted)|unfinished|never (?:got )?(?:finished|ended|completed)',
  'hay que (?:arreglar|reparar)\\w*',
  // "hay que cambiar el techo", "the AC quit on us and we never fixed it", "the fence is falling over"
  // (a pool that "needs resurfacing" stays fair or good: train and dev9 say so).
  '(?:hay que|tenemos que|tengo que) cambiar (?:el |la |los |las )?(?:techo|plomeria|cimientos|tuberia|aire|ac)|(?:ac|a\\/c|hvac|furnace|water heater|heater) (?:quit|died|broke|went out|stopped working)|(?:fence|deck|garage|roof|porch|ceiling) (?:is )?falling (?:over|down|apart|in)',
  '(?:arreglar|reparar)\\w* (?:el |la |los |las )?(?:techo|plomeria|cimientos|piso|cocina)',
  'needs? (?:a lot of|lots of|tons of|significant|extensive|a ton of|so much|a full|complete|total) (?!updating|updates|tlc|love)\\w+',
  'needs to be (?:redone|remodeled)',
  // "needs new everything": all of it replaced, not new already.
  'needs? (?:all )?new everything|needs? everything (?:new|replaced|redone)',
  'muchas reparaciones|reparaciones mayores|para remodelar',
  'problemas de (?:plomeria|techo)',
  '(?:techo|tejado) (?:gotea|con goteras)',
  // "needs paint, flooring, the works"; condition.ts drops it from a list of what was done.
  'the works\\b',
  '(?:redo|replace|fix|rip out) the (?:whole |entire )?(?:sewer|roof|foundation|plumbing)(?: line)?',
  'needs (?:everything|a full remodel|to be remodeled)',
  '(?:mucho|bastante) (?:trabajo|arreglo)',
  '(?:necesita|ocupa|le falta|le hace falta) (?:muchos? )?(?:arreglos?|reparaciones|trabajo|techo|plomeria|electricidad)',
  // "necesita de todo, el techo, la plomería".
  '(?:necesita|ocupa|le falta|le hace falta) de todo',
  'mal estado',
  'goteras?|termitas',
  'danos? (?:de|por) agua',
]);
export const FAIR_CUES = cues([
  // "la casa necesita cariño pero está bien": needs TLC.
  'necesita (?:un poco de |algo de |mucho )?(?:carino|amor|manita de gato)',
  // "hay que darle una ayudadita a la cocina y pintar".
  '(?:darle|necesita|ocupa|le falta) (?:una )?(?:ayudadita|arregladita)',
  'dated|outdated',
  'original (?:(?:19|20)\\d\\d )?(?:everything|kitchen|bath|baths|bathrooms?|condition|owner)',
  '(?:kitchen|baths?|bathrooms?|everything)(?: and (?:baths?|bathrooms?|kitchen))? (?:is|are) (?:all |still |mostly )?original',
  'all original',
  // "house is older but solid".
  '(?:house|home|place|its) (?:is )?older',
  // "original but well kept": dated, whatever the upkeep.
  '(?:^|mostly |still |its |everything )original(?:,)? (?:but|and|pero|y)\\b',
  // "the rest is original 80s", "original 70s everything": dated but livable.
  '(?:the )?rest (?:is|s|of (?:it|the house) is) (?:all |mostly |still |pretty much )?(?:original|dated|old)',
  'original (?:19)?[5-9]0s',
  // "es original de 1975", "original from the 80s".
  'original(?:es)? (?:de|del|from) (?:(?:19|20)\\d\\d|(?:the |los )?(?:19)?[5-9]0s?)',
  // "la cocina es original", "los baños son originales", "todo original".
  '(?:cocina|banos?|todo)(?: y (?:la cocina|los banos?|el bano))? (?:es|son|esta|estan) (?:tod[oa]s? |los |las |la |el )?original(?:es)?',
  '(?:cocina|banos?|todo) original(?:es)?',
  // Of the house, not of one thing in it ("the carpet's kinda old" is cosmetic).
  '(?<!(?:carpets?|floors?|flooring|paint|appliances|cabinets|counters|fixtures) (?:is |are |s )?)(?:its|house is|its kinda|kinda|pretty) old',
  'needs? (?:some |a little |a bit of |minor |a lot of |lots of )?(?:updating|updates|tlc|love|work here and there)',
  'needs (?:a little|a bit of|minor) (?:work|repairs)',
  '(?:a )?few (?:repairs|fixes)|small (?:repairs|fixes)|little (?:work|tlc)',
  'minor (?:repairs?|work|fixes|issues|updates)',
  '(?:some|a few|minor|small) (?:updates|upgrades|repairs|fixes|work) (?:needed|necessary|required|to do)',
  'needs? (?:a |some )?(?:kitchen|bathroom|bath) (?:update|remodel)',
  'needs? (?:some )?updat\\w*',
  'pequenas reparaciones|algunas reparaciones|algunos detalles|un poco de trabajo|algo de trabajo|algo anticuada',
  'could use (?:some )?(?:updating|updates|tlc|work|love)',
  '(?:nothing|hasnt been|not been|never been) (?:\\w+ )?(?:touched|updated|remodeled) (?:since|in)',
  // "nothing's been updated", "nothing has been touched": dated, whenever it was bought.
  '(?:nothings|nothing has|nothing s) (?:been )?(?:touched|updated|remodeled|upgraded)',
  'since the (?:[5-9]0s|fifties|sixties|seventies|eighties|nineties)',
  'livable',
  'so[- ]?so',
  'average|mediocre',
  'nothing special',
  'regular|viejita|vieja|antigua|anticuada|asi asi|ni bien ni mal',
  'le falta (?:actualizar|una (?:buena )?manita(?! de pintura))',
  '(?<!no )se puede vivir',
  'arreglitos|detallitos',
]);
export const GOOD_CUES = cues([
  // "good, just normal wear and tear": nothing beyond use.
  '(?:normal|usual|regular|ordinary|general) wear and tear|just wear and tear',
  '(?:pretty|really|very) good',
  '(?:well|meticulously|lovingly|impeccably) (?:maintained|kept|cared for|taken care of)',
  'taken care of',
  'nothing major',
  'not (?:too |that |so )?bad',
  // Not "cant keep up w the mortgage".
  '(?<!(?:cant|cannot|can not|couldnt|hard to|hard time) )(?:kept|keep) (?:it |the house )?up(?! with| w )',
  'no (?:big|major|real) (?:issues|problems|repairs)',
  'minor stuff',
  'bien cuidad[ao]',
  '(?:needs?|could use) (?:some |a little |new |fresh )?(?:paint|painting|carpet|flooring|floors|landscaping|touch ?ups?)(?: and (?:paint|carpet|flooring|floors))?(?! and \\w+ and)',
  'cosmetic|touch ?ups?',
  '(?:a )?few (?:small |little )?things|small things|little things',
  '(?:buen|buenas) (?:estado|condiciones)',
  '(?:necesita|le falta) (?:pintura|alfombra)',
  // "the carpet is old", "old carpet": cosmetic only.
  '(?:carpets?|paint|flooring|alfombra|pintura) (?:is|are|s|esta|estan) (?:kinda |pretty |really |a bit |muy )?(?:old|worn|dated|ugly|vieja|gastada)|(?:old|worn|dated) (?:carpets?|paint|flooring)',
]);
export const EXCELLENT_CUES = cues([
  'basically new|built it in 20[12][0-9]|perfectas condiciones|perfecto estado',
  'excellent|excelente',
  'pristine|immaculate|spotless|impecable',
  'move[- ]?in[- ]?ready',
  'ready to move in',
  'turn ?key',
  '(?:just|recently|newly|fully|completely|totally|all) (?:remodeled|renovated|redone|upgraded|rehabbed|updated)',
  // "remodeled" on its own; "remodeled kitchen" is one room.
  '(?<!not )(?:remodeled|renovated)(?! (?:kitchen|bath|baths|bathroom|bathrooms))',
  'like new|brand new|new everything',
  'updated \\d',
  '(?:remodeled|renovated|redid|redone|updated|upgraded) (?:everything|it all|the whole (?:house|thing|place)|all of it)',
  'model home',
  'como nuev[oa]|(?:esta|es|casi) nuev[oa]',
  '(?:la |lo )?(?:remodelamos|renovamos)',
  'lista para (?:vivir|mudarse|entrar)',
  'remodelad[oa]|renovad[oa]',
]);
