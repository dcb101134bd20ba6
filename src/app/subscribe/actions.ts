"use server";
// The subscribe form's server action (CSRF-safe by Next's origin check): parse, call subscribe, answer the same for every address.
import { headers } from "next/headers";
import { requireFormData } from "@/server/http/action-form";
import { clientAddress } from "@/server/http/client-address";
import { errorState, formValues, okState, type TFormState } from "@/server/subscriptions/form-state";
import { submitSubscription } from "@/server/subscriptions/subscription-service";

export async function subscribeAction(_prev: TFormState, form: FormData): Promise<TFormState> {
  const formData = requireFormData(form);
  try {
    await submitSubscription(Object.fromEntries(formData), clientAddress(await headers()));
    return okState("Check your inbox: we sent a link to confirm your subscription. Nothing else is sent until you confirm.");
  } catch (err) {
    return { ...errorState(err), values: formValues(formData) };
  }
}
