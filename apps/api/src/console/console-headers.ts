import helmet from 'helmet';

/**
 * The console's Content-Security-Policy: its own scripts, styles, fonts and API only; nothing inline may run, no
 * other origin is reached, no page may frame it. Styles allow 'unsafe-inline' because the component library (Mantine)
 * sets style attributes at run time; a style attribute cannot run script, and every script stays 'self'.
 */
export function consoleSecurityHeaders(): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
}
