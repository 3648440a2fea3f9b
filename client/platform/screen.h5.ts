/** A browser has no screen brightness to set: the H5 build shows the code as it is. */
export async function brightenScreen(): Promise<void> {}

export async function restoreScreen(): Promise<void> {}
