import type { KnowledgeBase } from './types.ts';

// The shipped answers. They state only what is true for any licensed agent or what the realtor
// configured (name, brokerage, license) and no figures: fees, costs and values are the agent's to
// give, or come from our data. Each is a statement, so the bot can still ask its own next question.

export const defaultKnowledgeBase: KnowledgeBase = {
  topics: {
    identity: {
      en: ["I'm {intro}. I help {agent} with people buying and selling homes in {market}.", "I'm {intro}."],
      es: ['Soy {intro}. Ayudo a {agent} con quienes compran y venden casa en {market}.', 'Soy {intro}.'],
    },
    how_got_number: {
      en: [
        "Your number reached {agent} with a real estate inquiry, and I'm following up on it. If you'd rather not hear from us, reply STOP.",
        "Your number reached {agent} with a real estate inquiry. If you'd rather not hear from us, reply STOP.",
      ],
      es: [
        'Su número le llegó a {agent} con una consulta de bienes raíces y le doy seguimiento. Si prefiere no recibir mensajes, responda STOP.',
        'Su número le llegó a {agent} con una consulta de bienes raíces. Si prefiere no recibir mensajes, responda STOP.',
      ],
    },
    scam: {
      en: [
        'Fair question. This is a real business: {agent} is a licensed real estate agent with {brokerage}, license {license}.',
        'Fair question. This is a real business: {agent} is a licensed real estate agent with {brokerage}.',
        'Fair question. {agent} is a licensed real estate agent and can speak with you directly to confirm it.',
      ],
      es: [
        'Buena pregunta. Es un negocio real: {agent} es agente de bienes raíces con licencia en {brokerage}, licencia {license}.',
        'Buena pregunta. Es un negocio real: {agent} es agente de bienes raíces con licencia en {brokerage}.',
        'Buena pregunta. {agent} es agente de bienes raíces con licencia y puede hablar con usted directamente para confirmarlo.',
      ],
    },
    licensed: {
      en: [
        'Yes, {agent} is a licensed real estate agent with {brokerage}, license {license}.',
        'Yes, {agent} is a licensed real estate agent, license {license}.',
        'Yes, {agent} is a licensed real estate agent with {brokerage} and can share the license details directly.',
        'Yes, {agent} is a licensed real estate agent and can share the license details directly.',
      ],
      es: [
        'Sí, {agent} es agente de bienes raíces con licencia en {brokerage}, licencia {license}.',
        'Sí, {agent} es agente de bienes raíces con licencia, número {license}.',
        'Sí, {agent} es agente de bienes raíces con licencia en {brokerage} y puede darle los datos de la licencia directamente.',
        'Sí, {agent} es agente de bienes raíces con licencia y puede darle los datos de la licencia directamente.',
      ],
    },
    fees_commission: {
      en: [
        '{agent} goes over fees and terms with you personally on a quick call, so you get the exact numbers for your situation.',
        '{agent} goes over fees and terms personally on a quick call.',
      ],
      es: [
        '{agent} revisa las comisiones y condiciones con usted personalmente en una llamada breve, para darle las cifras exactas de su caso.',
        '{agent} revisa las comisiones con usted en una llamada breve.',
      ],
    },
    closing_costs: {
      en: [
        'Closing costs depend on the price, the loan and the escrow and title fees. {agent} can walk you through an estimate for your situation.',
      ],
      es: [
        'Los costos de cierre dependen del precio, del préstamo y de las tarifas de escrow y título. {agent} puede darle un estimado para su caso.',
      ],
    },
    process: {
      en: [
        'It goes step by step: a plan with {agent}, then showings or the listing, an offer, escrow and closing. {agent} explains each step as you go.',
      ],
      es: [
        'Va paso a paso: un plan con {agent}, luego las visitas o la publicación, una oferta, el escrow y el cierre. {agent} le explica cada paso.',
      ],
    },
    preapproval_needed: {
      en: [
        'A pre-approval is usually needed before making an offer, and many sellers expect one. {agent} can explain how to get started.',
        "You don't need one to look, but sellers expect a pre-approval with an offer.",
      ],
      es: [
        'Normalmente se necesita una preaprobación antes de hacer una oferta, y muchos vendedores la piden. {agent} le explica cómo empezar.',
        'Para ver casas no hace falta, pero al ofertar piden una preaprobación.',
      ],
    },
    preapproval_how: {
      en: [
        'A lender pre-approves you, often in a day or two, from pay stubs, tax returns and bank statements. {agent} can connect you with local lenders.',
        '{agent} can connect you with local lenders; a pre-approval often takes a day or two.',
      ],
      es: [
        'Un prestamista le da la preaprobación en uno o dos días con talones de pago, impuestos y estados de cuenta. {agent} le conecta con prestamistas locales.',
        '{agent} le conecta con prestamistas locales; la preaprobación suele tardar uno o dos días.',
      ],
    },
    down_payment: {
      en: [
        'Some loans need only a small down payment, and there are down-payment help programs; a lender checks which fit you. {agent} can connect you with local lenders.',
        'Some loans need only a small down payment, and down-payment help programs exist.',
      ],
      es: [
        'Algunos préstamos piden poco enganche y hay programas de ayuda; un prestamista revisa cuáles le aplican. {agent} le conecta con prestamistas locales.',
        'Algunos préstamos piden poco enganche y hay programas de ayuda.',
      ],
    },
    repairs: {
      en: [
        'Not always: many homes sell as they are, and some simple fixes pay off more than others. {agent} can tell you which are worth it for your home.',
      ],
      es: [
        'No siempre: muchas casas se venden como están, y algunos arreglos sencillos rinden más que otros. {agent} le dice cuáles valen la pena.',
      ],
    },
    switch_to_email: {
      en: [
        "Sure, email works. We'll write to you at {email}.",
        'Sure, email works. Just reply with your email address.',
      ],
      es: [
        'Claro, por correo está bien. Le escribiremos a {email}.',
        'Claro, por correo está bien. Responda con su correo electrónico, por favor.',
      ],
    },
    reschedule: {
      en: ['No problem, we can move your appointment with {agent} to another time.'],
      es: ['Sin problema, podemos cambiar su cita con {agent} a otro horario.'],
    },
    cancel: {
      en: ["No problem, I'll have {agent} cancel your appointment."],
      es: ['Sin problema, le pediré a {agent} que cancele su cita.'],
    },
    home_value: {
      en: [
        'Based on recent nearby sales, {address} is likely worth about {low} to {high}. {agent} can prepare a full report.',
        'Based on recent nearby sales, your home is likely worth about {low} to {high}. {agent} can prepare a full report.',
        'Based on recent nearby sales, your home is likely worth about {low} to {high}.',
      ],
      es: [
        'Según ventas recientes cercanas, {address} probablemente vale entre {low} y {high}. {agent} puede prepararle un informe completo.',
        'Según ventas recientes cercanas, su casa probablemente vale entre {low} y {high}. {agent} puede prepararle un informe completo.',
        'Según ventas recientes cercanas, su casa probablemente vale entre {low} y {high}.',
      ],
    },
    listing_status: {
      en: [
        'The home at {address} is {status}, listed at {price} with {beds} bedrooms.',
        '{address} is {status}, listed at {price}.',
      ],
      es: [
        'La casa en {address} está {status}, con precio de {price} y {beds} recámaras.',
        '{address} está {status}, con precio de {price}.',
      ],
    },
    area_info: {
      en: [
        'Homes in {area} sold for a median of {median} over the last {months} months.',
        'Homes in {area} have recently sold for a median of {median}.',
      ],
      es: [
        'En {area}, las casas se vendieron a un precio mediano de {median} en los últimos {months} meses.',
        'En {area}, las casas se han vendido recientemente a un precio mediano de {median}.',
      ],
    },
    area_quality: {
      en: [
        "I can't rate schools, safety or neighborhoods. The school district and the city publish that data, and {agent} can show you homes in any area you choose.",
        "I can't rate schools or neighborhoods; the school district and the city publish that data.",
      ],
      es: [
        'No puedo calificar escuelas, seguridad ni vecindarios. El distrito escolar y la ciudad publican esos datos, y {agent} le muestra casas donde usted elija.',
        'No puedo calificar escuelas ni zonas; el distrito escolar y la ciudad publican esos datos.',
      ],
    },
    market: {
      en: [
        'In {area}, homes sold over the last {months} months went for a median of {median}, in about {days} days on the market.',
        'In {area}, recent sales went for a median of {median}, in about {days} days on the market.',
        'In {area}, homes sold over the last {months} months went for a median of {median}.',
        'In {area}, recent sales went for a median of {median}.',
      ],
      es: [
        'En {area}, las casas vendidas en los últimos {months} meses tuvieron un precio mediano de {median} y tardaron unos {days} días.',
        'En {area}, las ventas recientes tuvieron un precio mediano de {median} y tardaron unos {days} días en venderse.',
        'En {area}, las casas vendidas en los últimos {months} meses tuvieron un precio mediano de {median}.',
        'En {area}, las ventas recientes tuvieron un precio mediano de {median}.',
      ],
    },
  },
};
