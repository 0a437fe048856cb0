import stringWidth from 'string-width';

/**
 * Returns the columns a text takes on a terminal: colour codes take none, wide characters two,
 * combining marks none. Pure.
 */
export function getTextWidth(text: string): number {
  return stringWidth(text);
}
