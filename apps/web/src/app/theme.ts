import { createTheme } from '@mantine/core';

/**
 * System fonts only: the console's Content-Security-Policy allows no third-party origin, and bundling a font would
 * cost the first page's weight. Focus rings show for keyboard users always (`focusRing: 'auto'` hides none of them).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  focusRing: 'always',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
});
