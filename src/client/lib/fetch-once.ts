/**
 * A page's own files fetched at most once per page view: each address's promise is kept, and
 * dropped again when it fails, so the next ask tries anew.
 */
export function fetchOnce<T>(read: (response: Response) => Promise<T>): (url: string) => Promise<T> {
  const kept = new Map<string, Promise<T>>();
  return (url) => {
    let result = kept.get(url);
    if (!result) {
      result = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${url}`);
        return read(response);
      });
      result.catch(() => kept.delete(url));
      kept.set(url, result);
    }
    return result;
  };
}
