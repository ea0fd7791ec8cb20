// Words that, right before a group mention, turn it into a request to choose or avoid people.
// Flattened form; "|"-separated alternations.

/** "no kids", "fewer Muslims", "away from those people". */
export const AVOID_CUES =
  'no|without|fewer|fewest|less|least|avoid|avoiding|away from|far from|not near|not by|not close to|not around|not next to|no more|keep out|free of|excluding|except|dont want|do not want|dont like|dont want any|hate|sin|menos|lejos de|evitar|nada de|ningun|ninguna|no quiero|no me gustan';

/** "mostly white", "how many Latinos", "are there a lot of seniors". */
export const AMOUNT_CUES =
  'many|a lot of|lots of|full of|more|most|mostly|mainly|predominantly|majority|majority of|too many|bunch of|how many|are there|are there any|is there|number of|filled with|percentage of|percent|hay|hay muchos|hay muchas|muchos|muchas|mayoria|mayoria de|lleno de|llena de|cuantos|cuantas|mas|puro|puros|puras|mayormente|principalmente';

/** "only Christian buyers", "I want Asian neighbors": not used for kids, age or disability. */
export const PICK_CUES =
  'only|just|only to|just to|prefer|preferably|want|wants|like|would like|rather have|looking for|near|close to|next to|around|among|solo|solamente|solo a|solamente a|prefiero|quiero|busco|cerca de|entre';

/** "don't want to sell my house to ...". */
export const SELL_TO_CUES =
  '(?:sell|sold|selling|rent|renting|rented|lease|leasing|show|showing|offer)(?: (?:it|my house|my home|the house|the home|my place|the property|my property|this house|my condo))? to|(?:vender|venderle|venderla|venderlo|rentar|rentarle|rentarla|alquilar|alquilarle)(?: (?:mi casa|la casa|mi propiedad))? a';

/** Words skipped between a cue and the group: "without many of the Hispanic families". */
export const CUE_FILLERS =
  'the|a|an|any|too|so|very|really|some|other|all|certain|of|el|la|los|las|un|una|unos|unas|de|del|muy|otros|otras|tantos|tantas';

/** "a neighborhood with other young families", "una zona con familias latinas". */
export const PLACE_WITH_CUES =
  '(?:neighborhood|neighborhoods|area|areas|street|streets|community|part of town|somewhere|someplace|place|places|zona|zonas|barrio|barrios|vecindario|colonia|comunidad|algun lugar) (?:with|con|full of|lleno de|llena de)';
