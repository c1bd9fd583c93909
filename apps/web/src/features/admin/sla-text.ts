/** "2 小时" / "1 个工作日" for an SLA target. */
export function durationText(d: { amount: number; unit: string }, t: (zh: string, en: string) => string): string {
  return d.unit === 'days' ? t(`${d.amount} 个工作日`, `${d.amount} working day${d.amount === 1 ? '' : 's'}`) : t(`${d.amount} 小时`, `${d.amount} h`);
}
