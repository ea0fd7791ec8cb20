/** Spanish wording, the same keys as en.ts. */
export const es: Record<string, string[]> = {
  'lead.greet': ['Hola{name}, soy {intro}. ¿Está pensando en comprar o vender una casa?'],
  'lead.thanks_contact': ['¡Gracias por escribirnos!', '¡Qué gusto saludarle!'],
  'lead.ask_intent': [
    '¿Busca comprar una casa o vender la suya?',
    'Para orientarle bien, ¿se trata de comprar o de vender?',
    '¿Quiere comprar o vender?',
  ],
  'lead.ask_first': [
    'Con gusto le ayudo con ambas. ¿Qué va primero, vender o comprar?',
    '¿Prefiere vender primero o comprar primero?',
  ],
  'lead.commission': [
    '{agent} explica las comisiones y los acuerdos en persona en una llamada breve. ¿Cuándo le puede llamar?',
  ],

  'seller.buy_too': ['Sí, {agent} también le ayuda a comprar; eso lo vemos después.'],
  'seller.motivation': [
    '¿Qué le hace pensar en vender, y a dónde se mudaría?',
    '¿Qué motiva la mudanza, y a dónde piensa ir?',
    '¿Puedo preguntarle por qué vende y a dónde se iría después?',
  ],
  'seller.timeline': [
    '¿Le funcionaría vender en los próximos 30 a 45 días?',
    'Si apareciera el comprador indicado, ¿podría vender en 30 a 45 días?',
    '¿Es posible para usted vender en un mes o seis semanas?',
  ],
  'seller.condition': [
    '¿En qué condición está la casa, lista para vivir o necesita arreglos?',
    '¿La casa está lista para mudarse, o necesita algo de trabajo?',
    '¿Necesita reparaciones, o está lista para que alguien se mude?',
  ],
  'seller.price': [
    '¿Qué precio le dejaría contento?',
    '¿Con qué cifra quedaría satisfecho?',
    '¿Qué precio tiene en mente para la casa?',
  ],
  'seller.address': ['¿Cuál es la dirección de la propiedad?', '¿En qué dirección está la casa?'],
  'seller.which_property': ['Vamos una por una. ¿Con cuál propiedad empezamos?'],
  'seller.anchoring': [
    'Cada casa se vende por sus propios detalles, así que veremos la suya por sus méritos.',
  ],
  'seller.changed_mind': ['Lo entiendo perfectamente. Si algo cambia, aquí estoy para ayudarle.'],
  'seller.evasive_close': ['No se preocupe. Le pediré a {agent} que le contacte en un mejor momento.'],
  'seller.done': ['Gracias, con eso tengo todo lo que necesito.'],

  'buyer.budget': [
    '¿En qué rango de precio está buscando?',
    '¿Con qué presupuesto cuenta?',
    '¿Cuánto piensa invertir más o menos?',
  ],
  'buyer.financing': [
    '¿Ya tiene una preaprobación, o pagaría en efectivo?',
    '¿Ya habló con un prestamista, o será una compra en efectivo?',
    '¿Cómo piensa pagar, con préstamo o en efectivo?',
  ],
  'buyer.timeline': [
    '¿Cuándo le gustaría mudarse?',
    '¿Cuál es su plazo para mudarse?',
    '¿Qué tan pronto quiere estar en su nueva casa?',
  ],
  'buyer.areas': [
    '¿En qué zonas está buscando?',
    '¿Tiene algún vecindario en mente?',
    '¿Dónde le gustaría vivir?',
  ],
  'buyer.beds': ['¿Cuántas recámaras necesita?', '¿Cuántas recámaras le funcionarían?'],
  'buyer.must_haves': [
    '¿Algo indispensable, como alberca, un solo piso o sin HOA?',
    '¿Qué debe tener la casa sí o sí?',
  ],
  'buyer.lender_known': ['Bien, ya está trabajando con {lender} en el financiamiento.'],
  'buyer.lender_offer': [
    'No hay problema, {agent} le puede conectar con un prestamista local cuando esté listo.',
  ],
  'buyer.matches_many': ['{n} casas le quedan, la mejor es {best}.'],
  'buyer.matches_one': ['Una casa le queda: {best}.'],
  'buyer.matches_none': ['Todavía nada encaja exactamente, pero salen casas nuevas seguido.'],
  'buyer.market_timing': [
    'Los precios y las tasas cambian cada mes y {agent} le puede dar los números locales. El mejor momento depende de sus planes.',
  ],
  'buyer.two_deciders': ['Perfecto, nos aseguraremos de que a los dos les encante.'],
  'buyer.done': ['Gracias, eso ayuda mucho.', '¡Gracias! {agent} estará pendiente de casas que le queden.'],

  'ack.generic': ['Entendido.', 'Gracias.', 'De acuerdo.', 'Gracias por contarme.'],
  'ack.destination': ['¡{destination}, qué emoción!'],
  'empathy.divorce': ['Siento mucho que esté pasando por eso.'],
  'empathy.frustration': ['Qué frustrante, lo siento.'],
  'empathy.death': ['Lamento mucho su pérdida.'],
  'empathy.debt': ['Es una situación difícil, y no está solo.'],
  'empathy.underwater': ['Es una situación difícil, y hay opciones.'],

  'schedule.offer': ['{agent} puede reunirse con usted: {list}. ¿Cuál le queda mejor?'],
  'schedule.offer_showing': ['{agent} le muestra casas: {list}. ¿Cuál prefiere?'],
  'schedule.noted': [
    'Anotado, se lo paso a {agent}. ¿Qué horario le queda: {list}?',
    '{agent} también tendrá eso. ¿Le queda alguno de estos: {list}?',
  ],
  'schedule.reoffer': ['¿Cuál le queda mejor: {list}?'],
  'schedule.booked': ['Listo, queda para el {slot}. ¡{agent} le verá entonces!'],
  'schedule.daypart': [
    '¿Le quedan mejor las mañanas o las tardes?',
    '¿Por lo general le acomoda más en la mañana o en la tarde?',
  ],
  'schedule.day': ['¿Qué día le queda mejor?'],
  'schedule.agent_confirms': ['¡Gracias! {agent} le confirmará la hora exacta hoy mismo.'],
  'schedule.address_please': ['Por favor envíeme la dirección de la propiedad para que {agent} se prepare.'],
  'schedule.want_visit': [
    '¿Le gustaría que {agent} se la muestre?',
    '¿Quiere que agendemos una visita para verla?',
  ],
  'schedule.after': ['¡Gracias! {agent} le verá en la cita.'],
  'schedule.new_time': ['{agent} se comunicará con usted para confirmar el nuevo horario.'],
  'schedule.none_booked': [
    'No hay problema, no queda nada agendado. {agent} fija una hora cuando usted quiera.',
  ],

  'compliance.opt_out': ['Listo, ya no recibirá más mensajes de nuestra parte.'],
  'compliance.opt_in': ['Está suscrito de nuevo. ¿Cómo le puedo ayudar con su casa?'],
  'compliance.help': [
    'Asistente de {agent}. Ayuda: responda o llame a {agent} a este número. Pueden aplicar tarifas. Responda STOP para darse de baja.',
  ],
  'compliance.ai_disclosure': [
    'Soy el asistente automático de {agent}. ¿Quiere que {agent} le contacte personalmente?',
  ],
  'compliance.ai_disclosure_brief': ['Soy el asistente automático de {agent}.'],
  'compliance.fair_housing': [
    'Por la ley de vivienda justa no puedo orientar por raza, religión, familia u otras razones. Con gusto le ayudo por precio, tamaño y características.',
  ],
  'compliance.respa': [
    'Gracias, pero no aceptamos comisiones por referidos ni incentivos. Con gusto sigo ayudándole con la casa.',
  ],
  'compliance.lender_choice': [
    'Puede elegir el prestamista que quiera. {agent} le puede compartir algunos para comparar.',
  ],
  'compliance.ccpa': [
    'Entendido. Borraremos su información dentro de 45 días como lo permite la ley de California, y {agent} le confirmará.',
  ],
  'compliance.human': ['Le paso esto a {agent}, él le contactará hoy mismo.'],
  'escalation.holding': [
    'Le paso esto a {agent}, él le contactará hoy mismo.',
    '{agent} ya tiene su mensaje y le contactará hoy mismo.',
  ],
  'compliance.calm': ['Le entiendo. Aquí estoy cuando necesite ayuda con una casa.'],

  'misc.mash': ['Perdón, no le entendí.'],
  'misc.off_topic': ['Aquí solo puedo ayudarle con bienes raíces.'],
  'misc.clarify': ['Perdón, se lo digo de otra forma.'],
  'misc.closed': [
    '¡Gracias por su mensaje! {agent} estará en contacto.',
    'Recibido, gracias. {agent} le dará seguimiento.',
  ],
  'misc.fallback': ['Gracias por su mensaje. {agent} le dará seguimiento pronto.'],
};
