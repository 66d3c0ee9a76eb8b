/**
 * The default link-preview image (Open Graph / Twitter card), drawn as SVG from
 * the site's name, tagline and accent colour; src/pages/social-image.png.ts
 * turns it into a PNG at build time, so each deployment gets its own.
 */
export const SOCIAL_IMAGE_FILE = 'social-image.png';
export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

export interface SocialImageText {
  name: string;
  tagline: string;
  accentColor: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap: SVG text does not wrap by itself. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s.,;:]+$/, '')}…`;
  return kept;
}

export function socialImageSvg({ name, tagline, accentColor }: SocialImageText): string {
  const nameLines = wrapText(name, 24, 2);
  // A two-line name leaves room for two lines of tagline.
  const taglineLines = wrapText(tagline, 44, 4 - nameLines.length);
  const nameTop = nameLines.length === 1 ? 320 : 290;
  const taglineTop = nameTop + (nameLines.length - 1) * 84 + 80;
  const text = (lines: string[], top: number, size: number, lineHeight: number, attributes: string) =>
    lines
      .map(
        (line, index) =>
          `<text x="96" y="${top + index * lineHeight}" font-size="${size}" ${attributes}>${escapeXml(line)}</text>`,
      )
      .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_IMAGE_WIDTH}" height="${SOCIAL_IMAGE_HEIGHT}" viewBox="0 0 ${SOCIAL_IMAGE_WIDTH} ${SOCIAL_IMAGE_HEIGHT}">
<rect width="100%" height="100%" fill="#ffffff"/>
<rect width="100%" height="18" fill="${accentColor}"/>
<g transform="translate(96 96) scale(3.5)"><rect width="32" height="32" rx="7" fill="${accentColor}"/><path d="M9 23V10l7 6 7-6v13" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></g>
<g font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif">
${text(nameLines, nameTop, 72, 84, 'font-weight="700" fill="#1c2430"')}
${text(taglineLines, taglineTop, 38, 52, 'fill="#4b5563"')}
</g>
</svg>`;
}
