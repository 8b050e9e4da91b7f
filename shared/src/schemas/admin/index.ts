export * from './common';
export * from './agents';
export * from './teams';
export * from './channels';
export * from './catalog';
export * from './audit';
