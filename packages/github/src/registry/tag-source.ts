import type { TagRecord } from '@mlgate/core';

/** Where the registry's git tags are read: the local clone or the repository through the API. */
export interface RegistryTagSource {
  /**
   * The registry's annotated tags (GTO ignores lightweight ones): with `model`, at least every tag of that
   * model (others may be included); without, every tag.
   */
  listTags(model?: string): Promise<TagRecord[]>;
}
