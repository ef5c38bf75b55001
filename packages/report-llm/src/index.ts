export * from './chat-completions-model.ts';
