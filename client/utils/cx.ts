/** Joins class names, skipping falsy ones: `cx('mc-btn', disabled && 'mc-btn--disabled')`. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
