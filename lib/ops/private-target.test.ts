import { describe, expect, it } from 'vitest';
import { denyPrivateTargets, ipVersion, isPrivateAddress, literalTargetProblem } from './private-target';
import { assertPublicDestination, PrivateTargetError } from './private-address';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:a00:1::1', '::127.0.0.1', 'not-an-ip',
  ])('%s is private', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.128.0.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2001:4860:4860::8888'])(
    '%s is public',
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  );

  it('recognises address literals like net.isIP', () => {
    expect(ipVersion('1.2.3.4')).toBe(4);
    expect(ipVersion('256.1.1.1')).toBe(0);
    expect(ipVersion('01.2.3.4')).toBe(0);
    expect(ipVersion('::1')).toBe(6);
    expect(ipVersion('example.com')).toBe(0);
    expect(ipVersion('1:2:3')).toBe(0);
  });
});

describe('literalTargetProblem', () => {
  it.each([
    'http://localhost/x', 'http://LOCALHOST.:8080/', 'http://api.localhost/', 'http://127.0.0.1/', 'http://127.1/', 'http://2130706433/',
    'http://0x7f000001/', 'http://[::1]:3000/', 'http://[::ffff:127.0.0.1]/', 'https://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data',
    'http://0.0.0.0/', 'http://[fe80::1]/',
  ])('refuses %s', (url) => expect(literalTargetProblem(url)).not.toBeNull());

  it.each(['https://example.com/hook', 'http://8.8.8.8/', 'https://[2606:4700:4700::1111]/', 'not a url'])('accepts %s', (url) =>
    expect(literalTargetProblem(url)).toBeNull(),
  );
});

describe('denyPrivateTargets', () => {
  it('is off unless RESULT_URL_DENY_PRIVATE is 1 or true', () => {
    expect(denyPrivateTargets({})).toBe(false);
    expect(denyPrivateTargets({ RESULT_URL_DENY_PRIVATE: '0' })).toBe(false);
    expect(denyPrivateTargets({ RESULT_URL_DENY_PRIVATE: '1' })).toBe(true);
    expect(denyPrivateTargets({ RESULT_URL_DENY_PRIVATE: 'true' })).toBe(true);
  });
});

describe('assertPublicDestination (delivery time)', () => {
  const on = { RESULT_URL_DENY_PRIVATE: '1' };
  const resolver = (map: Record<string, string[]>) => async (host: string) =>
    (map[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('does nothing when the option is off', async () => {
    await expect(assertPublicDestination('http://127.0.0.1/', {}, resolver({}))).resolves.toBeUndefined();
  });

  it('refuses a public-looking name that resolves to a private address', async () => {
    const lookup = resolver({ 'hooks.example.com': ['93.184.216.34', '10.0.0.7'] });
    await expect(assertPublicDestination('https://hooks.example.com/r', on, lookup)).rejects.toBeInstanceOf(PrivateTargetError);
  });

  it('accepts a name that resolves only to public addresses', async () => {
    const lookup = resolver({ 'hooks.example.com': ['93.184.216.34', '2606:2800:220:1::1'] });
    await expect(assertPublicDestination('https://hooks.example.com/r', on, lookup)).resolves.toBeUndefined();
  });

  it('refuses literals and localhost without resolving', async () => {
    const lookup = async () => {
      throw new Error('must not resolve');
    };
    await expect(assertPublicDestination('http://[::1]/', on, lookup)).rejects.toBeInstanceOf(PrivateTargetError);
    await expect(assertPublicDestination('http://localhost:9/', on, lookup)).rejects.toBeInstanceOf(PrivateTargetError);
  });
});
