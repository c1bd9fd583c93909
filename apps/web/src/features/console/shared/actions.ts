/** The server lists what the caller may do to a resource; the UI shows exactly those actions. */
export function can(resource: { allowedActions?: string[] } | null | undefined, ...names: string[]): boolean {
  return !!resource?.allowedActions?.some((a) => names.includes(a));
}
