import { Command, Option } from 'commander';
import { loadConfig, ConfigError } from '../config.js';
import { devSigningKey, signDevToken } from '../auth/devKey.js';
import { ROLES, type Role } from '../auth/roles.js';

const program = new Command()
  .name('npm run token --')
  .description('Print a development token for the API on the local path (no AUTH_* set; no NEO4J_URI, or NODE_ENV not production), signed '
    + 'with the development key in .neo4j/dev-signing-key.json (made at first use). The token is alone on the last line.')
  .addOption(new Option('--role <role>', 'the role it carries').choices(ROLES).makeOptionMandatory())
  .requiredOption('--subject <name>', 'who it stands for (its sub claim): your name, or a service\'s')
  .option('--ttl <duration>', 'how long it is valid: 30m, 12h, 7d (at most 30d)', '12h')
  .showHelpAfterError()
  .parse();

const UNIT_S = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

function seconds(ttl: string): number {
  const m = /^(\d{1,6})([smhd])$/.exec(ttl);
  const s = m ? Number(m[1]) * UNIT_S[m[2] as keyof typeof UNIT_S] : NaN;
  if (!(s > 0 && s <= 30 * 86_400)) throw new UsageError(`--ttl ${ttl}: give a duration such as 30m, 12h or 7d, at most 30d`);
  return s;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const opts = program.opts<{ role: Role; subject: string; ttl: string }>();
  if (!/^[^\p{Cc}]{1,128}$/u.test(opts.subject)) throw new UsageError('--subject: 1 to 128 characters, no control characters');
  const ttlS = seconds(opts.ttl);
  const { auth } = loadConfig().http;
  const jwt = auth.jwt;
  if (!jwt || jwt.keys.kind !== 'dev') {
    throw new UsageError(jwt
      ? 'The API is set to trust an identity provider (AUTH_ISSUER, AUTH_JWKS_URL or AUTH_KEY_FILE), not development tokens: get a token from that provider.'
      : 'NODE_ENV=production with a NEO4J_URI: there is no development key for a deployment. Get a token from your identity provider (AUTH_ISSUER), or an API key (npm run keys -- create).');
  }
  const key = await devSigningKey(jwt.keys.file);
  const token = await signDevToken(key, { subject: opts.subject, role: opts.role, rolesClaim: jwt.rolesClaim, ttlS });
  const hours = ttlS >= 3600 ? `${+(ttlS / 3600).toFixed(1)} h` : `${Math.round(ttlS / 60)} min`;
  console.log(`A development token for ${opts.subject} (role ${opts.role}), valid ${hours}, for this checkout's API on the local path (npm start or npm run dev, no NEO4J_URI). Send it as the header Authorization: Bearer <token> (in the IDE: Headers, {"Authorization": "Bearer <token>"}):`);
  console.log(token);
  return 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  if (e instanceof UsageError || e instanceof ConfigError) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
