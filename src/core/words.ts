/** "1 finding", "3 findings"; `many` where the plural is not the word and an s ("1 entry", "2 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
