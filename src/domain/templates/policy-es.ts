/** Spanish wording for objections, questions we defer, keywords and silent states (keys of policy-en.ts). */
export const policyEs: Record<string, string[]> = {
  'objection.has_agent': [
    'Gracias por avisarme, qué bueno que ya tiene quien le ayude. No le volveré a escribir. ¡Mucha suerte!',
  ],
  'objection.listed_with_other': [
    'Gracias por avisarme, ¡mucha suerte con la venta! No le volveré a escribir.',
  ],
  'objection.listed_with_other_ending': [
    'Gracias por avisarme. No le escribiré mientras esté listada; cuando termine, escríbame y {agent} le ayudará con gusto.',
  ],
  'objection.already_bought': ['¡Felicidades por su nueva casa! No le volveré a escribir.'],
  'objection.already_sold': ['¡Felicidades por la venta! No le volveré a escribir.'],
  'objection.not_interested': ['Entendido, gracias por avisarme. Si algo cambia, solo escríbame.'],
  'objection.not_selling_anymore': [
    'Entendido, gracias por avisarme. Si sus planes cambian, escríbame y lo retomamos.',
  ],
  'objection.wrong_number': ['¡Disculpe la molestia! Quitaremos este número y no le volveremos a escribir.'],
  'objection.stop_texting': [
    'Disculpe, ya no le haré más preguntas. Si prefiere no recibir mensajes, responda ALTO cuando quiera.',
  ],
  'objection.asked_again': ['Perdón por preguntar otra vez, ya lo tengo anotado.'],
  'objection.hostile': ['Disculpe la molestia. Lo dejo aquí y {agent} le dará seguimiento en persona.'],
  'objection.just_looking': ['Sin presión, mirar es un buen comienzo.'],
  'objection.too_early': ['Sin prisa, nunca es demasiado pronto para informarse.'],
  'objection.nurture_again': ['Entendido, sin prisa. Cuando esté listo, mándeme un mensaje.'],

  'compliance.opt_out_email': ['Listo, ya no recibirá más mensajes de texto. Le escribiremos por correo.'],
  'language.switched': ['Claro, seguimos en español.'],
  'question.value_at_meeting': ['{agent} le llevará a la reunión un rango de valor de su casa.'],
  'question.defer': [
    'Buena pregunta, le pediré a {agent} que se la conteste en persona.',
    'Le paso la pregunta a {agent} para darle la respuesta correcta.',
  ],
  'question.value_need_address': [
    'Con gusto le doy un rango de valor de su casa. ¿Cuál es la dirección de la propiedad?',
  ],
  'question.value_range': [
    'Según ventas recientes cerca, casas como la suya se venden entre {low} y {high}.',
  ],
  'question.value_unknown': [
    '{agent} puede preparar un reporte de valor para {address} con ventas recientes. Le pediré que le contacte.',
  ],
  'loop.choices.seller.condition': [
    'Más o menos, ¿en qué condición está la casa: renovada, buena, anticuada o necesita reparaciones?',
  ],
  'loop.choices.seller.timeline': [
    '¿Le funcionarían 30 a 45 días, o es más realista en 2 o 3 meses o más adelante?',
  ],
  'loop.choices.seller.price': [
    'Una cifra aproximada está bien. ¿Qué precio espera, digamos 600 mil o 700 mil?',
  ],
  'loop.choices.seller.motivation': [
    '¿Cuál es la razón de la mudanza: trabajo, casa más chica, más grande, u otra?',
  ],
  'loop.choices.buyer.budget': ['Un rango aproximado está bien. ¿Qué presupuesto, digamos de 500 a 600 mil?'],
  'loop.choices.buyer.financing': [
    '¿Ya tiene preaprobación, está hablando con un prestamista, o paga en efectivo?',
  ],
  'loop.choices.buyer.timeline': [
    '¿Cuándo le gustaría mudarse: de inmediato, en unos meses, o el próximo año?',
  ],
  'loop.choices.buyer.areas': ['¿Qué zonas le gustan, por ejemplo Rancho Cucamonga, Upland o Fontana?'],
  'loop.choices.buyer.beds': ['¿Cuántas recámaras: 2, 3 o 4?'],
  'loop.choices.lead.ask_intent': ['¿Quiere comprar, vender, o ambas?'],
  'loop.skip': ['No se preocupe, {agent} puede verlo con usted.'],
  'loop.skip.seller.motivation': ['No se preocupe, {agent} puede platicar sus planes con usted.'],
  'loop.skip.seller.timeline': ['No se preocupe, {agent} puede ver las fechas con usted.'],
  'loop.skip.seller.condition': ['No se preocupe, {agent} puede ver la condición de la casa con usted.'],
  'loop.skip.seller.price': ['No se preocupe, {agent} puede ver el precio con usted.'],
  'loop.skip.buyer.budget': ['No se preocupe, {agent} puede ver el presupuesto con usted.'],
  'loop.skip.buyer.financing': ['No se preocupe, {agent} puede ver el financiamiento con usted.'],
  'loop.skip.buyer.timeline': ['No se preocupe, {agent} puede ver las fechas con usted.'],
  'loop.skip.buyer.areas': ['No se preocupe, {agent} puede ver las zonas con usted.'],
  'loop.handoff': ['No se preocupe, le pediré a {agent} que le contacte para ver los detalles.'],
  'seller.offer_meeting': ['Gracias, con eso {agent} tiene una idea clara.'],
};
