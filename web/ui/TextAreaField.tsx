import type { TextareaHTMLAttributes } from "react";

/** A labelled textarea with its hint and its problem, tied together for screen readers (as Field does for inputs). */
export function TextAreaField({ name, label, hint, problem, ...area }: { name: string; label: string; hint?: string; problem?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const described = [hint ? `${name}-hint` : null, problem ? `${name}-problem` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={problem ? "field field-problem" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? <span id={`${name}-hint`} className="hint">{hint}</span> : null}
      {problem ? <span id={`${name}-problem`} className="field-error">{problem}</span> : null}
      <textarea id={name} name={name} rows={5} aria-invalid={problem ? true : undefined} aria-describedby={described} {...area} />
    </div>
  );
}
