// Requests to stop contact that sit inside a longer message, in English and Spanish. Every
// pattern reads flattened text (see text.ts): lowercase, no accents, no apostrophes, no
// punctuation. The caller skips a match preceded by a negation ("don't stop texting me") or
// followed by a time ("stop texting me so early").

import { flatten, wordRegex } from './text.ts';

const CONTACT_VERBS_ING =
  'texting|txting|messaging|msging|contacting|calling|emailing|spamming|bothering|bugging|pestering|hassling|harassing|hitting me up|blowing up my phone';
const CONTACT_NOUNS = 'texts|txts|messages|msgs|sms|notifications|alerts|spam|emails|text messages|calls';
const CONTACT_VERBS = 'text|txt|message|msg|sms|contact|email|spam|call or text|text or call';
const WHO = 'you|u|yall|you people|you guys|u guys|you all|this number|your company';

export const REQUEST_PATTERNS: readonly RegExp[] = [
  wordRegex(`(?:stop|quit|cease|end) (?:${CONTACT_VERBS_ING})`),
  // "can u quit with the texts already", "enough with the messages".
  wordRegex(
    `(?:stop|quit|enough) with (?:(?:the|these|your|all the|all these|all your) )?(?:${CONTACT_NOUNS}|texting|messaging)`,
  ),
  // "thought i blocked you guys already": the lead meant to cut contact off.
  wordRegex(
    '(?:i|we) (?:thought (?:i|we) )?(?:already )?blocked (?:you|u|yall|this number|your number)(?! by (?:accident|mistake))',
  ),
  // "why do i keep getting these", "why am I still getting your texts".
  wordRegex(
    `(?:why|how come) (?:do|does|am|are|r) (?:i|we) (?:keep|still|keep on) (?:getting|receiving) (?:these|this|them|(?:these|your|the|all these) (?:${CONTACT_NOUNS}))$`,
  ),
  wordRegex(
    `(?:stop|end|cancel|quit) (?:(?:the|these|your|all|all the|all these|my|all your) )?(?:${CONTACT_NOUNS})`,
  ),
  // "stop sending me these cash offer texts": up to two words saying which texts.
  wordRegex(
    `(?:stop|quit|cease) sending (?:me |us )?(?:(?:any|all|these|those|the|your|all these|all the|all your|more) )?(?:[a-z]+ ){0,2}(?:${CONTACT_NOUNS})`,
  ),
  // "do you people ever stop", "will you ever stop texting", "im good, you can stop now".
  wordRegex(`(?:do|will|would|does|can) (?:${WHO}) ever stop`),
  wordRegex(`(?:${WHO}) (?:can|may|should) (?:stop|quit)(?: (?:now|already|texting|messaging|sending))`),
  // "stop ✋ not interested in selling OR buying": the keyword first, then the no.
  wordRegex(
    '^(?:stop|unsubscribe|stopall|quit)(?: (?:pls|please|plz|por favor|porfa))? (?:not interested|no interest|no thanks|no thank you|leave me alone|(?:im|were|we are|i am) not interested|not selling|not buying|no me interesa|no gracias|(?:we|i) (?:already )?(?:bought|sold)|already (?:bought|sold)|wrong number|(?:ya )?(?:compramos|vendimos))',
  ),
  // "que se vayan al diablo con sus mensajitos", "go to hell with your texts".
  wordRegex(
    `(?:que se vayan|vayanse|vete|vayase|go) (?:al diablo|al carajo|a la chingada|to hell) (?:con|with) (?:sus|tus|esos|your|these|all your) (?:mensajes|mensajitos|textos|${CONTACT_NOUNS})`,
  ),
  // "sí, bórrelo por favor" (the number, after a wrong number).
  wordRegex(
    '^(?:si )?(?:borrelo|borrenlo|borralo|borre mi numero|borren mi numero|delete my number)(?: por favor| porfa| please| pls)?$',
  ),
  wordRegex(
    '(?:you|u|yall) (?:can|may|could|should) (?:just |please )?stop(?: (?:now|already|please|pls|plz|here|thanks|thx|ty|for real))?$',
  ),
  wordRegex('opt (?:me )?out|optout|stopall|unsubscribe|unsub|unsubcribe|unsuscribe'),
  wordRegex(
    'remove (?:me|us|my number|this number|my phone|my phone number|my contact)(?! from (?:the )?(?:title|deed|loan|mortgage|contract|escrow|listing))',
  ),
  // "I told you people no last month and you're STILL texting", "ya les dije mil veces que no y
  // siguen": texts kept coming after a no.
  wordRegex(
    `(?:told|said to) (?:${WHO}|yall)(?: [a-z]+){0,4} no(?: [a-z]+){0,4} (?:(?:and |but )?(?:youre|you are|yall are|you guys are|u r|ur|you) )?(?:still|keep) (?:${CONTACT_VERBS_ING})|(?:dije|dijimos|he dicho)(?: [a-z]+){0,3} que no y (?:siguen|sigues|sigue)(?: (?:escribiendo|mandando|molestando))?`,
  ),
  // "stahp pls im begging u", "cancel these pls", "CANCEL ALL OF IT": the keyword with its object.
  wordRegex(
    '^stop(?: (?:pls|please|plz|already|now))? (?:im|i am) begging(?: (?:you|u|yall))?$|^(?:cancel|stop|end) (?:these|them|all of (?:it|them|this|these)|it all|all this|everything)(?: (?:pls|please|plz|now|already))?$',
  ),
  // "email only from now on", "solo por correo de ahora en adelante": texts are revoked.
  wordRegex(
    '^(?:(?:ok|okay|so|and) )?(?:(?:email|e mail|correo) only(?: (?:from now on|please|pls|plz))?|only (?:by )?(?:email|e mail)(?: from now on)?|solo (?:por )?correo(?: de ahora en adelante| por favor)?)$',
  ),
  // "this is my work phone, please use my personal email instead": not this number, by text.
  wordRegex(
    '(?:this is|its|thats|this number is) (?:my )?(?:work|office|business|company) (?:phone|number|cell|line)(?: [a-z]+){0,4} (?:use|email|e mail|reach me (?:at|by)|contact me (?:at|by)) (?:my )?(?:personal )?(?:email|e mail)',
  ),
  // Not "take us off the calendar for sunday": an appointment cancelled.
  wordRegex(
    'take (?:me|us|my number|this number|my phone number|my name|our name|our names) off(?! (?:the|that|this|your|his) (?:calendar|schedule|showing|tour|appointment|visit|meeting))',
  ),
  // "I want off your list NOW", "we need off this list".
  wordRegex(
    '(?:i|we) (?:want|wanna|would like|need|gotta get|have to get)(?: to (?:be|get))? off (?:of )?(?:(?:your|ur|this|the|that|whatever|all|every) )?(?:(?:mailing|texting|text|contact|call|marketing) )?lists?',
  ),
  // "is there a way to make these texts stop coming", "make them stop please" ("make it stop
  // leaking" is about the roof).
  wordRegex(
    `(?:make|get) (?:these|them|it|this|(?:the|these|your|all these|all the|all your) (?:[a-z]+ )?(?:${CONTACT_NOUNS})) (?:to )?stop(?: (?:coming|please|pls|plz|now|already))?$`,
  ),
  // Consent denied or never given: "i dont consent to these messages", "I never agreed to get texts".
  wordRegex(
    `(?:dont|do not|never|didnt|did not|no longer) (?:consent(?:ed)?|agree(?:d)?|give (?:my |you )?consent|gave (?:my |you )?consent|sign(?:ed)? up) (?:to|for) (?:(?:these|this|your|the|any|receiving|getting|get|receive|being) )?(?:${CONTACT_NOUNS}|texted|contacted|messaged)`,
  ),
  // "No further messages are necessary, thank you."
  wordRegex(
    `no (?:further|more) (?:${CONTACT_NOUNS}|contact|communication|follow ups)(?: (?:is|are))? (?:necessary|needed|required)`,
  ),
  // "lay off the texts", "knock it off with the messages", "i'm done with these texts". "Chill" and
  // "ease up" ask for fewer texts (an objection only) unless the lead also says they will write.
  wordRegex(
    `(?:lay off|knock it off|back off)(?: (?:with|on))? (?:(?:the|these|your|all the|all these|all your|so many) )?(?:${CONTACT_NOUNS}|texting|messaging)`,
  ),
  wordRegex(
    `(?:chill|ease up|cool it)(?: (?:with|on))? (?:(?:the|these|your|all the|all these|all your|so many) )?(?:${CONTACT_NOUNS}|texting|messaging)(?: [a-z]+){0,6} (?:ill|i will|we will|well|i ll) (?:reach out|text you|call you|contact you|let you know|hit you up)`,
  ),
  wordRegex(
    `(?:im|i am|were|we are|i m) (?:so |really |just )?(?:done|over it|sick|tired|fed up) (?:with|of) (?:(?:the|these|your|all the|all these|all your|getting) )?(?:${CONTACT_NOUNS}|texting|messaging|being texted)`,
  ),
  // "why am i getting these every other day": the texts themselves complained about.
  wordRegex(
    `(?:why|how come) (?:am i|are we|do i|do we|r we) (?:getting|receiving) (?:these|them|(?:these|your|all these|so many) (?:${CONTACT_NOUNS})|a (?:text|txt|message|msg|call|email))(?: (?:every [a-z]+(?: [a-z]+)?|all the time|so much|so often|constantly|again|daily|nonstop|non stop))?(?: about (?:this|it|that|my house|the house))?$`,
  ),
  // "every time I delete one another one shows up": the lead keeps trying to be rid of them.
  wordRegex(
    '(?:every ?time|each time|whenever) (?:i|we) (?:delete|block|ignore) (?:one|1|it|them|a text|a message|these)(?: [a-z]+){0,3} (?:another|a new|more)(?: (?:one|1|text|message))? (?:shows up|comes|pops up|appears|comes in)',
  ),
  // "cancel all of it, the appointment and the texts".
  wordRegex(
    `(?:cancel|stop|end) (?:all of it|everything|it all|all)(?: [a-z]+){0,4} (?:and|y) (?:the|your|all the|los|las) (?:${CONTACT_NOUNS}|mensajes|textos)`,
  ),
  // "ya les dije que no mil veces", "what part of no don't you understand", "I told you no 3 times".
  wordRegex(
    '(?:ya )?(?:les|te|le) (?:dije|he dicho|hemos dicho|dijimos) que no (?:mil|muchas|varias|un monton de|\\d+) veces(?: (?:ya|pues))?$|(?:i|we|ive|weve) (?:already )?(?:said|told you) no (?:a (?:thousand|million|hundred)|so many|many|\\d+|like \\d+) times(?: (?:already|now|lol|smh))?$',
  ),
  // "prefiero que me escriban al correo, ya no por mensaje", "not by text anymore": texts revoked.
  wordRegex(
    '(?:ya no|no mas) (?:por|con) (?:mensaje|mensajes|texto|textos|sms|mensajito|mensajitos)|not (?:by|over|through|via) (?:text|texts|sms|txt) (?:anymore|any more|no more)',
  ),
  // "I'm blocking this number", "déjenme de mandar mensajes".
  wordRegex(
    '(?:im|i am|gonna|going to|will|ill|about to) (?:be )?block(?:ing)? (?:this number|your number|you|yall|this)|(?:dejenme|dejame|dejeme|dejennos) de (?:mandar|enviar|escribir|textear)',
  ),
  // "stop stop i already told u": the keyword said over and over.
  wordRegex('^stop(?: stop)+'),
  // "just go away man", "please go away": the sender told to leave.
  wordRegex(
    '^(?:(?:just|please|pls|plz|now|ok|okay|so|dude|man|bro|seriously|omg|ugh) )*go away(?: (?:man|dude|bro|please|pls|plz|now|already|lol|seriously|for good))*$|go (?:bother|text|spam|pester|bug|harass) (?:someone|somebody|some1|some one) else|go (?:find|look for|pick) (?:someone|somebody|some1|some one) else to (?:bother|text|spam|pester|bug|harass|annoy)',
  ),
  // "get me off whatever list I'm on", "get my number off your list".
  wordRegex(
    'get (?:me|us|my number|this number|my name) off (?:of )?(?:(?:whatever|your|ur|this|the|that|any|all|all your|every) )?(?:(?:mailing|texting|text|contact|call|marketing) )?lists?',
  ),
  // "please don't reach out", "do not reach out to us again": contact declined without a verb we list.
  wordRegex(
    '(?:dont|do not|never) (?:ever )?reach out(?: to (?:me|us))?(?: (?:again|anymore|any more|please|pls|plz))?$',
  ),
  // Consent itself withdrawn: "REVOKE consent", "I withdraw my consent".
  wordRegex('(?:revoke|revoking|withdraw|withdrawing|rescind|rescinding) (?:my |our |all |any )?consent'),
  wordRegex(`(?:dont|do not|never) (?:ever )?(?:${CONTACT_VERBS}) (?:me|us|this number)`),
  // "please don't text for a while": no object, but a stretch of silence asked for.
  wordRegex(
    `(?:dont|do not|never) (?:${CONTACT_VERBS}) (?:for a while|for now|anymore|any more|again|for (?:a|some) time)|(?:please|pls|plz) (?:dont|do not) (?:${CONTACT_VERBS})$`,
  ),
  wordRegex(
    'no (?:necesito|necesitamos|quiero|queremos) que (?:me|nos) (?:escriban|escribas|escriba|manden|mandes|mande|contacten|contactes|contacte|textees|molesten|molestes|sigan escribiendo|sigas escribiendo)',
  ),
  wordRegex(
    '(?:dont|do not) want (?:to (?:receive|get) )?(?:any )?(?:more |further )?(?:texts|messages|text messages|msgs)',
  ),
  wordRegex('(?:dont|do not) want to be (?:contacted|texted|messaged)'),
  // The do-not-call list, by name or letters.
  wordRegex('dnc|do not (?:call|contact|text) (?:list|registry)|dont call list|no call list'),
  wordRegex('(?:lose|delete|forget|erase) (?:my|this) (?:number|phone number|cell)'),
  // "wrong number, please delete it": the number the sender holds, erased.
  wordRegex(
    'wrong (?:number|person)(?: [a-z]+){0,3} (?:delete|remove|erase|lose) (?:it|this|me|the number|this number|my number)',
  ),
  // Asking to be erased from the sender's records: "delete my info from your system".
  wordRegex(
    '(?:delete|erase|remove|wipe|purge) (?:all )?(?:of )?(?:my|our) (?:info|information|contact|contact info|contact information|details|data|personal info|personal information) (?:from|off|out of) (?:your|the|this) (?:system|list|database|records|files|contacts|crm)',
  ),
  wordRegex(`no more (?:${CONTACT_NOUNS}|texting|contact)`),
  wordRegex('leave (?:me|us) (?:alone|be)'),
  // Telling the sender to go away, however rudely.
  wordRegex(
    'f off|fuck off|fk off|fuk off|piss off|go to hell|vete al diablo|vete a la mierda|vete al carajo|vayanse al diablo|vayanse a la mierda',
  ),
  wordRegex(
    '(?:this is|that is|thats|this|its|it is)(?: (?:straight up|literally|basically|just|pure|actual|actually|honestly|now|bordering on|getting to be|becoming))* harassment|(?:youre|you are|ur|u r|stop|quit) harassing (?:me|us)|esto es acoso|me (?:estan|esta|estas) acosando',
  ),
  wordRegex(
    `(?:why|how come)(?: (?:tf|the hell|the heck|the fuck|on earth))? (?:do |does |are |r )?(?:${WHO}) (?:keep |still |keep on )(?:${CONTACT_VERBS_ING}|sending me (?:these|this|texts|messages))`,
  ),
  // Asking how to opt out is the opt-out.
  wordRegex(
    'how (?:do|can|would|should|to) (?:i |we )?(?:(?:make|get) (?:these|this|them|it|(?:the|these|your) (?:texts|messages|msgs)) (?:to )?(?:stop|quit|go away)(?: (?:coming(?: to (?:my|our|this) (?:phone|number|cell))?|please|pls|now|already))?$|get off (?:this|your|the|whatever) list|turn (?:these|them|this) off|turn off (?:these|the) (?:texts|messages))',
  ),
  wordRegex(
    `how (?:do|can|would|should|to) (?:i |we )?stop (?:(?:these|them|this)(?: (?:from coming|please|pls))?$|(?:the |these |your |all these )(?:${CONTACT_NOUNS}))`,
  ),
  wordRegex(
    'what (?:do|should|can|would) (?:i|we) (?:text|reply|send|type|say|write|respond)(?: back)? to (?:stop|unsubscribe|opt out|get off|be removed|get removed|not get)',
  ),
  // "whats the way to get off this list", "is there a way to unsubscribe".
  wordRegex(
    '(?:whats|what is|is there|theres|there is|tell me|what s) (?:the|a|any) way to (?:get off (?:this|your|the|whatever) list|unsubscribe|opt out|stop (?:these|the|your|this|them)(?: texts| messages)?|make (?:these|them|this|it) stop)',
  ),
  // "stop it with the texts", "ya dejen de estar chingando con sus mensajes", "PARA YA CON TANTO
  // MENSAJITO": enough of the texts, said as an order.
  wordRegex(
    '(?:stop|quit|enough) (?:it )?with (?:the|these|your|all the|all these) (?:texts|text messages|messages|msgs)|(?:dejen|deja|deje|dejes) de (?:estar )?(?:chingando|molestando|fregando|jodiendo) con (?:sus|tus|los|tantos) (?:mensajes|mensajitos|textos)|(?:para|paren|pare) (?:ya )?con (?:tanto|tantos) (?:mensajito|mensajitos|mensaje|mensajes|texto|textos)',
  ),
  // The keyword quoted back: "what part of stop don't you understand", "I told you to stop". "What part of
  // no" refuses the offer (a close), not the texts.
  wordRegex('what part of (?:stop|no more|unsubscribe|leave me alone|remove me)'),
  wordRegex(
    '(?:i|we|ive|weve) (?:already )?(?:said|told you|texted|typed|wrote|replied|asked you)(?: to)? stop(?: (?:already|again|twice|before|many times|so many times|\\d+ times))?$',
  ),
  // A keyword at the end of a longer sentence: "not interested please stop", "wrong number pls remove".
  wordRegex(
    '(?:please|pls|plz|just|omg|wtf|ugh|seriously) (?:stop|unsubscribe|stopall)(?: (?:it|now|already))?$',
  ),
  wordRegex('(?:please|pls|plz) remove(?: me| my number)?$'),
  // "no me escribas más", "no me manden más casas"; but "ya no me mandes casas de Ontario, busco
  // más por Chino" narrows the search.
  wordRegex(
    'no (?:me |nos )?(?:escribas|escriba|escriban|envies|envie|envien|mandes|mande|manden|contactes|contacte|contacten|textees|textee|texteen|molestes|moleste|molesten|chingues|chinguen|friegues|frieguen)(?! (?:mas )?(?:casas|propiedades|listados|listings|opciones|departamentos|condos|terrenos|lotes) (?:de|en|por|cerca|del|con|sin|arriba|abajo|tan|que) )(?! (?:tantos|tanto|muchos|tan seguido))(?: (?:mas|mensajes))?',
  ),
  wordRegex(
    'no (?:me |nos )?(?:vuelvas|vuelva|vuelvan) a (?:escribir|contactar|mandar|enviar|textear|llamar|molestar)',
  ),
  wordRegex(
    '(?:deja|dejen|deje|dejar|para|paren|pare|parar) de (?:(?:estar(?:me|nos) |andar(?:me|nos) )(?:mandando|escribiendo|enviando|molestando|texteando)|escribirme|escribirnos|enviarme|mandarme|contactarme|molestarme|molestarnos|molestar|textearme|escribir|enviar mensajes|mandar mensajes|chingar|fregar)',
  ),
  wordRegex(
    '(?:para|paren|pare|parale|parenle|parele|basta|alto) (?:ya )?con (?:(?:los|tus|sus|esos|estos|tanto|tantos) )?(?:mensajes|mensaje|textos|texto|mensajitos)',
  ),
  // Not "dar de baja la publicación con el otro agente" (taking a listing down).
  wordRegex(
    '(?:darme|dame|denme|deme|me doy|doy|dar) de baja(?! (?:la|el|mi|nuestra|nuestro|esa|ese) (?:publicacion|anuncio|listado|listing|contrato|casa))',
  ),
  // "BAJA, no me interesa nada": the keyword first, then the refusal.
  wordRegex('^(?:baja|alto) no (?:me interesa|nos interesa|gracias|vendo|compro|quiero nada)'),
  // "quiero que me den de baja"; not "me dieron de baja en el trabajo" (laid off).
  wordRegex(
    '(?:me|nos) (?:den|de|des|dan|da) de baja(?! (?:en|del|de mi|de su) (?:el )?(?:trabajo|empleo|chamba))',
  ),
  // "ya basta de tanta llamada y mensaje", "váyanse a la fregada con sus mensajes" (but "vete a la
  // goma con tus preguntas" is about the questions, not the texts).
  wordRegex(
    '(?:ya )?basta de (?:(?:tanta|tantas|tantos|tanto|tus|sus|los|las|estos|estas) )?(?:[a-z]+ (?:y |o ))?(?:mensajes?|textos?|llamadas?)',
  ),
  // "ya estuvo con tanto mensaje": enough of the texts, as "ya basta" (not "ya estuvo la casa").
  wordRegex(
    'ya estuvo (?:con|de) (?:(?:tanto|tantos|tanta|tantas|tus|sus|los|las|estos) )?(?:mensajes?|textos?|mensajitos)',
  ),
  wordRegex(
    '(?:vayanse|vete|largate|larguense)(?: mucho)?(?: (?:a la (?:fregada|chingada|ch ngada|chngada|goma|verga)|al (?:carajo|demonio)))?(?: con (?:sus|tus|esos|estos) (?:mensajes|mensajitos|textos)|$)',
  ),
  wordRegex(
    '(?:borrame|sacame|quitame|eliminame|bajame|borrenme|saquenme|quitenme|eliminenme|bajenme|borreme|saqueme|quiteme|elimineme|bajeme) de (?:tu|su|la|sus|esta|estas|sus) (?:lista|listas|base)',
  ),
  // "quiten mi número", "saquen mi número de su sistema".
  wordRegex(
    '(?:borra|borren|borre|olvida|olviden|quita|quiten|quite|saca|saquen|saque|elimina|eliminen|elimine) (?:mi|este|nuestro) (?:numero|telefono|cel|celular)',
  ),
  // "número equivocado, bórrenlo por favor": the wrong number, erased.
  wordRegex(
    'numero equivocado(?: [a-z]+){0,3} (?:borrenlo|borrelo|borralo|borrenme|borreme|eliminenlo|eliminelo)',
  ),
  wordRegex('no quiero (?:recibir )?(?:mas )?(?:mensajes|textos)'),
  // "ya no quiero recibir nada de esto, gracias".
  wordRegex(
    'no (?:quiero|queremos) recibir (?:nada|nada mas|mas nada)(?: de esto| de ustedes| de usted| de este numero)?',
  ),
  wordRegex('no mas (?:mensajes|textos)|ni (?:un|una|uno) (?:mensaje|texto|mensajito) mas'),
  wordRegex('cancelar (?:la )?(?:suscripcion|mensajes|los mensajes)'),
  wordRegex('dejenme en paz|dejame en paz|dejeme en paz|dejennos en paz'),
  wordRegex(
    '(?:por ?que|por q|porq|xq|pq|x q) (?:me |nos )?(?:siguen|sigues|sigue) (?:escribiendo|mandando mensajes|enviando mensajes|molestando)',
  ),
  // "cómo hago para que ya no me lleguen estos mensajes", "que ya no me manden mensajes".
  wordRegex(
    '(?:para|pa) que (?:ya )?no (?:me|nos) (?:lleguen|manden|mande|mandes|escriban|escriba|escribas|envien|envie|sigan mandando|sigan escribiendo)(?: (?:mas|estos|sus|tus|los))?(?: (?:mensajes|textos|mensajitos))?$|(?:como|que) (?:hago|hacemos|puedo hacer) para (?:ya )?no recibir',
  ),
  wordRegex(
    'como me (?:cancelo|doy de baja|desuscribo|salgo de (?:la|esta|su|tu) lista)|como (?:dejo|puedo dejar) de recibir',
  ),
];

