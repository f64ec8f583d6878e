import type { ApiRequest } from './types.js';

const MAX_PER_PAGE = 100;

/**
 * One page of `items` and GitHub's `Link` header (`prev`, `next`, `last`, `first`, in that order, omitted where
 * they do not apply). Like GitHub, links use the stable `/repositories/{id}/...` form and keep the caller's query
 * parameters in their order, replacing or appending `page`.
 */
export function paginate<T>(request: ApiRequest, items: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(request.query.per_page ?? 30)));
  const page = Math.max(1, Number(request.query.page ?? 1));
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(request.rawQuery);
    query.set('page', String(n));
    return `<${request.ctx.api}/repositories/${request.repo.id}${request.subPath}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}
