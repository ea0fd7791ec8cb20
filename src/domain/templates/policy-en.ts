/** English wording for objections, questions we defer, keywords and silent states. */
export const policyEn: Record<string, string[]> = {
  'objection.has_agent': [
    "Thanks for letting me know, and I'm glad you're in good hands. I won't reach out again. Best of luck!",
  ],
  'objection.listed_with_other': [
    "Thanks for letting me know, and good luck with the sale! I won't reach out again.",
  ],
  'objection.listed_with_other_ending': [
    "Thanks for letting me know. I won't text while it's listed; once it has ended, just text me and {agent} will be glad to help.",
  ],
  'objection.already_bought': ["Congratulations on the new home! I won't reach out again."],
  'objection.already_sold': ["Congratulations on the sale! I won't reach out again."],
  'objection.not_interested': [
    "Understood, thanks for letting me know. I'll close this out. If anything changes, just text me.",
  ],
  'objection.not_selling_anymore': [
    "Understood, thanks for letting me know. If your plans change, just text me and we'll pick it up.",
  ],
  'objection.wrong_number': ["Sorry about that! We'll remove this number and you won't hear from us again."],
  'objection.stop_texting': [
    "Sorry about that, I'll stop the questions. Reply STOP anytime if you'd rather get no texts at all.",
  ],
  'objection.asked_again': ['Sorry for asking again, I have it now.'],
  'objection.hostile': ["I'm sorry for the trouble. I'll stop here and {agent} will follow up personally."],
  'objection.just_looking': ['No pressure at all, looking is a great place to start.'],
  'objection.too_early': ["No rush at all, it's never too early to get a feel for things."],
  // Not now, said again right after the line above: no second pitch, no question.
  'objection.nurture_again': ["Understood, no rush. Whenever you're ready, just text me."],

  'compliance.opt_out_email': [
    "You're unsubscribed from texts and won't get more of them. We'll reach you by email instead.",
  ],
  'language.switched': ['Sure, English it is.'],
  'question.value_at_meeting': ['{agent} will bring a value range for your home to the meeting.'],
  'question.defer': [
    "Good question, I'll have {agent} answer that for you personally.",
    "I'll pass that to {agent} so you get the right answer.",
  ],
  'question.value_need_address': [
    'Happy to get you a value range for your home. What is the property address?',
  ],
  'question.value_range': [
    'Based on recent sales nearby, homes like yours are going for about {low} to {high}.',
  ],
  'question.value_unknown': [
    "{agent} can prepare a value report for {address} with recent sales. I'll have him reach out.",
  ],
  'loop.choices.seller.condition': [
    'Roughly, what condition is the home in: updated, good, dated, or needing repairs?',
  ],
  'loop.choices.seller.timeline': [
    'Would 30 to 45 days work, or is 2 to 3 months or later in the year more realistic?',
  ],
  'loop.choices.seller.price': ['A rough number is fine. What price are you hoping for, say 600k or 700k?'],
  'loop.choices.seller.motivation': [
    "What's the reason for the move: relocating, downsizing, upsizing, or something else?",
  ],
  'loop.choices.buyer.budget': ['A rough range is fine. What budget, say 500k to 600k?'],
  'loop.choices.buyer.financing': ['Pre-approved, still talking to a lender, or paying cash?'],
  'loop.choices.buyer.timeline': ['When would you like to move: right away, in a few months, or next year?'],
  'loop.choices.buyer.areas': ['Which areas do you like, for example Rancho Cucamonga, Upland or Fontana?'],
  'loop.choices.buyer.beds': ['How many bedrooms: 2, 3 or 4?'],
  'loop.choices.lead.ask_intent': ['Are you buying, selling, or both?'],
  'loop.skip': ['No problem, {agent} can go over that with you.'],
  // A question given up on, named, so "that" never points at the wrong thing.
  'loop.skip.seller.motivation': ['No problem, {agent} can talk through your plans with you.'],
  'loop.skip.seller.timeline': ['No problem, {agent} can go over timing with you.'],
  'loop.skip.seller.condition': ["No problem, {agent} can go over the home's condition with you."],
  'loop.skip.seller.price': ['No problem, {agent} can go over pricing with you.'],
  'loop.skip.buyer.budget': ['No problem, {agent} can go over the budget with you.'],
  'loop.skip.buyer.financing': ['No problem, {agent} can go over financing with you.'],
  'loop.skip.buyer.timeline': ['No problem, {agent} can go over timing with you.'],
  'loop.skip.buyer.areas': ['No problem, {agent} can go over areas with you.'],
  'loop.handoff': ["No problem, I'll have {agent} reach out to go over the details with you."],
  'seller.offer_meeting': ['Thanks, that gives {agent} a clear picture.'],
};
