// Cue lists for readMotivationSlot (other-slots-motivation.ts) that are no move for family or
// money: health, care for a parent, neighbours, schools, the HOA; and being near family, which is
// a relocation. English and Spanish, simplified text.
import { cues, KIN } from './other-slots-motivation-family.ts';

// A parent who can no longer live alone, going into care or moving in with the lead; a spouse's
// health: "shes 84 and cant live alone anymore so shes moving in w us", "se va a una residencia
// de ancianos", "ya no puede con las escaleras", "had a stroke in august".
export const CARE = cues([
  '(?:moving|move|moved|going to move|gonna move) in (?:with|w) (?:us|me)',
  '(?:cant|can not|cannot|shouldnt|should not) (?:live|be living|stay) (?:alone|by (?:herself|himself|themselves|myself)|on (?:her|his|their) own)(?: anymore)?',
  'no (?:puede|debe|puedo|pueden|deben) (?:seguir )?vivir sol[oa]s?',
  'residencia de ancianos|casa de (?:asistencia|ancianos|retiro|cuidado)|asilo',
  '(?:se va|se fue|ya esta|esta|vive|se mudo|se muda) (?:a|en) (?:una|la) residencia',
  '(?:se viene|venirse|irme|irse|se va a vivir|se viene a vivir) (?:a vivir )?con (?:nosotros|el|ella)',
  'ya no (?:puede|puedo|pueden|podemos) con (?:la casa|las escaleras|tanta casa)',
  '(?:stairs|escaleras) (?:are|is|son) (?:a )?no go',
  `so (?:my|our) ${KIN} can (?:live|stay|move in) with (?:us|me)`,
  '(?:had|tuvo|le dio) (?:a |un )?(?:stroke|derrame)',
]);

// Near family without a verb of moving: "somewhere near my daughter in chino hills", "near my
// parents, theyre getting older and need us close", "cerca de los nietos".
export const NEAR_FAMILY = cues([
  `(?:somewhere|something|a place|someplace|anywhere|algo|una casa) (?:near|close to|closer to|cerca de) (?:my|our|mi|mis|los|nuestros) ${KIN}s?`,
  '(?:need|needs|want|wants) us (?:close|closer|nearby|near)',
  'cerca de (?:los|mis|nuestros) (?:nietos|hijos)',
]);

export const OTHER = cues([
  'change of scenery',
  // "my doctor says I shouldn't be doing stairs anymore", "moving into a senior community".
  '(?:doctor|doctors|health|knees?|hips?)(?: [a-z]+){0,5} stairs|(?:cant|can not|cannot|shouldnt|should not) (?:do|be doing|handle|manage) (?:the )?stairs|senior (?:community|living|apartment|apartments)|assisted living|(?:por|de) salud|el doctor (?:dice|dijo)',
  'commute (?:to|into)(?: [a-z]+){1,3} is',
  // "the HOA is fining me every week", "city's forcing me to redo the sewer line and I'm DONE".
  'hoa (?:is |keeps )?(?:fining|fined|fines)|done with (?:the |this )?hoa',
  '(?:city|county)(?: s| is)? (?:forcing|making) (?:me|us)|done with this (?:house|place)',
  'vecin[oa](?: de al lado)? (?:es|son) insoportables?',
  '(?:hate|bad|loud|crazy|annoying|noisy|problems? with|tired of|sick of) (?:my |the |our )?neighbou?rs',
  'neighbou?rs? (?:are|r|is) (?:so |too |really )?(?:loud|crazy|awful|terrible|a nightmare|annoying|bad|noisy)|(?:guy|lady|people|family|neighbou?rs?) next door (?:is|are|s) (?:so |a )?(?:nightmare|crazy|awful|terrible|insane|loud)',
  'neighbou?rhood (?:has|is|s) (?:gotten|getting|changed|going)',
  'hoa(?: fees| dues)?(?: here| there)?(?: is| are| s| r)? (?:a nightmare|too|so|crazy|insane|ridiculous|killing|out of control|keeps?|went up|going up|terrible|awful|horrible|the worst|a pain)',
  '(?:hate|tired of|sick of) (?:the |my |our )?hoa',
  'school district|(?:better|good|great|best) schools?|schools? for (?:the|my|our) kids',
  'noisy|too (?:loud|much noise)',
  '(?:is|am|got|getting|been|s) (?:sick|ill)\\b(?! of)',
  'health (?:reasons|issues|problems)|(?:my|his|her) health',
  'need (?:a |one )?(?:single |one )story',
  '(?:too many|cant do (?:the|these|those|my)|cant handle (?:the|these|those)|no more) stairs',
  `(?:my|his|her|our|${KIN}s) (?:knees?|back|hips?) (?:cant|can not|hurts?|is bad|are bad|are shot|is shot|is going|gave out)`,
  'neighbou?rs? from hell',
  '(?:different|better|new|another) (?:school )?districts?',
  '(?:queremos|quiero|buscamos|necesitamos) algo (?:nuevo|diferente)',
  'stairs (?:are|is) (?:getting )?(?:hard|tough|too much|killing|rough|difficult|a pain|a problem)',
  'fresh start|(?:want|need|ready for) a change',
  '(?:ready for|want|need) something (?:new|different)',
  'crime|unsafe|not safe',
  'moving in with (?:us|me)',
  '(?:problemas con|odio a) (?:los|mis) vecinos',
  '(?:por|mi|su) salud|enferm[oa]s?',
  '(?:mejores|buenas) escuelas',
  'por (?:las|la) escuelas?|(?:mejor|otro) distrito',
  'care home|nursing home|assisted living|memory care|power of attorney',
]);
