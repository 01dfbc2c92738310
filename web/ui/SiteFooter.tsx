export function SiteFooter({ name, email, phone }: { name: string; email: string | null; phone: string | null }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>
          {name}
          {email ? (
            <>
              {" · "}
              <a href={`mailto:${email}`}>{email}</a>
            </>
          ) : null}
          {phone ? (
            <>
              {" · "}
              <a href={`tel:${phone.replace(/[^+\d]/g, "")}`}>{phone}</a>
            </>
          ) : null}
        </p>
        <p className="small">Pre-loved and clearance sofas, powered by Repurch.</p>
      </div>
    </footer>
  );
}
