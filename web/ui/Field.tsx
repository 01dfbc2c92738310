import type { InputHTMLAttributes } from "react";

/** A labelled input with its hint and its problem, tied together for screen readers. */
export function Field({ name, label, hint, problem, ...input }: { name: string; label: string; hint?: string; problem?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint ? `${name}-hint` : null, problem ? `${name}-problem` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={problem ? "field field-problem" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? <span id={`${name}-hint`} className="hint">{hint}</span> : null}
      {problem ? <span id={`${name}-problem`} className="field-error">{problem}</span> : null}
      <input id={name} name={name} aria-invalid={problem ? true : undefined} aria-describedby={described} {...input} />
    </div>
  );
}
