import type { SandboxProduct } from '../store/types.ts';

/**
 * The picture behind a demo product's `imageUrl` (`/images/<handle>.svg`): a soft two-tone card in a colour
 * derived from the handle, with the title written on it. The sandbox has no photos to ship, and a picture that
 * names the product makes storefront blocks and e-mails readable at a glance.
 */
export function renderPlaceholderSvg(product: Pick<SandboxProduct, 'handle' | 'title'>): string {
  const hue = hueFromHandle(product.handle);
  const lines = wrapTitle(product.title, 18, 3);
  const lineHeight = 34;
  const firstY = 210 - ((lines.length - 1) * lineHeight) / 2;
  const text = lines
    .map((line, index) => `<tspan x="200" y="${firstY + index * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  const label = escapeXml(product.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${label}">`,
    `<title>${label}</title>`,
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">',
    `<stop offset="0" stop-color="hsl(${hue} 55% 88%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 50% 76%)"/>`,
    '</linearGradient></defs>',
    '<rect width="400" height="400" rx="24" fill="url(#bg)"/>',
    `<circle cx="320" cy="84" r="46" fill="hsl(${hue} 45% 96%)" opacity="0.6"/>`,
    `<text font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="28" font-weight="600"`,
    ` text-anchor="middle" fill="hsl(${hue} 40% 22%)">${text}</text>`,
    '</svg>',
  ].join('');
}

/** A stable hue (0-359) from the handle, so a product keeps its colour between runs. */
export function hueFromHandle(handle: string): number {
  let hash = 2166136261; // FNV-1a: small, stable and spreads similar handles apart.
  for (let i = 0; i < handle.length; i += 1) {
    hash ^= handle.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 360;
}

/** Splits a title into at most `maxLines` lines of about `width` characters, ending with "…" if cut. */
export function wrapTitle(title: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= width || !current) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,.;:]+$/, '')}…`;
  return kept;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
