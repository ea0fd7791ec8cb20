import { describe, expect, it } from 'vitest';
import { extractFinancing } from '../../../src/domain/language/index.ts';

describe('extractFinancing', () => {
  it.each([
    ['pre-approved with Chase', { status: 'pre_approved', lender: 'Chase' }],
    ['preapproved', { status: 'pre_approved' }],
    ['Pre approved already', { status: 'pre_approved' }],
    ['we are pre approved for 650k through Navy Federal', { status: 'pre_approved', lender: 'Navy Federal' }],
    ['Pre-approved with First American Bank', { status: 'pre_approved', lender: 'First American Bank' }],
    ['got approved for 700k with wells fargo', { status: 'pre_approved', lender: 'Wells Fargo' }],
    ['I have a pre-approval letter', { status: 'pre_approved' }],
    ['pre-aprobado', { status: 'pre_approved' }],
    ['estamos pre aprobados con Wells Fargo', { status: 'pre_approved', lender: 'Wells Fargo' }],
    ['aprobado por 400 mil', { status: 'pre_approved' }],
    ['ya estamos aprobados', { status: 'pre_approved' }],
    ['no estamos aprobados todavía', { status: 'not_yet' }],
    ['paying cash', { status: 'cash' }],
    ['all cash', { status: 'cash' }],
    ['we will pay cash', { status: 'cash' }],
    ['cash buyer', { status: 'cash' }],
    ['pago en efectivo', { status: 'cash' }],
    ['de contado', { status: 'cash' }],
    ["haven't talked to a lender", { status: 'not_yet' }],
    ['not pre-approved yet', { status: 'not_yet' }],
    ['need to get pre-approved', { status: 'not_yet' }],
    ['I need a lender', { status: 'not_yet' }],
    ['we dont have a lender', { status: 'not_yet' }],
    ['todavía no', { status: 'not_yet' }],
    ['no estoy pre-aprobado', { status: 'not_yet' }],
    ['no tengo prestamista', { status: 'not_yet' }],
    ['getting pre-approved next week', { status: 'in_process' }],
    ['waiting on the approval letter', { status: 'in_process' }],
    ['talking to a lender now', { status: 'in_process' }],
    ['pre qualified', { status: 'in_process' }],
    ['en proceso con el banco', { status: 'in_process' }],
  ])('%j → %j', (text, financing) => {
    expect(extractFinancing(text)).toEqual(financing);
  });

  it.each([
    ['not yet', { status: 'not_yet' }],
    ['nope', { status: 'not_yet' }],
    ['no not yet', { status: 'not_yet' }],
    ['working on it', { status: 'in_process' }],
    ['cash', { status: 'cash' }],
    ['aún no', { status: 'not_yet' }],
  ])('after the financing question, %j → %j', (text, financing) => {
    expect(extractFinancing(text, { justAsked: true })).toEqual(financing);
  });

  it.each([
    ['I have a budget of 600k'],
    ['looking under 500k in etiwanda'],
    ['we dont have cash'],
    ['3 beds 2 baths'],
    ['not yet'],
    ['working on it'],
  ])('%j says nothing about financing unless asked', (text) => {
    expect(extractFinancing(text)).toBeNull();
  });
});
