import { describe, expect, it } from 'vitest';
import { cupsRetention } from '#core/portal/printing/cupsRetention';

describe('what cupsd.conf makes CUPS keep after a job', () => {
  it('keeps both by default: an empty file, comments only, or other directives', () => {
    for (const conf of ['', '# PreserveJobFiles No\n#PreserveJobHistory No\n', 'LogLevel warn\nMaxLogSize 0\n']) {
      expect(cupsRetention(conf)).toEqual({ keepsDocuments: true, keepsHistory: true });
    }
  });

  it('reads No, Off, False and 0 as keeping nothing, in any case and with CRLF line ends', () => {
    expect(cupsRetention('PreserveJobFiles No\r\nPreserveJobHistory no\r\n')).toEqual({ keepsDocuments: false, keepsHistory: false });
    expect(cupsRetention('preservejobfiles OFF\npreservejobhistory false\n')).toEqual({ keepsDocuments: false, keepsHistory: false });
    expect(cupsRetention('  PreserveJobFiles 0\n\tPreserveJobHistory 0s\n')).toEqual({ keepsDocuments: false, keepsHistory: false });
  });

  it('reads Yes, seconds and durations as keeping, and an unknown word as keeping (the safe answer)', () => {
    expect(cupsRetention('PreserveJobFiles Yes\nPreserveJobHistory No\n')).toEqual({ keepsDocuments: true, keepsHistory: false });
    expect(cupsRetention('PreserveJobFiles 86400\nPreserveJobHistory 1w\n')).toEqual({ keepsDocuments: true, keepsHistory: true });
    expect(cupsRetention('PreserveJobFiles No\nPreserveJobHistory sometimes\n')).toEqual({ keepsDocuments: false, keepsHistory: true });
  });

  it('takes the last of repeated directives, as the scheduler does', () => {
    expect(cupsRetention('PreserveJobFiles No\nPreserveJobFiles 1d\nPreserveJobHistory Yes\nPreserveJobHistory No\n')).toEqual({
      keepsDocuments: true,
      keepsHistory: false,
    });
  });
});
