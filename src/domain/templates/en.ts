/** English wording. Each key has one or more variants; re-asks rotate through them. */
export const en: Record<string, string[]> = {
  'lead.greet': ['Hi{name}, this is {intro}. Are you thinking of buying a home or selling one?'],
  'lead.thanks_contact': ['Thanks for reaching out!', 'Glad you got in touch!'],
  'lead.ask_intent': [
    'Are you looking to buy a home or sell one?',
    'Just so I point you the right way, is this about buying or selling?',
    'Are you hoping to buy, or to sell?',
  ],
  'lead.ask_first': [
    'Happy to help with both. Which comes first for you, selling or buying?',
    'Would you rather sell first or buy first?',
  ],
  'lead.commission': [
    '{agent} goes over fees and co-op terms personally on a quick call. When is a good time to reach you?',
  ],

  'seller.buy_too': ["Yes, {agent} helps with buying too; we'll plan that next."],
  'seller.motivation': [
    "What's got you thinking about selling, and where would you move?",
    "What's prompting the move, and where are you headed next?",
    'Can I ask what is behind the sale and where you would go after?',
  ],
  'seller.timeline': [
    'Would selling within the next 30 to 45 days work for you?',
    'If the right buyer came along, could you be ready to sell in 30 to 45 days?',
    'Is a sale in about a month or six weeks doable for you?',
  ],
  'seller.condition': [
    "How would you describe the home's condition, move-in ready or needing some work?",
    'Is the house move-in ready, or does it need some work?',
    'Any repairs needed, or is it ready for someone to move in?',
  ],
  'seller.price': [
    'What price would make you happy?',
    'What number would you need to walk away happy?',
    'What price do you have in mind for the home?',
  ],
  'seller.address': ["What's the property address?", 'Which address is the home at?'],
  'seller.which_property': ["Let's take them one at a time. Which property should we start with?"],
  'seller.anchoring': ['Every home sells on its own details, so we will look at yours on its merits.'],
  'seller.changed_mind': ['Totally understand. If anything changes, I am here to help.'],
  'seller.evasive_close': ['No worries. I will have {agent} reach out at a better time.'],
  'seller.done': ["Thanks, that's everything I need."],

  'buyer.budget': [
    'What price range are you shopping in?',
    'What budget are you working with?',
    'Roughly how much are you looking to spend?',
  ],
  'buyer.financing': [
    'Are you pre-approved yet, or paying cash?',
    'Have you talked with a lender yet, or is this a cash purchase?',
    'How are you planning to pay, with a loan or cash?',
  ],
  'buyer.timeline': [
    'When are you hoping to move?',
    "What's your timeline for moving?",
    'How soon would you like to be in a new home?',
  ],
  'buyer.areas': [
    'Which areas are you looking in?',
    'Any neighborhoods you have in mind?',
    'Where would you like to live?',
  ],
  'buyer.beds': ['How many bedrooms do you need?', 'How many bedrooms would work for you?'],
  'buyer.must_haves': [
    'Any must-haves, like a pool, single story or no HOA?',
    'Anything the home has to have?',
  ],
  'buyer.lender_known': ["Good, you're already working with {lender} on the financing."],
  'buyer.lender_offer': ['No problem, {agent} can connect you with a local lender when you are ready.'],
  'buyer.matches_many': ['{n} homes fit so far, the best is {best}.'],
  'buyer.matches_one': ['One home fits so far: {best}.'],
  'buyer.matches_none': ['Nothing fits exactly yet, but new listings come up often.'],
  'buyer.market_timing': [
    'Prices and rates shift month to month and {agent} can share the latest local numbers. The right time depends on your plans.',
  ],
  'buyer.two_deciders': ['Great, we will make sure you both love it.'],
  'buyer.done': ['Thanks, that helps a lot.', 'Thanks! {agent} will keep an eye out for homes that fit.'],

  'ack.generic': ['Got it.', 'Thanks.', 'Understood.', 'Thanks for sharing.'],
  'ack.destination': ['{destination}, exciting!'],
  'empathy.divorce': ["I'm sorry you're going through that."],
  'empathy.frustration': ["That sounds frustrating, I'm sorry."],
  'empathy.death': ["I'm so sorry for your loss."],
  'empathy.debt': ["That's a tough spot, and you're not alone."],
  'empathy.underwater': ["That's a tough spot, and there are options."],

  'schedule.offer': ['{agent} can meet you: {list}. Which works best?'],
  'schedule.offer_showing': ['{agent} can show you homes: {list}. Which works best?'],
  'schedule.noted': [
    "Noted, I'll pass that on to {agent}. Which time works: {list}?",
    '{agent} will have that too. Does one of these suit you: {list}?',
  ],
  'schedule.reoffer': ['Which one works best for you: {list}?'],
  'schedule.booked': ["You're set for {slot}. {agent} will see you then!"],
  'schedule.daypart': [
    'Do mornings or afternoons work better for you?',
    'Would a morning or an afternoon usually be easier for you?',
  ],
  'schedule.day': ['What day works best for you?'],
  'schedule.agent_confirms': ['Thanks! {agent} will confirm the exact time with you today.'],
  'schedule.address_please': ['Please text the property address so {agent} can prepare.'],
  'schedule.want_visit': ['Would you like {agent} to show it to you?', 'Want to set up a time to see it?'],
  'schedule.after': ['Thanks! {agent} will see you at the appointment.'],
  'schedule.new_time': ['{agent} will reach out to confirm the new time.'],
  'schedule.none_booked': ["No problem, nothing is booked. {agent} will set a time whenever you're ready."],

  'compliance.opt_out': ["You're unsubscribed and won't get more messages from us."],
  'compliance.opt_in': ["You're subscribed again. How can I help with your home?"],
  'compliance.help': [
    "{agent}'s assistant here. For help, reply or call {agent} at this number. Msg & data rates may apply. Reply STOP to opt out.",
  ],
  'compliance.ai_disclosure': [
    "I'm {agent}'s automated assistant. Would you like {agent} to reach out to you personally?",
  ],
  // Beside other questions of the lead, which are answered after it.
  'compliance.ai_disclosure_brief': ["I'm {agent}'s automated assistant."],
  'compliance.fair_housing': [
    "Fair housing law means I can't steer anyone by race, religion, family status or similar. I'm happy to help by price, size and features.",
  ],
  'compliance.respa': [
    "Thanks, but we don't accept referral fees or kickbacks. Happy to keep helping with the home itself.",
  ],
  'compliance.lender_choice': [
    "You're free to choose any lender. {agent} can share a few to compare if you like.",
  ],
  'compliance.ccpa': [
    "Understood. We'll delete your information within 45 days as California law allows, and {agent} will confirm.",
  ],
  'compliance.human': ["Let me get {agent} on this, he'll reach out today."],
  'escalation.holding': [
    "Let me get {agent} on this, he'll reach out today.",
    '{agent} already has your message and will reach out to you today.',
  ],
  'compliance.calm': ["I hear you. I'm here whenever you need help with a home."],

  'misc.mash': ["Sorry, I didn't catch that."],
  'misc.off_topic': ['I can only help with real estate here.'],
  'misc.clarify': ['Sorry, let me put that another way.'],
  'misc.closed': [
    'Thanks for the message! {agent} will be in touch.',
    'Got it, thanks. {agent} will follow up with you.',
  ],
  'misc.fallback': ['Thanks for your message. {agent} will follow up with you shortly.'],
};
