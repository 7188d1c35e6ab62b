export * from './aes-gcm';
export * from './case-key-store';
export * from './case-cipher';
export * from './sealed-event-store';
export * from './open-event-store';
