/**
 * API token administration:
 *   npm run --silent token -- create --account NAME [--label TEXT]   prints only the new token
 *   npm run --silent token -- list --account NAME
 *   npm run --silent token -- revoke TOKEN_PREFIX [--account NAME]
 * The account is created on first `create`. Tokens are shown once and stored hashed.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDb } from '../db/client';
import { accounts } from '../db/schema';
import { createToken, ensureAccount, listTokens, revokeTokens } from '../lib/auth/tokens';

const USAGE = 'usage: token create --account NAME [--label TEXT] | token list --account NAME | token revoke TOKEN_PREFIX [--account NAME]';

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { account: { type: 'string' }, label: { type: 'string' } },
  });
  const [command, arg] = positionals;
  const db = openDb();
  const accountId = (required: boolean) => {
    if (!values.account) {
      if (required) throw new Error('--account NAME is required');
      return undefined;
    }
    const row = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.name, values.account)).get();
    if (!row) throw new Error(`no account named "${values.account}"`);
    return row.id;
  };
  switch (command) {
    case 'create': {
      if (!values.account) throw new Error('--account NAME is required');
      const { token } = createToken(db, ensureAccount(db, values.account), values.label ?? null);
      process.stdout.write(`${token}\n`);
      return 0;
    }
    case 'list': {
      for (const t of listTokens(db, accountId(true)!))
        console.log([t.prefix + '…', t.label ?? '-', `created ${t.createdAt.toISOString()}`, t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active'].join('\t'));
      return 0;
    }
    case 'revoke': {
      if (!arg) throw new Error('TOKEN_PREFIX is required');
      const n = revokeTokens(db, arg, accountId(false));
      console.error(`revoked ${n} token(s)`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`token: ${(e as Error).message}\n${USAGE}`);
  process.exitCode = 1;
}
