import { Agent, fetch as undiciFetch } from 'undici';
import { publicOnlyLookup } from '../ops/private-address';

// Node's global fetch cannot be given a DNS lookup; undici's own fetch on an Agent can.
const agent = new Agent({ connect: { lookup: publicOnlyLookup } });

/**
 * The HTTP client of result deliveries: fetch whose connections resolve hosts through
 * publicOnlyLookup. With RESULT_URL_DENY_PRIVATE=1 the address checked is then the address
 * connected to, which closes the DNS-rebinding window a check before connecting leaves (a name
 * answering a public address to the check and 127.0.0.1 to the connect). With the flag off it is
 * a plain lookup.
 */
export const resultFetch = ((input: string, init?: RequestInit) =>
  undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
