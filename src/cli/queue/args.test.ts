import { describe, expect, it } from 'vitest';
import { UsageError } from '../args.js';
import { DEFAULT_REDIS, parseQueueArgs } from './args.js';
import { bullPrefix, jobIdOf, queueKeys } from './keys.js';

const bad = (argv: string[]) => expect(() => parseQueueArgs(argv)).toThrow(UsageError);

describe('copydesk queue arguments', () => {
  it('parses add with its sources, input kind and payload', () => {
    expect(parseQueueArgs(['add', '--redis', 'redis://h:1', '--queue', 'q', '--input', 'warc', '--payload', 'inline', 'a.warc.gz', 'b.warc.gz'])).toMatchObject(
      {
        action: 'add',
        redis: 'redis://h:1',
        queue: 'q',
        input: 'warc',
        payload: 'inline',
        sources: ['a.warc.gz', 'b.warc.gz'],
        attempts: 5,
        backoffMs: 1000,
      },
    );
    expect(parseQueueArgs(['add', '--queue', 'q', '-'])).toMatchObject({ payload: 'reference', input: null, sources: ['-'] });
  });

  it('takes Redis from --redis, then $COPYDESK_REDIS, then the local default', () => {
    expect(parseQueueArgs(['status', '--queue', 'q'])).toMatchObject({ redis: DEFAULT_REDIS });
    expect(parseQueueArgs(['status', '--queue', 'q'], { COPYDESK_REDIS: 'redis://env:7' })).toMatchObject({ redis: 'redis://env:7' });
    expect(parseQueueArgs(['status', '--queue', 'q', '--redis', 'rediss://x:9'], { COPYDESK_REDIS: 'redis://env:7' })).toMatchObject({ redis: 'rediss://x:9' });
  });

  it('parses work, results and status', () => {
    expect(parseQueueArgs(['work', '--queue', 'q', '--jobs', '3', '--lock-duration', '2', '--until-empty', '--fields', 'headline,body.text'])).toMatchObject({
      action: 'work',
      jobs: 3,
      concurrency: null,
      lockDurationMs: 2000,
      untilEmpty: true,
      fields: ['headline', 'body.text'],
      pageTimeoutMs: 60_000,
    });
    expect(parseQueueArgs(['results', '--queue', 'q', '-o', 'out.jsonl', '--follow'])).toMatchObject({ action: 'results', file: 'out.jsonl', follow: true });
    expect(parseQueueArgs(['results', '--queue', 'q', '-o', '-'])).toMatchObject({ file: null, follow: false });
    expect(parseQueueArgs(['status', '--queue', 'q', '--json', '--interval', '0'])).toMatchObject({
      action: 'status',
      json: true,
      watch: false,
      intervalMs: 0,
    });
  });

  it('asks for help without a command or with --help', () => {
    expect(parseQueueArgs([])).toEqual({ action: 'help' });
    expect(parseQueueArgs(['work', '--help'])).toEqual({ action: 'help' });
  });

  it('refuses what it cannot run', () => {
    bad(['start', '--queue', 'q']); // not a command
    bad(['add', 'x.html']); // no --queue
    bad(['add', '--queue', 'q']); // no source
    bad(['add', '--queue', 'a:b', 'x.html']); // BullMQ refuses ':' in names
    bad(['add', '--queue', 'q', '--input', 'pdf', 'x']);
    bad(['add', '--queue', 'q', '--payload', 'copy', 'x']);
    bad(['add', '--queue', 'q', '-', '-']);
    bad(['add', '--queue', 'q', '--redis', 'http://h', 'x']);
    bad(['work', '--queue', 'q', '--jobs', '0']);
    bad(['work', '--queue', 'q', 'extra']); // work takes no positional
    bad(['work', '--queue', 'q', '--lock-duration', '0']);
    bad(['results', '--queue', 'q']); // no -o
    bad(['results', '--queue', 'q', '-o', '-', '--trim']); // nothing on disk to trim against
    bad(['status', '--queue', 'q', '--unknown']);
  });
});

describe('queue keys', () => {
  it('names a job by a digest of its id, the same for a number and its text', () => {
    expect(jobIdOf('<urn:uuid:1234>')).toMatch(/^p[0-9a-f]{40}$/);
    expect(jobIdOf(42)).toBe(jobIdOf('42'));
    expect(jobIdOf('a')).not.toBe(jobIdOf('b'));
  });

  it('keeps copydesk keys of one queue in one Cluster slot', () => {
    const keys = Object.values(queueKeys('crawl'));
    expect(keys.every((k) => k.includes('{crawl}'))).toBe(true);
    expect(new Set(keys).size).toBe(4);
    expect(bullPrefix('crawl')).toBe('bull:{crawl}');
  });
});
