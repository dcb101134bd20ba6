// Server actions receive whatever arguments a client serialises, not only the FormData a form sends: anything else is answered as
// a 404 (no such form) before the action reads it, instead of a TypeError's 500.
import { notFound } from "next/navigation";

export function requireFormData(value: unknown): FormData {
  if (!(value instanceof FormData)) notFound();
  return value;
}
