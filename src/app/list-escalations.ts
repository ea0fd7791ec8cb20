// The escalation views are read models of the escalation store (ports/escalation-store.ts).
export type { ComplianceTicketView, EscalationView } from '../ports/escalation-store.ts';
