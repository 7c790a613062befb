import type { Server } from 'node:http';
import type Stripe from 'stripe';
import type { RelinkAuthorize } from '../../dist/server/index.js';

export function demoCustomer(stripe: Stripe, given: string | undefined): Promise<string>;
export function demoAuthorize(stripe: Stripe, customer: string, apiVersion?: string): RelinkAuthorize;
export function createLiveDemoServer(options: {
  stripe: Stripe;
  publishableKey: string;
  customer: string;
  apiVersion?: string;
  webhookSecret?: string;
  log?: (line: string) => void;
}): Server;