// "Stop sending me listings" ends the texts; "stop sending me houses in Fontana, I want Upland"
// only narrows the search. So the thing not to send must end its clause, and the next clause
// must not say what to send instead.
const STOP_SENDING_THINGS = wordRegex(
  '(?:stop|quit) sending (?:me |us )?(?:(?:any|all|these|those|the|your|all these|all the|more) )?(?:listings|houses|homes|properties|condos|stuff|things|these|those|this|them|that|crap|junk|ads)(?: (?:anymore|any more|please|pls|plz|to me|now|already))?$',
);
const NEGATED_END = /(?:^| )(?:dont|do not|never|wont|didnt|not)$/;
const REDIRECT =
  /^(?:i|we|im|were|just|only|send|instead|but|more|looking|prefer|want|need|rather|show|find)(?: |$)/;

export function stopsSendingContent(clauseList: readonly string[]): boolean {
  return clauseList.some((clause, i) => {
    const match = STOP_SENDING_THINGS.exec(clause);
    if (!match || NEGATED_END.test(clause.slice(0, match.index).trim())) return false;
    const next = clauseList[i + 1] ?? '';
    return !REDIRECT.test(next);
  });
}

// Threats about further contact: "I'll report this number", "calling my lawyer if you text me again".
const REPORTS = wordRegex(
  `(?:report|reporting|reported|mark|marking|flag|flagging) (?:${WHO}|your number|you to|(?:this|it|these|them|this number|your texts|your messages) as spam)|fcc|ftc|tcpa|attorney general|(?:sue|suing) (?:you|u|yall|your company)|(?:los|lo|la|te|les) (?:voy a|vamos a) (?:reportar|demandar|denunciar)`,
);
const IF_AGAIN = wordRegex(
  `if (?:${WHO}) (?:${CONTACT_VERBS}|call|bother|texts|calls|messages)(?: (?:me|us|this number))?(?: ever)? (?:again|one more time|anymore)|if (?:${WHO}) (?:keep|keeps|continue|continue to|dont stop|do not stop) (?:texting|txting|messaging|contacting|calling|emailing|spamming|bothering)|(?:text|message|contact|call) (?:me|us) (?:again|one more time) and|one more (?:text|txt|message|msg|call) and|(?:next|another) (?:text|txt|message|msg|call)(?: [a-z]+){0,2} (?:goes|go|gets sent|is going|will go) (?:to|straight to)|(?:get|receive|see|gets|get sent) one more (?:[a-z]+ )?(?:text|txt|message|msg|call|of (?:these|those|them|your (?:texts|messages)))|si (?:me |nos )?(?:vuelven|vuelves|vuelve|siguen|sigues|sigue) (?:a )?(?:escribir|escribiendo|mandar|mandando|contactar|molestar|molestando)`,
);
const CONSEQUENCE = wordRegex(
  'lawyer|attorney|report|reporting|police|cops|sue|block|blocking|abogado|policia|reportar|reporto|demandar|demando|denunciar|denuncio|bloquear|bloqueo',
);

