import type { z } from 'zod';

/**
 * JSON columns are parsed through their schema: a row edited by hand or by an older version
 * fails loudly here instead of leaking a wrong shape into the rules.
 */
export const fromJson = <T>(schema: z.ZodType<T>, text: string): T =>
  schema.parse(JSON.parse(text));

export const fromJsonOrNull = <T>(schema: z.ZodType<T>, text: string | null): T | null =>
  text === null ? null : fromJson(schema, text);

export const toJson = (value: unknown): string => JSON.stringify(value);

export const toJsonOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

export const bool = (value: number): boolean => value !== 0;
export const int = (value: boolean): number => (value ? 1 : 0);
