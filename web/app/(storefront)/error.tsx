"use client";

/** When the API cannot answer: say so plainly (the details stay in the server's log). */
export default function StorefrontError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="not-found">
      <h1>Sorry, something went wrong</h1>
      <p>We could not load this page just now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>Try again</button> or <a href="/">go to the home page</a>.
      </p>
    </section>
  );
}
