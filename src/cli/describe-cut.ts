/** Says what cut a search short, in the words of the option that did: for every renderer. Pure. */
export function describeCut(stopped: boolean, maxStates?: string): string {
  return stopped ? 'stopped by --timeout' : `cut at --max-states${maxStates === undefined ? '' : ` ${maxStates}`}`;
}
