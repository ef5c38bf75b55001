import { describe, expect, it } from 'vitest';
import { apiUrl, resolvePageConfig } from './page-config.ts';

describe('page configuration', () => {
  it('defaults to the same-origin /live socket, 50 overs and no fixed teams', () => {
    const { config, problems } = resolvePageConfig('https://club.example/scores/');
    expect(config).toEqual({
      title: 'Live scores',
      apiBase: '',
      wsUrl: 'wss://club.example/live',
      oversPerSide: 50,
      staleAfterMs: 600_000,
      teams: [],
      vapidPublicKey: null,
    });
    expect(problems).toEqual([]);
  });

  it('lets meta tags override config.json, and derives the socket from the API origin', () => {
    const { config } = resolvePageConfig(
      'http://127.0.0.1:8080/',
      { overs: 40, teams: [{ id: 'firstTeam', label: '1st XI' }], api: 'https://api.example/prod/' },
      { overs: '45' },
    );
    expect(config.oversPerSide).toBe(45);
    expect(config.teams).toEqual([{ id: 'firstTeam', label: '1st XI' }]);
    expect(config.apiBase).toBe('https://api.example/prod');
    expect(config.wsUrl).toBe('wss://api.example/live');
  });

  it('reports a bad setting in one line and keeps the default', () => {
    const { config, problems } = resolvePageConfig('http://x.test/', {
      overs: 'fifty',
      teams: [{ label: 'x' }],
    });
    expect(config.oversPerSide).toBe(50);
    expect(problems).toEqual([
      'overs: expected a positive number, got "fifty"',
      'teams: expected [{ "id": "firstTeam", "label": "1st XI" }, …]',
    ]);
  });

  it('keeps an API stage prefix when joining paths', () => {
    expect(apiUrl('https://api.example/prod', '/api/scorecards')).toBe(
      'https://api.example/prod/api/scorecards',
    );
    expect(apiUrl('', '/api/scorecards')).toBe('/api/scorecards');
  });
});
