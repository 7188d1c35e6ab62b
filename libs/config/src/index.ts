export * from './config';
export * from './logger';
export * from './durations';
export * from './sign-in-config';
export * from './wait-until-available';
export * from './secret-files';
export * from './worker-thread';
