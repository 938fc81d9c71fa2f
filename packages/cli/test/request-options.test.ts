import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/exit.ts';
import { pollSchedule, requestHeaders } from '../src/request-options.ts';

describe('requestHeaders', () => {
  it('takes WAN25_HEADERS (one per line), then each --header, a later one winning', () => {
    const env = { WAN25_HEADERS: 'Prefer: example=pending\r\n\nX-Trace:  abc ' };
    expect(requestHeaders({ header: ['Prefer: example=failedTimeout', 'X-Other:'] }, env)).toEqual({
      Prefer: 'example=failedTimeout',
      'X-Trace': 'abc',
      'X-Other': '',
    });
    expect(requestHeaders({}, {})).toEqual({});
  });

  it.each([
    [{ header: ['Prefer example=pending'] }, {}, '--header: "Prefer example=pending" is not a header'],
    [{}, { WAN25_HEADERS: 'bad header: x' }, 'WAN25_HEADERS: "bad header: x" is not a header'],
    [{ header: ['authorization: Bearer k'] }, {}, 'the API key comes only from APIXO_API_KEY'],
  ])('refuses %j %j', (flags, env, message) => {
    expect(() => requestHeaders(flags, env)).toThrow(UsageError);
    expect(() => requestHeaders(flags, env)).toThrow(message);
  });
});

describe('pollSchedule', () => {
  it('takes the flags over the environment, in milliseconds', () => {
    const env = { WAN25_FIRST_POLL_SECONDS: '5', WAN25_POLL_INTERVAL_SECONDS: '0.5' };
    expect(pollSchedule({}, env)).toEqual({ firstPollDelayMs: 5_000, pollIntervalMs: 500 });
    expect(pollSchedule({ firstPoll: 0, pollInterval: 2 }, env)).toEqual({
      firstPollDelayMs: 0,
      pollIntervalMs: 2_000,
    });
  });

  it("leaves what neither sets to the client's defaults", () => {
    expect(pollSchedule({}, { WAN25_FIRST_POLL_SECONDS: '' })).toEqual({});
  });

  it.each([
    [{}, { WAN25_FIRST_POLL_SECONDS: 'soon' }, 'WAN25_FIRST_POLL_SECONDS must be a number of seconds'],
    [{}, { WAN25_POLL_INTERVAL_SECONDS: '-1' }, 'WAN25_POLL_INTERVAL_SECONDS must be a number of seconds'],
    [{ pollInterval: 0 }, {}, 'the poll interval must be above 0 seconds'],
  ])('refuses %j %j', (flags, env, message) => {
    expect(() => pollSchedule(flags, env)).toThrow(message);
  });
});
