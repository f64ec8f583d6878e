/** `true` or `false` in any letter case (`True`, `FALSE`), as pandas and spreadsheets write them. */
export function isBooleanText(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 4) {
    return (
      (bytes[start]! | 0x20) === 116 &&
      (bytes[start + 1]! | 0x20) === 114 &&
      (bytes[start + 2]! | 0x20) === 117 &&
      (bytes[start + 3]! | 0x20) === 101
    );
  }
  if (length === 5) {
    return (
      (bytes[start]! | 0x20) === 102 &&
      (bytes[start + 1]! | 0x20) === 97 &&
      (bytes[start + 2]! | 0x20) === 108 &&
      (bytes[start + 3]! | 0x20) === 115 &&
      (bytes[start + 4]! | 0x20) === 101
    );
  }
  return false;
}
