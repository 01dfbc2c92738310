"use client";
import { useEffect, useRef, useState } from "react";

type PayPalNamespace = { Buttons(options: Record<string, unknown>): { render(el: HTMLElement): Promise<void> } };

/**
 * PayPal's own buttons (its JS SDK, with the public client id). The order already exists at PayPal
 * (the API created it), so createOrder only hands back its id; onApprove captures through our server action.
 */
export function PayPalButtons({ clientId, providerOrderId, orderId, capture }: { clientId: string; providerOrderId: string; orderId: string; capture: (id: string) => Promise<{ error?: string }> }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const script = document.createElement("script");
    script.src = `https://www.paypal.com/sdk/js?client-id=${encodeURIComponent(clientId)}&currency=GBP&intent=capture`;
    script.onload = () => {
      const paypal = (window as unknown as { paypal?: PayPalNamespace }).paypal;
      if (!paypal || !container.current) return;
      void paypal.Buttons({
        createOrder: () => providerOrderId,
        onApprove: async () => {
          const result = await capture(orderId);
          if (result.error) setError(result.error);
          else window.location.assign(`/account/orders/${encodeURIComponent(orderId)}`);
        },
      }).render(container.current);
    };
    script.onerror = () => setError("PayPal could not be loaded. Check your connection and reload the page.");
    document.body.appendChild(script);
    return () => script.remove();
  }, [clientId, providerOrderId, orderId, capture]);
  return (
    <div>
      {error ? <div className="problem" role="alert"><p><strong>{error}</strong></p></div> : null}
      <div ref={container} />
    </div>
  );
}
