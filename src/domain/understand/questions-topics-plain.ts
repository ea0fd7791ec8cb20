import { wordRegex } from '../compliance/text.ts';
import { type TopicRule, YOU } from './questions-topics.ts';

// Questions asked by the situation they are in rather than by the topic's name: the lender "thing"
// before touring, what a 3/2 "pulls" in a city, a free valuation, whether the neighbour's price is
// ours too, a listing that dropped its price or went into escrow, the lawsuit about buyers' agents,
// how the sender knew we own a house. Same form as TOPIC_RULES (questions-topics.ts).

const LENDER = '(?:lender|loan|bank|approval|pre ?approval|letter|proof of funds)';
const APPROVAL =
  '(?:pre ?approv[a-z]*|approved|approval|lender letter|lender|loan officer|(?:a |some kind of |any )?letter|bank|proof of funds|carta|banco|(?:pre)?aprobad[oa]s?|(?:pre)?aprobacion|prestamista)';

export const PLAIN_TOPIC_RULES: readonly TopicRule[] = [
  {
    // "can we tour a couple first or does the lender thing have to happen before", "do open houses
    // need proof of funds", "¿primero el banco o primero buscar casa?", "sin carta de aprobación ni
    // me van a enseñar casas, ¿es cierto?", "what's the point of it if I'm just looking first?", "can
    // we go see a couple places before we do the whole lender thing?".
    // Said in passing: "idk if we need the letter thing first before u show us anything", "we cant
    // even go look at houses til a bank says yes", "assuming we can tour stuff w/o being
    // preapproved", "la carta del banco la necesito ya o hasta que encontremos casa", "si me tienen
    // q aprobar antes de ver algo", "mi esposo dice q primero quiere ver casas".
    topic: 'preapproval_needed',
    said: [
      wordRegex(
        // "podemos ir a ver casas mientras o no se puede", "no sé si primero tengo que ir al banco".
        '(?:podemos|puedo|se puede) (?:ir a )?ver (?:las )?casas mientras|(?:no se si|idk if|not sure if) (?:primero )?(?:tengo|tenemos|hay) que ir al banco|primero (?:el banco|la carta|el prestamo|la aprobacion|la preaprobacion) o (?:primero )?(?:buscar|ver) (?:casa|casas)|sin (?:la )?carta(?: de (?:pre)?aprobacion)?(?: [a-z]+){0,4} (?:ensenar|mostrar|ver) casas',
      ),
      wordRegex(
        `(?:idk|not sure|dont know|no se|no sabemos)(?: [a-z]+){0,2} (?:if|whether|si)(?: [a-z]+){0,2} (?:need|have to|hay que|tengo que|tenemos que|necesit[a-z]*)(?: [a-z]+){0,3} ${APPROVAL}|(?:see|look|tour|show|ver|ensenar|mostrar)(?: [a-z]+){0,6} (?:til|till|until|without|w o|sin|hasta que)(?: [a-z]+){0,3} ${APPROVAL}|${APPROVAL}(?: [a-z]+){0,4} (?:la |lo )?(?:necesito|necesitamos|ocupo|ocupamos) (?:ya|ahorita|antes)|(?:aprobar|approve)(?: [a-z]+){0,2} (?:antes|before|first|primero)|primero (?:quiere|queremos|quiero) ver casas|(?:prequal|pre qual|prequalification|letter|approval|pre ?approval)(?: [a-z]+){0,4} (?:hope|hopefully) (?:thats|that is|its|it is) enough`,
      ),
    ],
    asked: [
      wordRegex(
        `(?:need|have|got) to be(?: approved| pre ?approved)? (?:before|to) (?:we |i )?(?:look|see|tour|view|start)|not (?:pre ?approved|approved)(?: yet)?,? (?:is that|does that|will that be|would that be) (?:a problem|an issue|ok|okay|bad|a deal breaker|matter)|no tengo (?:la )?(?:pre)?aprobacion(?: todavia)?,? (?:es|hay) (?:problema|algun problema)|(?:tour|see|look at|view) (?:a couple|a few|some)(?: [a-z]+)? first|${LENDER}(?: thing| part| stuff)? (?:have to|has to|need to|needs to|gotta) (?:happen|come|be done) (?:first|before)|open houses? (?:need|needs|require|requires|ask for)|(?:whats|what is) the point(?: of (?:it|that|getting (?:it|one|approved|pre ?approved)))? if (?:im|i am|were|we are) (?:just )?(?:looking|browsing)|${LENDER} first or (?:house hunting|looking|touring|homes) first`,
      ),
      wordRegex(
        'before (?:we |i )?(?:do |get |talk to |deal with )?(?:the )?(?:whole )?(?:lender|bank|loan|approval|pre ?approval) (?:thing|stuff|part|process)',
      ),
      // "do I need a lender before jorge will meet with me", "will he want to see a preapproval
      // first", "can I talk to jorge first or do I have to get approved by a bank before", "se
      // necesita estar aprobado por el banco antes de hablar con jorge?", "realtors wont show u a
      // house without a lender letter, is that true".
      wordRegex(
        `(?:need|needs|have to|has to|require|requires|required|want to see|ask for|asks for|necesito|necesitamos|necesita|se necesita|hay que|tengo que|tenemos que|piden|pedir|obligatorio|necesario)(?: [a-z]+){0,5} ${APPROVAL}|${APPROVAL}(?: [a-z]+){0,4} (?:before|first|antes|primero)|without (?:a |an |the |any )?(?:${APPROVAL})|${APPROVAL}(?: [a-z]+){0,6} (?:can|could) (?:we|i) (?:still |just )?(?:see|look|tour|view|go see)`,
      ),
      // "me lo van a pedir antes de ver las casas?".
      wordRegex(
        '(?:me|nos) (?:lo|la) (?:van a|vas a|va a) (?:pedir|exigir) antes de (?:ver|ensenar|mostrar)',
      ),
      wordRegex('(?:a )?deal ?breaker for (?:seeing|looking|touring)|(?:no )?hay (?:algun )?problema'),
      // "is it free to get preapproved or does it cost", "¿tengo que llevar la carta del banco?".
      wordRegex(
        '(?:free|cost|costs|charge) (?:anything )?(?:to get|for getting|for a) (?:pre ?approved|pre ?approval|approved|prequalified)|(?:pre ?approved|pre ?approval)(?: [a-z]+){0,3} (?:cost|costs|free)|(?:tengo|tenemos) que llevar(?: [a-z]+){0,3} (?:la )?carta(?: del banco| de aprobacion)?|(?:bring|need) (?:my|our|the) (?:pre ?approval|approval|lender) letter',
      ),
    ],
  },
  {
    // "is north of foothill that much nicer than south", "is rancho a good place to raise kids",
    // "grocery stores walking distance", "how bad are the santa ana winds", "whats the vibe in alta
    // loma", "oí que hay mucho mello roos, es cierto?", "es seguro por el lado sur de fontana?".
    topic: 'area_info',
    said: [],
    asked: [
      wordRegex(
        '(?:nicer|safer|sketchier|quieter|cheaper|pricier) than|(?:the )?(?:north|south|east|west) (?:side|part|end|of [a-z]+)(?: [a-z]+){0,5} (?:nicer|better|safer|worse|sketchy|hype)|(?:good|great|nice|safe|bad) (?:place|area|city|town) (?:to|for) (?:raise|live|kids|families|retire|grow up)|grocery|groceries|walking distance|walkable|santa ana winds|fire (?:risk|zone|insurance)|mello ?roos(?: [a-z]+){0,3} (?:there|es cierto|true|worth it)|(?:whats|what is|hows|how is) the vibe|lado (?:sur|norte|este|oeste)|(?:es|esta) (?:seguro|tranquilo) (?:por|en|alla|aca)',
      ),
    ],
  },
  {
    // "Gmail is better for me than text", "por correo es más fácil".
    topic: 'switch_to_email',
    said: [
      wordRegex(
        '(?:im|i am|i m|were|we are) (?:much |way |a lot )?better (?:on|by|with|over|thru|through|via) (?:e ?mail|gmail)|(?:gmail|email|e mail|correo)(?: is| es)? (?:better|easier|mejor|mas facil)(?: for me| para mi)?(?: than (?:text|texting|texts))?|(?:mi|my) (?:correo|email|e mail) (?:es|is) (?:[a-z0-9.]+ ){1,5}(?:ahi|alli|there|por ahi) (?:mejor|better|mas facil|easier)',
      ),
    ],
    asked: [],
  },
  {
    // "has the price dropped on that Etiwanda listing yet", "¿ya está en escrow o todavía aceptan
    // ofertas?".
    topic: 'listing_status',
    said: [],
    asked: [
      wordRegex(
        'price (?:dropped|come down|gone down|been reduced|been cut)|(?:has|did) (?:it|that one|the [a-z]+ one) (?:dropped|come down|gone down)|(?:ya )?esta en escrow|(?:todavia|aun) (?:aceptan|reciben|toman) ofertas|still (?:taking|accepting) offers|(?:esta|estan|sigue|siguen) en contrato|(?:todavia|aun) (?:la|lo|las|los) (?:puedo|podemos) ver|(?:bajo|bajaron|ha bajado|le bajaron)(?: el)? (?:de )?precio',
      ),
    ],
  },
  {
    // "curious what a 3/2 with original kitchen pulls in Upland", "can jorge do one of those free
    // valuation things", "¿en cuánto se están vendiendo las casas en mi calle?", "la vecina vendió
    // en 780, ¿la mía vale igual?", "¿me puede mandar un estimado?".
    topic: 'home_value',
    said: [
      wordRegex(
        'what (?:a|my|our)(?: [a-z0-9]+){0,6} (?:pulls|pulls in|fetches|goes for|sells for) in [a-z]+|free (?:home )?(?:valuation|evaluation|estimate|market analysis|cma)|valuation things?|(?:mandar|mandarme|enviar|enviarme|dar|darme) (?:un|el) (?:estimado|avaluo)',
      ),
    ],
    asked: [
      wordRegex(
        '(?:en cuanto|a como|cuanto) (?:cree|creen|crees|piensa|piensan|calcula|calculan) (?:que |q )?(?:se )?(?:vend[a-z]*|vale|valdria|sacar[a-z]*)|(?:give|send|text) (?:me|us) (?:a |the )?(?:number|ballpark|rough number|estimate)(?: (?:over|by|via) (?:text|txt|email))?$|(?:can|could|would|will) (?:i|we) get (?:that|the same|that much|as much)$|[0-9]{3}k? (?:k |mil |thousand |grand )?(?:como (?:lo |la )?ve|que (?:opina|le parece|te parece)|what do you think|is that (?:fair|realistic|reasonable|too high|too low|ok|right)|does that sound (?:fair|right|reasonable|ok))|(?:en cuanto|a como) se (?:estan vendiendo|venden|vendieron) las casas (?:en|de) (?:mi|nuestra) (?:calle|cuadra|colonia|vecindario|zona)|(?:la|el) (?:mia|mio|nuestra|nuestro) (?:vale|valdra|valdria)|(?:vale|valdra|valdria) (?:lo mismo|igual)',
      ),
    ],
  },
  {
    // "heard buyers pay their own agent now after that lawsuit thing, true?".
    // "how much of that do I actually walk away with after your cut", "cuánto se quedan de eso",
    // "my cousin does 1%, can jorge beat that".
    topic: 'fees_commission',
    said: [
      wordRegex(
        '(?:do|does) (?:the )?(?:buyers?|we|i) pay (?:jorge|the agent|the realtor|him|you|your commission)|(?:does|do) the sellers? (?:pay|cover) (?:the |your |jorges )?(?:agent|realtor|commission|him|jorge)',
      ),
      wordRegex(
        '(?:ustedes|usted|jorge|el) (?:me|nos) (?:cobran|cobra)(?: (?:algo|a mi|a nosotros))?|buyers? (?:pay|paying|have to pay|gotta pay) (?:their|our|my|the) (?:own )?(?:agent|realtor)|(?:nar|commission|realtor|realtors) (?:lawsuit|settlement)|that lawsuit',
      ),
    ],
    asked: [
      wordRegex(
        '(?:would|will|could|can) (?:you|u|yall|jorge|he) (?:do|go down to|take|accept|work for) [0-9](?:\\.[0-9]+)?(?: ?%| percent| pct)$|[0-9](?:\\.[0-9]+)? ?%(?: [a-z]+){0,4} (?:would|will|could|can) (?:you|u|yall|jorge|he) (?:do|go down to|take|accept|work for) [0-9](?:\\.[0-9]+)?$|(?:do|would|will) (?:i|we) (?:pay|owe) (?:anything|something|a (?:dime|fee|cent)) if (?:it|the house|the home|we|i) (?:doesnt|does not|dont|do not|never) sell|after (?:your|his|the agents|jorges) cut|(?:cuanto|que tanto) se (?:quedan|queda|llevan|lleva)|can (?:jorge|he|you) beat that',
      ),
    ],
  },
  {
    // "¿necesito dar mucho de enganche?", "can you help me understand escrow", "¿cuándo empezaría a
    // anunciarla si firmo?", "does jorge come to the house or do we go to his office?", "¿ustedes
    // vienen a ver la casa?", "what's this appointment for exactly", "¿qué sigue?".
    // "walk me thru the steps", "what does he actually do at the appointment", "jorge shows us
    // houses and then what", "y después qué sigue", "where exactly does the agent add value",
    // "can jorge move that fast", "I don't even know where to begin".
    topic: 'process',
    said: [
      wordRegex(
        'help (?:me|us) understand (?:escrow|the process|how (?:it|this|escrow|selling|buying) works)',
      ),
      wordRegex(
        'how does (?:this|it|all this|the process) work(?: exactly)?(?: (?:do|does|is|are|can|will)|$)|(?:no sabemos|no se|no sabia|no sabiamos) (?:como|cmo) (?:funciona|se hace|le hacemos|es el proceso)|difference between (?:a )?(?:prequal|pre qual|prequalification|prequalified)|(?:hay|existe|existen|dan) (?:ayuda|programas?|asistencia) (?:con|para|de) (?:el )?enganche|walk (?:me|us) (?:thru|through) (?:the )?(?:steps|process)|lay out the (?:sequence|steps|process)|(?:dont|do not) (?:even )?know where to (?:begin|start)|(?:whats|what is) step one|(?:y )?(?:despues|luego) que sigue|(?:y )?que sigue (?:despues|luego|ahora)',
      ),
    ],
    asked: [
      wordRegex(
        '(?:necesito|ocupo|tengo que|necesitamos|ocupamos) (?:dar|poner|tener) (?:mucho |mucha |cuanto )?(?:de )?enganche|cuando (?:empezaria|empezarian|empieza|empiezan|comenzaria|comenzarian) a (?:anunciarla|anunciar|listarla|publicarla|promocionarla)|when would (?:you|it|he|they) (?:start|begin) (?:marketing|listing|advertising|showing)',
      ),
      wordRegex(
        '(?:does|do|would|will) (?:jorge|he|you|yall|you guys) come (?:to|out to|by) (?:the|our|my) (?:house|home|place)|(?:ustedes|usted|jorge|el) (?:vienen|viene|van|va) a ver la casa|what(?:s| is) (?:this|the) (?:appointment|meeting|visit|call) (?:for|about)|^(?:y )?(?:que sigue|que hacemos ahora|y ahora que|como le (?:hacemos|hago))$',
      ),
      wordRegex(
        'what does (?:he|jorge|she|the agent) (?:actually |even )?do at the (?:appointment|meeting|visit)|and then what|add value|move that fast|(?:do|can) (?:you|u|yall|ustedes) (?:buscan|me buscan|find) (?:the )?(?:houses|homes|casas)',
      ),
    ],
  },
  {
    // "¿y usted cómo sabe que tengo casa?", "do you guys text everyone on the street or just me",
    // "oiga y mi número quién se lo dio", "what form? I didn't fill anything out".
    topic: 'how_got_number',
    said: [
      wordRegex(
        '(?:mi|este) numero quien (?:se )?(?:lo|los|te|les|le) (?:dio|paso)|quien (?:le|les|te) (?:dio|paso) mi numero|(?:didnt|did not|never) fill (?:anything|any form|out anything|out a form|anything out)',
      ),
    ],
    asked: [
      wordRegex(
        `(?:como|de donde) (?:sabe|sabes|saben|supo|supieron) que (?:tengo|tenemos) (?:casa|una casa|propiedad)|how (?:do|did|does) (?:${YOU}) know (?:i|we) (?:own|have) (?:a |the )?(?:house|home|place)|(?:text|message|contact) everyone on (?:the|my|our) (?:street|block)`,
      ),
      wordRegex('^what form$'),
    ],
  },
  {
    // "me da desconfianza", "sounds sketchy".
    topic: 'scam',
    said: [wordRegex('me da desconfianza|(?:sounds|seems|feels) (?:sketchy|fishy|shady|sus)')],
    asked: [],
  },
  {
    // "¿se puede cambiar pal miércoles?": moving a time already set.
    // "any chance it can be later in the day", "if my shift runs late can we bump it?", "se podría
    // el lunes?".
    topic: 'reschedule',
    said: [
      wordRegex('any chance (?:it|we) (?:can|could) (?:be|do it|make it|move it|push it) (?:later|earlier)'),
    ],
    asked: [
      wordRegex(
        'se (?:puede|podria|podra) (?:cambiar|mover|pasar)(?: (?:pal|para el|al|a el|a la|para la|a))?',
      ),
      wordRegex(
        '(?:can|could) (?:it|we) (?:be|do it|make it) (?:later|earlier)|(?:can|could) we bump it|(?:se podria|se puede|podria ser|puede ser) (?:el |para el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)',
      ),
    ],
  },
  {
    // "just curious what homes are going for around here": prices here, not the lead's own home;
    // "what's normal for a 3 bed in Upland these days?", "¿por qué está tan alto todo en Chino Hills?".
    // "is he right" after "the market's tanking", "which one's gonna hold value", "están bajando las
    // casas o no?", "just curious if its a good time".
    topic: 'market',
    said: [
      wordRegex(
        'what (?:homes|houses|places|properties) (?:are )?(?:going|selling) for (?:around here|here|in the area|in [a-z]+|nowadays|these days|lately)',
      ),
      wordRegex(
        '(?:cuanto|que tanto) se (?:necesita|ocupa|requiere) (?:pa|para) comprar|is that (?:even )?(?:possible|doable|realistic) (?:out here|around here|here|in this area|in this market)|(?:alcanza|me alcanza|nos alcanza) para (?:algo|una casa|comprar)|curious if (?:its|it is|now is) a good time|si (?:esta|anda) bueno el mercado|markets? (?:is |s )?(?:tanking|crashing)',
      ),
    ],
    asked: [
      wordRegex(
        '(?:whats|what is) (?:normal|typical|average) for (?:a )?[0-9]+ ?(?:bed|bedroom|br)|por que (?:esta|estan) (?:tan )?(?:alto|altos|caro|caros|cara|caras) (?:todo|las casas)',
      ),
      wordRegex(
        'hold (?:its |their )?value|(?:estan|van a) (?:bajando|subiendo|bajar|subir) (?:las casas|los precios)',
      ),
    ],
  },
  {
    // "jorge who?", "¿quién es Jorge?".
    // "¿quién me está escribiendo?".
    topic: 'identity',
    said: [
      wordRegex('quien (?:me|nos) (?:esta|estan|anda|andan) (?:escribiendo|mandando|texteando|enviando)'),
    ],
    asked: [wordRegex('^jorge who$|^who is jorge$|^quien es (?:el )?jorge$')],
  },
  {
    // "if I sign with you and change my mind can I get out of it?".
    // "can I walk away if its not working out", "how do we undo that", "me puedo salir del
    // contrato?", "what's the cancellation policy".
    topic: 'cancel',
    said: [wordRegex('cancell?ation policy')],
    asked: [
      wordRegex(
        'change (?:my|our) minds?(?: [a-z]+){0,3} (?:get out|cancel|back out)|get out of (?:it|the contract|the listing agreement|the agreement)',
      ),
      wordRegex(
        'walk away if|how do (?:we|i) undo|(?:me|nos) (?:puedo|podemos) salir del contrato|salirme del contrato|is there a contract with',
      ),
    ],
  },
];
