import type { RepoState } from '../state/repo.js';
import type { World } from '../state/world.js';

/** What rendering needs: the state and the fake's origins (API, uploads, blob storage) plus the web origin. */
export interface RenderContext {
  world: World;
  /** `http://127.0.0.1:PORT`, the REST API root. */
  api: string;
  /** Upload origin that `upload_url` points at (GitHub: uploads.github.com). */
  uploads: string;
  /** Where release asset and artifact downloads redirect to (GitHub: a signed blob-storage URL). */
  storage: string;
  /** Web origin for `html_url`s (GitHub: https://github.com); never fetched by clients. */
  web: string;
}

export const repoApi = (ctx: RenderContext, repo: RepoState): string => `${ctx.api}/repos/${repo.fullName}`;
export const repoWeb = (ctx: RenderContext, repo: RepoState): string => `${ctx.web}/${repo.fullName}`;
