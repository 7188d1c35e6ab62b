export { LOCALES, DEFAULT_LOCALE, type Locale, isLocale, localeOr } from './locales';
export { message, hasMessage, type MessageValues } from './message';
export { catalogues, readCatalogue, messagesDirectory, type Catalogue } from './catalogue';
export * from './dates';
