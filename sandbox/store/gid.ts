/** Shopify global ids: `gid://shopify/Product/123`. */
export function toGid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

/** Returns the type and numeric id of a gid, or null when the text is not a Shopify gid. */
export function parseGid(gid: string): { type: string; id: number } | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(gid);
  if (!match) return null;
  return { type: match[1]!, id: Number(match[2]) };
}
