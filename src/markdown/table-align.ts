/**
 * Markdown tables with aligned columns (| ---: |) come out as
 * style="text-align: right", which the Content-Security-Policy blocks (no
 * inline styles, see src/lib/security-headers.ts). This Sätteri (Astro's
 * Markdown processor) plugin turns that into Tailwind's text-left /
 * text-center / text-right classes.
 */
import type { HastPluginDefinition } from 'satteri';

const ALIGN_CLASS: Record<string, string> = { left: 'text-left', center: 'text-center', right: 'text-right' };

export const tableAlignClasses: HastPluginDefinition = {
  name: 'mentor-field-guide:table-align-classes',
  element: {
    filter: ['th', 'td'],
    visit(node, ctx) {
      const style = node.properties?.style;
      if (typeof style !== 'string') return;
      const align = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i.exec(style)?.[1]?.toLowerCase();
      if (!align) return;
      const existing = node.properties.className;
      const classes =
        existing === undefined || existing === null
          ? []
          : Array.isArray(existing)
            ? existing.map(String)
            : String(existing).split(/\s+/);
      ctx.setProperty(node, 'style', undefined);
      ctx.setProperty(node, 'className', [...classes, ALIGN_CLASS[align]!]);
    },
  },
};
