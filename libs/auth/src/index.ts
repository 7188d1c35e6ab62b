export * from './user.entity';
export * from './access-token.entity';
export * from './users.service';
export * from './tokens.service';
export * from './decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './case-access';
