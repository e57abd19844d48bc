import { describe, expect, it } from 'vitest';
import { connectionLabel, type HeaderInfo } from '../../../web/ui/header-view.ts';

describe('connection badge', () => {
  it.each([
    [{ mode: 'none', behind: 0 }, 'no journal', 'muted'],
    [{ mode: 'file', behind: 0, fileName: 'j.ndjson' }, 'file j.ndjson', 'muted'],
    [{ mode: 'live', connection: 'connecting', behind: 0 }, 'connecting…', 'warn'],
    [{ mode: 'live', connection: 'open', behind: 0 }, 'connected', 'ok'],
    [{ mode: 'live', connection: 'open', behind: 120 }, 'behind by 120', 'warn'],
    [{ mode: 'live', connection: 'reconnecting', behind: 3 }, 'reconnecting…', 'bad'],
    [{ mode: 'live', connection: 'ended', behind: 0 }, 'run ended', 'muted'],
    [{ mode: 'replay', connection: 'ended', behind: 0 }, 'loaded', 'muted'],
    [{ mode: 'replay', connection: 'ended', behind: 9 }, 'loading, behind by 9', 'warn'],
    [{ mode: 'live', connection: 'closed', behind: 0 }, 'disconnected', 'bad'],
  ] as [HeaderInfo, string, string][])('%j → %s', (info, text, tone) => {
    expect(connectionLabel(info)).toEqual({ text, tone });
  });
});
