import type { AskedQuestion, BotKind, ObjectionType } from '../../../src/domain/understand/types.ts';

// Messages written for these tests (not taken from the corpus), with the objection a careful
// realtor would hear in each, or none. Shared by the unit tests and eval/dev/train-stance.ts,
// which scores the rules and the trained classifier on them as messages neither has seen.

export interface ObjectionCase {
  text: string;
  bot: BotKind;
  asked: AskedQuestion | null;
  want: ObjectionType | null;
}

const c = (
  text: string,
  want: ObjectionType | null,
  bot: BotKind = 'lead',
  asked: AskedQuestion | null = null,
) => ({
  text,
  bot,
  asked,
  want,
});

export const OBJECTION_CASES: readonly ObjectionCase[] = [
  // has_agent
  c('we got a realtor already thx', 'has_agent'),
  c('already got a realtor', 'has_agent'),
  c('my sister in law does real estate, shes our agent', 'has_agent'),
  c('i have an agent i trust', 'has_agent', 'buyer'),
  c('we went w someone else', 'has_agent'),
  c('working with an agent from Redfin already', 'has_agent', 'buyer'),
  c('ya tenemos un agente que nos ayuda', 'has_agent', 'buyer'),
  c('mi primo es realtor, él nos ayuda', 'has_agent'),
  c('Already have a relator', 'has_agent'),
  c('we hired an agent last week', 'has_agent', 'buyer'),
  // listed_with_other
  c('house is already listed with a different company', 'listed_with_other', 'seller'),
  c('we are selling on our own, no agents', 'listed_with_other', 'seller'),
  c('FSBO for now', 'listed_with_other'),
  c('its on the MLS already with my friend', 'listed_with_other', 'seller'),
  c('ya la pusimos en venta con otra agencia', 'listed_with_other', 'seller'),
  // already_bought
  c('we closed on our new home last month', 'already_bought', 'buyer'),
  c('already purchased, thank you though', 'already_bought', 'buyer'),
  c('we are in escrow right now on a townhouse', 'already_bought', 'buyer'),
  c('ya compramos una casa en Fontana', 'already_bought', 'buyer'),
  // already_sold
  c('it sold last week', 'already_sold', 'seller'),
  c('we sold the house back in september', 'already_sold', 'seller'),
  c('sold already, sorry', 'already_sold'),
  c('we took an offer from a cash buyer', 'already_sold', 'seller'),
  c('ya se vendió la casa', 'already_sold', 'seller'),
  // not_interested
  c('nah not interested', 'not_interested'),
  c('not interested. thanks', 'not_interested'),
  c('no interest in selling', 'not_interested'),
  c('no gracias, no me interesa', 'not_interested'),
  c('we are not looking to move', 'not_interested'),
  c('i dont need an agent', 'not_interested'),
  // not_selling_anymore
  c('we changed our minds about selling', 'not_selling_anymore', 'seller'),
  c('decided to keep the house', 'not_selling_anymore', 'seller'),
  c('no longer selling', 'not_selling_anymore', 'seller'),
  c('we are going to stay after all', 'not_selling_anymore', 'seller'),
  c('ya no la vamos a vender', 'not_selling_anymore', 'seller'),
  // wrong_number
  c('u got the wrong person', 'wrong_number'),
  c('wrong # buddy', 'wrong_number'),
  c('you have the wrong number', 'wrong_number'),
  c('no one named Carlos lives here', 'wrong_number'),
  c('se equivocaron de número', 'wrong_number'),
  c('I am not Sandra', 'wrong_number'),
  // stop_texting
  c('why do you keep messaging me', 'stop_texting'),
  c('too many texts man', 'stop_texting'),
  c('stop asking me all these questions', 'stop_texting'),
  c('enough with the texts', 'stop_texting'),
  c('dejen de mandarme mensajes por favor', 'stop_texting'),
  // hostile
  c('you realtors are vultures', 'hostile'),
  c('get lost', 'hostile'),
  c('what the hell is wrong with you people', 'hostile'),
  // just_looking
  c('just browsing for now', 'just_looking', 'buyer'),
  c('only looking, not ready to buy', 'just_looking', 'buyer'),
  c('just curious about prices in the area', 'just_looking'),
  c('solo estamos viendo', 'just_looking', 'buyer'),
  // too_early
  c('not for another year or two', 'too_early', 'seller', 'timeline'),
  c('hit me up next spring', 'too_early'),
  c('not right now', 'too_early'),
  c('too soon for us', 'too_early'),
  c('we are holding off until rates drop', 'too_early', 'buyer'),
  c('maybe in a few years', 'too_early'),
  c('todavía es muy pronto', 'too_early'),
  // ordinary answers that only look like objections
  c('my agent retired so I need a new one', 'has_agent', 'seller'),
  c('do you know a good agent in Chino?', null),
  c("I don't have an agent yet", null, 'buyer'),
  c('is it listed already?', null, 'buyer'),
  c('the one on Baseline sold for how much?', null, 'buyer'),
  c('we bought it in 2012', null, 'seller', 'motivation'),
  c('we bought another place, need to sell this one', null, 'seller', 'motivation'),
  c('just looking for a 3 bedroom under 600', null, 'buyer'),
  c('not interested in condos, only houses', null, 'buyer', 'needs'),
  c('no HOA please', null, 'buyer', 'needs'),
  c('we are not in a rush', null, 'seller', 'timeline'),
  c('a year', null, 'seller', 'timeline'),
  c('been renting for 3 years', null, 'buyer'),
  c('stop by anytime saturday', null, 'seller', 'appointment'),
  c('my neighbor sold theirs for 820', null, 'seller', 'price'),
  c('my new number is 909 555 0142', null),
  c('the house is good, new roof', null, 'seller', 'condition'),
  c('I am good with 650', null, 'seller', 'price'),
  c('not yet', null, 'buyer', 'preapproval'),
  c('no', null, 'buyer', 'preapproval'),
  c('wrong area, we want Upland not Ontario', null, 'buyer', 'area'),
  c('this is my number now', null),
  c('the tenants keep texting me about the sink', null, 'seller', 'motivation'),
];
