// LIKE and ILIKE read % and _ as wildcards (and a backslash as their escape), in raw SQL and in Prisma's `contains` alike.

/** `value` matched as the characters it holds: an admin's "%" finds addresses holding a "%", not every address. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
