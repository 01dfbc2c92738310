"use client";
import { useActionState } from "react";
import { Field } from "./Field";
import type { FormState } from "./problems";
import { SelectField } from "./SelectField";
import { TextAreaField } from "./TextAreaField";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** One input of an ActionForm (plain data, so a server page can describe it). */
export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "number" | "tel" | "textarea" | "select";
  /** The choices of a "select". */
  options?: { value: string; label: string }[];
  autoComplete?: string;
  hint?: string;
  maxLength?: number;
}

/**
 * A form posting to a server action: it works without JavaScript (a full page post), and with it the
 * problems appear in place. The summary is announced (role="alert") and links to each field to fix.
 */
export function ActionForm({ action, submit, fields, hidden = {} }: { action: Action; submit: string; fields: FieldSpec[]; hidden?: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const problems = Object.entries(state.fields ?? {});
  return (
    <form action={formAction} className="stack-form" noValidate>
      {state.error ? (
        <div className="problem" role="alert">
          <p><strong>{state.error}</strong></p>
          {problems.length > 0 ? <ul>{problems.map(([field, text]) => <li key={field}><a href={`#${field}`}>{text}</a></li>)}</ul> : null}
        </div>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {fields.map((f) =>
        f.type === "textarea" ? (
          <TextAreaField key={f.name} name={f.name} label={f.label} hint={f.hint} maxLength={f.maxLength} required problem={state.fields?.[f.name]} />
        ) : f.type === "select" ? (
          <SelectField key={f.name} name={f.name} label={f.label} options={f.options ?? []} required problem={state.fields?.[f.name]} />
        ) : (
          <Field key={f.name} name={f.name} label={f.label} type={f.type ?? "text"} autoComplete={f.autoComplete} hint={f.hint} maxLength={f.maxLength} required problem={state.fields?.[f.name]} />
        ),
      )}
      <button type="submit" disabled={pending}>{pending ? "Please wait…" : submit}</button>
    </form>
  );
}
