"use client";
import { useState } from "react";

/** Copies a credit code to the clipboard and says so to screen readers as well as on screen. */
export function CopyCodeButton({ code }: { code: string }) {
  const [said, setSaid] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setSaid("Copied");
    } catch {
      setSaid("Could not copy: select the code and copy it instead");
    }
  }
  return (
    <span className="copy-code">
      <button type="button" onClick={copy} aria-label={`Copy code ${code}`}>Copy code</button>
      <span aria-live="polite" className="copy-status">{said}</span>
    </span>
  );
}
