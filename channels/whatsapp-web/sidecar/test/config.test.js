import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('config from the environment', () => {
  it('has working defaults besides the secret', () => {
    const config = loadConfig({ WHATSAPP_WEB_SECRET: 's' });
    assert.equal(config.port, 3000);
    assert.equal(config.channelUrl, 'http://127.0.0.1:8080');
    assert.equal(config.auth, 'file');
    assert.equal(config.fake, false);
    assert.equal(config.ignoreGroups, true);
    assert.equal(config.stopDrainMs, 5000);
  });
  it('requires the secret', () => {
    assert.throws(() => loadConfig({}), /WHATSAPP_WEB_SECRET/);
  });
  it('keeps the auth state in Redis when REDIS_URL is set, unless told otherwise', () => {
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379', WHATSAPP_WEB_AUTH_KEY: KEY }).auth, 'redis');
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379', WHATSAPP_WEB_AUTH: 'file' }).auth, 'file');
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', WHATSAPP_WEB_AUTH: 'redis' }), /REDIS_URL/);
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', WHATSAPP_WEB_AUTH: 'postgres' }), /redis or file/);
  });
  it('reads the switches and numbers', () => {
    const config = loadConfig({ WHATSAPP_WEB_SECRET: 's', PORT: '3100', WHATSAPP_WEB_FAKE: 'true', WHATSAPP_WEB_IGNORE_GROUPS: 'false', WHATSAPP_WEB_RATE_GLOBAL_PER_MINUTE: '30' });
    assert.deepEqual([config.port, config.fake, config.ignoreGroups, config.rate.globalPerMinute], [3100, true, false, 30]);
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', PORT: 'x' }), /PORT/);
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', WHATSAPP_WEB_STOP_DRAIN_MS: '250' }).stopDrainMs, 250);
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', WHATSAPP_WEB_STOP_DRAIN_MS: '-1' }), /WHATSAPP_WEB_STOP_DRAIN_MS/);
  });
  it('listens on loopback unless HOST says otherwise, and beyond it only with a token for /status', () => {
    const config = loadConfig({ WHATSAPP_WEB_SECRET: 's' });
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.statusToken, undefined);
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', HOST: '::1' }).host, '::1');
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', HOST: '0.0.0.0' }), /WHATSAPP_WEB_STATUS_TOKEN/);
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', HOST: '10.1.2.3', WHATSAPP_WEB_STATUS_TOKEN: '' }), /WHATSAPP_WEB_STATUS_TOKEN/);
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', HOST: '0.0.0.0', WHATSAPP_WEB_STATUS_TOKEN: 't' }).statusToken, 't');
  });
  it('seals the session in Redis with WHATSAPP_WEB_AUTH_KEY, required there but in the fake mode', () => {
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379' }), /WHATSAPP_WEB_AUTH_KEY/);
    assert.throws(() => loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379', WHATSAPP_WEB_AUTH_KEY: 'replace-me' }), /32 random bytes/);
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379', WHATSAPP_WEB_AUTH_KEY: KEY }).authKey.length, 32);
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379', WHATSAPP_WEB_FAKE: 'true' }).authKey, undefined);
    assert.equal(loadConfig({ WHATSAPP_WEB_SECRET: 's', REDIS_URL: 'redis://r:6379', WHATSAPP_WEB_AUTH_KEY: KEY, REDIS_PASSWORD: 'p' }).redisPassword, 'p');
  });
});
