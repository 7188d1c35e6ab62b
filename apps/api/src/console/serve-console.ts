import { join, sep } from 'node:path';
import { type NextFunction, type Request, type RequestHandler, type Response, static as serveStatic } from 'express';
import { ApiException } from '../common/api-exception';
import { findConsoleDirectory, isApiPath, isBuildFile, isHashedAsset } from './console-paths';

const FOR_EVER = 'public, max-age=31536000, immutable';
/**
 * index.html and unhashed files (sw.js, workbox-*.js, manifest.webmanifest, icons): always asked again (a 304 when
 * unchanged), so a new build is seen at once – for sw.js this is what lets an installed console update.
 */
const REVALIDATE = 'no-cache';
/** express.static knows .js; the manifest's own type is set here so no version of its MIME table matters. */
const MANIFEST_TYPE = 'application/manifest+json; charset=utf-8';

function notBuilt(): ApiException {
  return new ApiException(
    503,
    'CONSOLE_NOT_BUILT',
    'The console is not built in this deployment: run `npm run build` (or set CONSOLE_DIR); the API at /v1 works',
  );
}

/**
 * The console at `/`: its built files, and index.html for any other page a browser asks for (`/cases/:caseId`,
 * `/board`), so that a link or a reload opens the console at that page. API paths are never touched. Without a
 * built console the API still runs, and a page asks answers 503 CONSOLE_NOT_BUILT; the directory is looked for
 * again on later requests, so a build made while the API runs is served without a restart.
 */
export function serveConsole(configuredDirectory: string | null): RequestHandler {
  let directory: string | null = null;
  let files: RequestHandler | null = null;

  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    if (directory === null) {
      directory = findConsoleDirectory(configuredDirectory);
      if (directory !== null) {
        const assets = join(directory, 'assets') + sep;
        files = serveStatic(directory, {
          index: false,
          redirect: false,
          fallthrough: true,
          setHeaders: (answer, path) => {
            answer.setHeader('Cache-Control', path.startsWith(assets) ? FOR_EVER : REVALIDATE);
            if (path.endsWith('.webmanifest')) answer.setHeader('Content-Type', MANIFEST_TYPE);
          },
        });
      }
    }
    const page = !isHashedAsset(request.path) && !isBuildFile(request.path) && Boolean(request.accepts('html'));
    if (directory === null || files === null) {
      return next(page ? notBuilt() : undefined);
    }
    const root = directory;
    files(request, response, () => {
      // No such file: a page of the single-page application, else the JSON 404 of any unknown path.
      if (!page) return next();
      response.setHeader('Cache-Control', REVALIDATE);
      response.sendFile(join(root, 'index.html'), (error?: Error) => {
        if (!error) return;
        // The console was removed while the API runs: forget it, and answer as without one.
        directory = null;
        files = null;
        if (!response.headersSent) next(notBuilt());
      });
    });
  };
}
