// The record moved to ports/ (it crosses layers); kept for the files that still import it from here.
export * from '../ports/outbox-action.ts';
