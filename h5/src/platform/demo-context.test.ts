import { describe, expect, it } from 'vitest';
import { parseDemoContext, reviveDemoContext } from './demo-context';

describe('parseDemoContext (browser shim)', () => {
  it('reads the chat entry and external contact from the query', () => {
    expect(parseDemoContext('?entry=single_chat_tools&externalUserId=wmAbC123')).toEqual({
      entry: 'single_chat_tools',
      externalUserId: 'wmAbC123',
    });
    expect(parseDemoContext('entry=group_chat_tools&chatId=wrXyz')).toEqual({ entry: 'group_chat_tools', chatId: 'wrXyz' });
  });

  it('infers the entry from the id when only an id is given', () => {
    expect(parseDemoContext('?externalUserId=wm1')).toEqual({ entry: 'single_chat_tools', externalUserId: 'wm1' });
    expect(parseDemoContext('?chatId=wr1')).toEqual({ entry: 'group_chat_tools', chatId: 'wr1' });
  });

  it('returns null when the query says nothing about the context', () => {
    expect(parseDemoContext('')).toBeNull();
    expect(parseDemoContext('?redirect=%2Fpages%2Fme%2Fme')).toBeNull();
  });

  it('drops malformed ids and entries instead of passing them on', () => {
    expect(parseDemoContext('?entry=<script>&externalUserId=wm%20x%3Cy')).toEqual({ entry: 'normal' });
    expect(parseDemoContext(`?externalUserId=${'a'.repeat(200)}&entry=normal`)).toEqual({ entry: 'normal' });
  });
});

describe('reviveDemoContext', () => {
  it('accepts a stored context and rejects junk', () => {
    expect(reviveDemoContext({ entry: 'single_chat_tools', externalUserId: 'wm1' })).toEqual({
      entry: 'single_chat_tools',
      externalUserId: 'wm1',
    });
    expect(reviveDemoContext('')).toBeNull();
    expect(reviveDemoContext({ externalUserId: 'wm1' })).toBeNull();
    expect(reviveDemoContext({ entry: 'normal', externalUserId: 'bad id!' })).toEqual({ entry: 'normal' });
  });
});
