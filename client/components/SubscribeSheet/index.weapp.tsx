export function SubscribeSheet() {
  return null;
}
