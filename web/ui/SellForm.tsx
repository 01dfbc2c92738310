"use client";
import type { components } from "@repurch/sdk";
import { useActionState, useState, type ReactNode } from "react";
import { PayoutEstimate } from "./PayoutEstimate";
import { PhotoPicker } from "./PhotoPicker";
import type { FormState } from "./problems";

type Options = components["schemas"]["ListingOptions"];

/** The sell form's state: the problems, and what was typed so it shows again. */
export interface SellState extends FormState {
  values?: Record<string, string | string[]>;
}

type Action = (state: SellState, form: FormData) => Promise<SellState>;

function describedBy(name: string, hint?: string, problem?: string): string | undefined {
  return [hint ? `${name}-hint` : null, problem ? `${name}-problem` : null].filter(Boolean).join(" ") || undefined;
}

/** A label, its hint and its problem around one control, tied together for screen readers. */
function Labelled({ name, label, hint, problem, children }: { name: string; label: string; hint?: string; problem?: string; children: ReactNode }) {
  return (
    <div className={problem ? "field field-problem" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? <span id={`${name}-hint`} className="hint">{hint}</span> : null}
      {problem ? <span id={`${name}-problem`} className="field-error">{problem}</span> : null}
      {children}
    </div>
  );
}

/** A group of checkboxes or radios under one legend. */
function Choices({ name, legend, hint, problem, children }: { name: string; legend: string; hint?: string; problem?: string; children: ReactNode }) {
  return (
    <fieldset id={name} className={problem ? "choices field-problem" : "choices"} aria-describedby={describedBy(name, hint, problem)}>
      <legend>{legend}</legend>
      {hint ? <span id={`${name}-hint`} className="hint">{hint}</span> : null}
      {problem ? <span id={`${name}-problem`} className="field-error">{problem}</span> : null}
      {children}
    </fieldset>
  );
}

/**
 * "Trade in your sofa": photos, the details from the brand's taxonomy, the price with a live payout
 * estimate, posted to a server action (the details post without JavaScript too; photos need it).
 */
