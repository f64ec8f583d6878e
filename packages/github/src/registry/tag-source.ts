import type { TagRecord } from '@mlgate/core';

/** Where the registry's git tags are read: the local clone or the repository through the API. */
export interface RegistryTagSource {
  /** Every tag whose name starts with `<model>@` or `<model>#` (others may be included). */
  list(model: string): Promise<TagRecord[]>;
}
