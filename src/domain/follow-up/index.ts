// Follow-up sequences, pure: when each step is due and may be sent, whether it may be sent at
// all, and what it says. The app layer stores the plan, runs the jobs and sends the messages.

export { composeDay14, composeFollowUp } from './compose-follow-up.ts';
export {
  type CmaEmailInput,
  composeCmaEmail,
  composeMatchesEmail,
  type MatchesEmailInput,
} from './emails.ts';
export {
  addressSlug,
  cmaAttachmentName,
  escapeHtml,
  formatUsd,
  formatUsdShort,
  greetingName,
} from './format.ts';
export { isValidTimeZone, localDateTime } from './local-time.ts';
export {
  allowedSendTime,
  DEFAULT_FOLLOW_UP_TAGS,
  DEFAULT_SEND_WINDOW,
  FOLLOW_UP_STEPS,
  type FollowUpBlockedReason,
  type FollowUpContactStatus,
  type FollowUpStep,
  type FollowUpTagNames,
  followUpBlockedFor,
  followUpBlockedReason,
  type PlannedFollowUp,
  planFollowUps,
  STEP_DAYS,
  type SendTimeOptions,
  type SendWindow,
} from './schedule.ts';
export { SMS_MAX_LENGTH } from './sms.ts';
export type {
  AgentTask,
  EmailContent,
  FollowUpContext,
  FollowUpMessage,
  MarketFact,
  MatchListItem,
} from './types.ts';