export function threatensOverContact(flat: string): boolean {
  return REPORTS.test(flat) || (IF_AGAIN.test(flat) && CONSEQUENCE.test(flat));
}

// Taking an opt-out back: "I said stop by accident", "texted STOP by mistake", "puse baja por error".
const RETRACTION = wordRegex(
  '(?:me di|nos dimos|di) de baja (?:sin querer|por error|por equivocacion|por accidente)|no (?:queria|quise|quisimos|queriamos) (?:darme|darnos|dar) de baja|(?:said|texted|sent|typed|replied|wrote|hit|pressed|put|puse|escribi|mande) (?:the word )?(?:stop|stopall|unsubscribe|cancel|quit|end|baja|alto|para) (?:by (?:accident|mistake)|accidentally|on accident|in error|by error|sin querer|por error|por equivocacion)|(?:hit|pressed|sent|typed|tapped) (?:that|it|this) (?:by (?:accident|mistake)|accidentally|on accident|sin querer|por error)|(?:didnt|did not|never) mean(?:t)? to (?:(?:say|text|send|type|hit|press|reply) )?(?:stop|unsubscribe)(?! by)|(?:that|the) stop was (?:a mistake|an accident|by accident|by mistake)',
);

export function retractsOptOut(text: string): boolean {
  return RETRACTION.test(flatten(text));
}

// "stop. actually wait no, I do want to know what it's worth" ("stop, hammertime" is a joke): the keyword taken back before the
// message ends. Not an opt-out, and not a START either (nothing was revoked).
const STOP_TAKEN_BACK = wordRegex(
  '^stop (?:its )?hammer ?time|^(?:stop|alto|para|baja|cancel) (?:actually|jk|just kidding|nvm|never ?mind|mejor no|(?:wait|espera|no espera) no)(?: (?:wait|no|actually|espera))* (?:i|we|yo|si) (?:do |still |really )?(?:want|wanna|need|quiero|queremos)',
);

export function takesStopBack(text: string): boolean {
  return STOP_TAKEN_BACK.test(flatten(text));
}
