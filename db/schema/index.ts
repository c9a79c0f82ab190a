export * from './accounts';
export * from './schedules';
export * from './profiles';
export * from './campaigns';
export * from './calls';
export * from './deliveries';
export * from './pacer';