export function SellForm({ action, options, deliveryContributions }: { action: Action; options: Options; deliveryContributions: readonly number[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? {};
  const [price, setPrice] = useState(String(values.price_gbp ?? ""));
  const [delivery, setDelivery] = useState(String(values.delivery_contribution_gbp ?? "0"));
  const problems = Object.entries(state.fields ?? {});
  const p = (name: string) => state.fields?.[name];
  const v = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const checked = (name: string, value: string) => Array.isArray(values[name]) && (values[name] as string[]).includes(value);

  const select = (name: string, label: string, list: string[], empty: string, hint?: string) => (
    <Labelled name={name} label={label} hint={hint} problem={p(name)}>
      <select id={name} name={name} defaultValue={v(name)} aria-invalid={p(name) ? true : undefined} aria-describedby={describedBy(name, hint, p(name))}>
        <option value="">{empty}</option>
        {list.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </Labelled>
  );

  return (
    <form action={formAction} className="stack-form sell-form" noValidate>
      {state.error ? (
        <div className="problem" role="alert">
          <p><strong>{state.error}</strong></p>
          {problems.length > 0 ? <ul>{problems.map(([field, text]) => <li key={field}><a href={`#${field}`}>{text}</a></li>)}</ul> : null}
        </div>
      ) : null}

      <PhotoPicker problem={p("attachment_ids")} />

      <Labelled name="title" label="Title" hint="What it is, e.g. “Three-seater grey velvet sofa”." problem={p("title")}>
        <input id="title" name="title" maxLength={200} defaultValue={v("title")} aria-invalid={p("title") ? true : undefined} aria-describedby={describedBy("title", "hint", p("title"))} />
      </Labelled>
      <Labelled name="description" label="Description" hint="Its story and any wear. Keep contact details and payment out: buyers message and pay through the shop." problem={p("description")}>
        <textarea id="description" name="description" rows={5} maxLength={20000} defaultValue={v("description")} aria-invalid={p("description") ? true : undefined} aria-describedby={describedBy("description", "hint", p("description"))} />
      </Labelled>

      {select("category", "Category", options.categories, "Choose a category")}
      {select("item_type", "Item type (optional)", options.item_types, "Not specified")}

      <Choices name="condition" legend="Condition" problem={p("condition")}>
        {options.conditions.map((c) => (
          <div key={c.value} className="choice">
            <input type="radio" id={`condition-${c.value}`} name="condition" value={c.value} defaultChecked={v("condition") === c.value} aria-describedby={`condition-${c.value}-help`} />
            <label htmlFor={`condition-${c.value}`}>{c.label}</label>
            <span id={`condition-${c.value}-help`} className="hint">{c.help}</span>
          </div>
        ))}
      </Choices>

      {select("colour", "Colour (optional)", options.colours, "Not specified")}
      {select("fabric", "Fabric (optional)", options.fabrics, "Not specified")}
      {select("brand", "Brand (optional)", options.brands, "Not specified")}
      {select("age_years", "Age (optional)", options.ages, "Not sure")}

      <Choices name="faults" legend="Faults" hint="Tick any that apply. Leave them all clear if there are none." problem={p("faults")}>
        {options.faults.filter((f) => f.value !== "None").map((f) => (
          <div key={f.value} className="choice">
            <input type="checkbox" id={`faults-${f.value}`} name="faults" value={f.value} defaultChecked={checked("faults", f.value)} />
            <label htmlFor={`faults-${f.value}`}>{f.label}</label>
          </div>
        ))}
      </Choices>
      <Choices name="exposed_to" legend="Has it lived with any of these? (optional)" problem={p("exposed_to")}>
        {options.exposures.map((e) => (
          <div key={e.value} className="choice">
            <input type="checkbox" id={`exposed_to-${e.value}`} name="exposed_to" value={e.value} defaultChecked={checked("exposed_to", e.value)} />
            <label htmlFor={`exposed_to-${e.value}`}>{e.label}</label>
          </div>
        ))}
      </Choices>

      <Choices name="measurements" legend="Measurements in cm (optional)" problem={p("measurements")}>
        <div className="measurements">
          {(["width", "depth", "height"] as const).map((d) => (
            <div key={d} className="field">
              <label htmlFor={d}>{d.charAt(0).toUpperCase() + d.slice(1)} (cm)</label>
              <input id={d} name={d} inputMode="decimal" defaultValue={v(d)} size={6} />
            </div>
          ))}
        </div>
      </Choices>

      <Labelled name="price_gbp" label="Price (£)" hint="In whole pounds." problem={p("price_gbp")}>
        <input id="price_gbp" name="price_gbp" inputMode="numeric" autoComplete="off" defaultValue={v("price_gbp")} onInput={(e) => setPrice(e.currentTarget.value)}
          aria-invalid={p("price_gbp") ? true : undefined} aria-describedby={describedBy("price_gbp", "hint", p("price_gbp"))} />
      </Labelled>
      <Labelled name="delivery_contribution_gbp" label="Delivery contribution" hint="What you put towards the buyer’s delivery; it comes off your payout." problem={p("delivery_contribution_gbp")}>
        <select id="delivery_contribution_gbp" name="delivery_contribution_gbp" defaultValue={v("delivery_contribution_gbp") || "0"} onChange={(e) => setDelivery(e.currentTarget.value)}
          aria-invalid={p("delivery_contribution_gbp") ? true : undefined} aria-describedby={describedBy("delivery_contribution_gbp", "hint", p("delivery_contribution_gbp"))}>
          {deliveryContributions.map((d) => <option key={d} value={d}>{d === 0 ? "None" : `£${d}`}</option>)}
        </select>
      </Labelled>

      <PayoutEstimate price={price} delivery={delivery} />

      <button type="submit" disabled={pending}>{pending ? "Please wait…" : "List my sofa"}</button>
    </form>
  );
}
