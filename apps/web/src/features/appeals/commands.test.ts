import { describe, expect, it } from 'vitest';
import { APPEAL_COMMANDS, AppealCommandBodies } from '@shuren/core';
import { commandFields, COMMAND_LABELS, COMMAND_ORDER, missingFields } from './commands';

/** The fields the forms ask for, by the server's body property names. */
function asked(command: string, level = 'grid'): string[] {
  const f = commandFields(command, { unit: { level } });
  return [f.reason && 'reason', f.note === 'required' && 'note', f.days && 'days', f.fixed && 'fixed', f.satisfaction && 'satisfaction', f.level && 'level', f.survivor && 'survivorId'].filter(Boolean) as string[];
}

describe('workflow commands as the phone and the console show them', () => {
  it('asks for exactly the fields each command’s body requires', () => {
    for (const name of APPEAL_COMMANDS) {
      const required = ((AppealCommandBodies[name] as { required?: string[] }).required ?? []).slice().sort();
      expect([name, asked(name).sort()]).toEqual([name, required]);
    }
  });

  it('names and orders every command', () => {
    for (const name of APPEAL_COMMANDS) {
      expect(COMMAND_LABELS[name]?.zh).toBeTruthy();
      expect(COMMAND_ORDER).toContain(name);
    }
  });

  it('asks for a department only when escalating from the subdistrict', () => {
    expect(commandFields('escalate', { unit: { level: 'grid' } }).department).toBeUndefined();
    expect(commandFields('escalate', { unit: { level: 'subdistrict' } }).department).toBe(true);
  });

  it('says what is still missing before sending', () => {
    expect(missingFields(commandFields('handle', { unit: { level: 'grid' } }), { note: '  ' })).toEqual(['note']);
    expect(missingFields(commandFields('request_extension', { unit: { level: 'grid' } }), { reason: '等材料', days: 0 })).toEqual(['days']);
    expect(missingFields(commandFields('return', { unit: { level: 'grid' } }), { reason: '不是本楼' })).toEqual([]);
  });
});
