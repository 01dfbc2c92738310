import type { SelectHTMLAttributes } from "react";

/** A labelled select with its problem tied to it; the first option is a "Choose…" prompt with no value. */
export function SelectField({ name, label, options, problem, ...select }: { name: string; label: string; options: { value: string; label: string }[]; problem?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={problem ? "field field-problem" : "field"}>
      <label htmlFor={name}>{label}</label>
      {problem ? <span id={`${name}-problem`} className="field-error">{problem}</span> : null}
      <select id={name} name={name} defaultValue="" aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${name}-problem` : undefined} {...select}>
        <option value="" disabled>Choose…</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
