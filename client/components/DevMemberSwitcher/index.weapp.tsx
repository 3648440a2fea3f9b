export function DevMemberSwitcher() {
  return null;
}
