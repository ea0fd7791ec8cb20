import type { FollowUpWording } from './wording-shape.ts';

/**
 * English follow-up wording. Texts: one question at most, no links, no dashes, nothing about
 * neighbourhood character; hot leads hear a concrete next step, cold ones hear "no rush".
 */
export const followUpEn: FollowUpWording = {
  // The assistant writes, never as the agent.
  greeting: { named: "Hi {name}, {agent}'s assistant here.", plain: "Hi, {agent}'s assistant here." },
  day3: {
    seller: {
      hot: 'Are you still planning to sell soon? I can walk you through pricing for your home this week.',
      warm: 'Just checking in about your home. Have you given selling any more thought?',
      cold: 'Just a quick hello, no rush at all. Whenever selling is back on your mind, I am happy to help.',
    },
    buyer: {
      hot: 'Are you still hoping to move soon? I can set up showings this week for homes that fit.',
      warm: 'Just checking in on your home search. Have you seen anything you liked?',
      cold: 'Just a quick hello, no rush at all. Whenever you want to look at homes again, I am here to help.',
    },
    lead: {
      hot: 'Are you still planning to make a move soon? I can help you with the next step this week.',
      warm: 'Just checking in. Is there anything I can help you with on buying or selling?',
      cold: 'Just a quick hello, no rush at all. Whenever you want to talk real estate, I am happy to help.',
    },
  },
  day7: {
    factWithDays: 'Homes in {area} sold for a median {price} over the last {period}, in about {days} days.',
    factNoDays: 'Homes in {area} sold for a median {price} over the last {period}.',
    periodOne: 'month',
    periodMany: '{months} months',
    closer: {
      seller: 'Want to know what that could mean for your home?',
      buyer: 'Want me to keep an eye out for homes there that fit?',
      lead: 'Want to talk about what that means for you?',
    },
    noFact: {
      seller: 'Prices keep moving, and I can pull recent sales near your home whenever it helps.',
      buyer: 'New listings keep coming up, and I can send you the ones that fit whenever you like.',
      lead: 'I can pull recent local sales for you whenever it helps.',
    },
  },
  day14: {
    askAddress: 'I can put together a free market analysis of your home. What is the property address?',
    rangeNoEmail:
      'Based on recent sales, {place} looks to be worth about {low} to {high}. Want me to email you the full report?',
    yourHome: 'your home',
    noCma:
      'I am looking at recent sales near {place} so we can talk about its value. Is a quick call this week okay?',
    matchesMany: '{count} homes fit what you told me, the best is {best}.',
    matchesManyNoBest: '{count} homes fit what you told me so far.',
    matchesOne: 'One home fits what you told me: {best}.',
    matchesOneNoBest: 'One home fits what you told me so far.',
    sendListAsk: 'Want me to email you the list?',
    sendListReply: 'Reply with your email and I will send you the list.',
    noMatches:
      'Nothing fits your search exactly yet, but new homes come up every week. Has anything changed in what you are looking for?',
  },
  day30: {
    intro: {
      seller: 'If selling is on hold, no problem at all.',
      buyer: 'If your home search is on hold, no problem at all.',
      lead: 'If your plans are on hold, no problem at all.',
    },
    ask: 'Should I close your file for now, or keep you posted?',
  },
  cmaEmail: {
    subject: 'Your Comparative Market Analysis for {address}',
    hello: 'Hi {name},',
    helloPlain: 'Hello,',
    intro:
      'Here is the Comparative Market Analysis for {address}, based on recent sales of similar homes nearby.',
    rangeTitle: 'Estimated value range',
    low: 'Low',
    likely: 'Most likely',
    high: 'High',
    market:
      'In {area}, homes sold for a median {price} over the last {period}, in about {days} days ({sales} sales).',
    attached:
      'The full report, with the comparable sales and a price per square foot chart, is attached as a PDF.',
    toFollow: 'The full report with the comparable sales will follow in a separate email.',
    disclaimer: 'This is a comparative market analysis based on recent sales. It is not an appraisal.',
    closing: 'If you would like to talk it over, just reply to this email or text me.',
    signoff: 'Best regards,',
  },
  matchesEmail: {
    subjectOne: 'A home that fits your search',
    subjectMany: '{count} homes that fit your search',
    hello: 'Hi {name},',
    helloPlain: 'Hello,',
    intro: 'Here are the homes on the market right now that fit what you told me:',
    row: '{address}, {neighborhood}: {price}, {beds} bd, {baths} ba',
    more: 'There are {count} more that fit. Reply and I will send the full list.',
    closing: 'Reply to this email or text me if you would like to see any of them in person.',
    signoff: 'Best regards,',
  },
};
