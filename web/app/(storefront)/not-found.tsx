export default function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>This sofa may have sold, or the link is wrong.</p>
      <p>
        <a href="/">Back to the shop</a> or <a href="/search">search every sofa</a>.
      </p>
    </section>
  );
}
