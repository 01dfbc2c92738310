export default function Dashboard() {
  return (
    <section className="placeholder">
      <h1>Partner dashboard</h1>
      <p>The partner dashboard comes with issue 15. Until then, partners manage listings, orders and settings through the API.</p>
    </section>
  );
}
