import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light and subtle variants (badges, alerts, light buttons) write their text in the colour's darkest shade: Mantine's
 * default (shade 6 on a pale tint) is below the 4.5:1 contrast that small text needs (axe: color-contrast).
 */
const readableVariants: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const text = `var(--mantine-color-${parsed.color}-9)`;
  return { ...colors, color: text, hoverColor: text };
};

/** Dimmed text and error text dark enough to read (Mantine's gray 6 and red 6 are about 3.3:1 on white). */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});

/**
 * System fonts only: the console's Content-Security-Policy allows no third-party origin, and bundling a font would
 * cost the first page's weight. Focus rings always show; the primary colour's shade 8 keeps links and filled buttons
 * above 4.5:1.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  focusRing: 'always',
  defaultRadius: 'sm',
  variantColorResolver: readableVariants,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
});
