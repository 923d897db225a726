// Names typed as a list, the way a secretariat writes them: separated by 、 or commas (either
// width) or spaces. Empty entries are dropped; order is kept (it may be the approved order).

export function splitNames(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
