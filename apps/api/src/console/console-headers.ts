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
        // The service worker (/sw.js and its workbox-*.js) and the web manifest that make the console installable and
        // open offline (issue 18): the console's own files only.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
}
