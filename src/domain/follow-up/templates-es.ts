import type { FollowUpWording } from './wording-shape.ts';

/** Spanish follow-up wording (usted), the same rules and structure as templates-en.ts. */
export const followUpEs: FollowUpWording = {
  // Escribe el asistente, nunca como si fuera el agente.
  greeting: {
    named: 'Hola {name}, le escribe el equipo de {agent}.',
    plain: 'Hola, le escribe el equipo de {agent}.',
  },
  day3: {
    seller: {
      hot: '¿Sigue con planes de vender pronto? Puedo explicarle el precio de su casa esta semana.',
      warm: 'Solo quería saber cómo va todo con su casa. ¿Ha pensado más en vender?',
      cold: 'Solo un saludo, sin ninguna prisa. Cuando quiera retomar la venta, con gusto le ayudo.',
    },
    buyer: {
      hot: '¿Sigue buscando mudarse pronto? Puedo organizar visitas esta semana a casas que le queden bien.',
      warm: 'Solo quería saber cómo va su búsqueda. ¿Ha visto algo que le guste?',
      cold: 'Solo un saludo, sin ninguna prisa. Cuando quiera volver a ver casas, aquí estoy para ayudarle.',
    },
    lead: {
      hot: '¿Sigue con planes de mudarse pronto? Puedo ayudarle con el siguiente paso esta semana.',
      warm: 'Solo quería saludarle. ¿Le puedo ayudar en algo para comprar o vender?',
      cold: 'Solo un saludo, sin ninguna prisa. Cuando quiera hablar de bienes raíces, con gusto le ayudo.',
    },
  },
  day7: {
    factWithDays: 'En {area}, la venta mediana fue de {price} en {period}, en unos {days} días.',
    factNoDays: 'En {area}, la venta mediana fue de {price} en {period}.',
    periodOne: 'el último mes',
    periodMany: 'los últimos {months} meses',
    closer: {
      seller: '¿Quiere saber qué significa para su casa?',
      buyer: '¿Le aviso de casas ahí que le queden bien?',
      lead: '¿Hablamos de lo que significa para usted?',
    },
    noFact: {
      seller:
        'Los precios siguen cambiando, y puedo revisar las ventas recientes cerca de su casa cuando guste.',
      buyer: 'Siguen saliendo casas nuevas, y puedo enviarle las que le queden bien cuando guste.',
      lead: 'Puedo revisar las ventas recientes de la zona para usted cuando guste.',
    },
  },
  day14: {
    askAddress:
      'Puedo prepararle un análisis de mercado gratuito de su casa. ¿Cuál es la dirección de la propiedad?',
    rangeNoEmail:
      'Según las ventas recientes, {place} vale entre {low} y {high} aproximadamente. ¿Quiere que le envíe el reporte completo por correo?',
    yourHome: 'su casa',
    noCma:
      'Estoy revisando las ventas recientes cerca de {place} para hablar de su valor. ¿Le queda bien una llamada breve esta semana?',
    matchesMany: '{count} casas cumplen con lo que me dijo, la mejor es {best}.',
    matchesManyNoBest: 'Por ahora {count} casas cumplen con lo que me dijo.',
    matchesOne: 'Una casa cumple con lo que me dijo: {best}.',
    matchesOneNoBest: 'Por ahora una casa cumple con lo que me dijo.',
    sendListAsk: '¿Quiere que le envíe la lista por correo?',
    sendListReply: 'Responda con su correo y le envío la lista.',
    noMatches:
      'Todavía no hay nada que cumpla exactamente con su búsqueda, pero salen casas nuevas cada semana. ¿Ha cambiado algo de lo que busca?',
  },
  day30: {
    intro: {
      seller: 'Si la venta está en pausa, no hay ningún problema.',
      buyer: 'Si su búsqueda está en pausa, no hay ningún problema.',
      lead: 'Si sus planes están en pausa, no hay ningún problema.',
    },
    ask: '¿Cierro su expediente por ahora, o le sigo informando?',
  },
  cmaEmail: {
    subject: 'Su análisis comparativo de mercado para {address}',
    hello: 'Hola {name},',
    helloPlain: 'Hola,',
    intro:
      'Le comparto el análisis comparativo de mercado de {address}, basado en ventas recientes de casas similares cercanas.',
    rangeTitle: 'Rango de valor estimado',
    low: 'Bajo',
    likely: 'Más probable',
    high: 'Alto',
    market:
      'En {area}, las casas se vendieron por una mediana de {price} en {period}, en unos {days} días ({sales} ventas).',
    attached:
      'El reporte completo, con las ventas comparables y una gráfica de precio por pie cuadrado, va adjunto en PDF.',
    toFollow: 'El reporte completo con las ventas comparables le llegará en un correo aparte.',
    disclaimer: 'Este es un análisis comparativo de mercado basado en ventas recientes. No es un avalúo.',
    closing: 'Si quiere comentarlo, responda a este correo o envíeme un mensaje de texto.',
    signoff: 'Saludos cordiales,',
  },
  matchesEmail: {
    subjectOne: 'Una casa que se ajusta a su búsqueda',
    subjectMany: '{count} casas que se ajustan a su búsqueda',
    hello: 'Hola {name},',
    helloPlain: 'Hola,',
    intro: 'Estas son las casas en venta ahora mismo que se ajustan a lo que me dijo:',
    row: '{address}, {neighborhood}: {price}, {beds} rec., {baths} baños',
    more: 'Hay {count} más que se ajustan. Responda y le envío la lista completa.',
    closing: 'Responda a este correo o envíeme un mensaje si quiere ver alguna en persona.',
    signoff: 'Saludos cordiales,',
  },
};
