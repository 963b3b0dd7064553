import { createHash } from "node:crypto";

/** A generated square placeholder "photo" for a product: a colour from its code, the code as text. */
export function placeholderSvg(name: string): string {
  const code = name
    .replace(/\.svg$/, "")
    .toUpperCase()
    .slice(0, 12);
  const hash = createHash("sha1").update(code).digest();
  const hue = (hash[0]! * 360) / 256;
  const hue2 = (hue + 40) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,72%)"/><stop offset="1" stop-color="hsl(${hue2},55%,52%)"/></linearGradient></defs>
<rect width="600" height="600" fill="url(#g)"/><circle cx="300" cy="260" r="120" fill="rgba(255,255,255,.35)"/>
<text x="300" y="480" font-family="sans-serif" font-size="56" font-weight="700" text-anchor="middle" fill="#fff">${code.replace(/[^A-Z0-9]/g, "")}</text></svg>`;
}
