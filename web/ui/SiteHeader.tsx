interface HeaderBrand {
  name: string;
  tagline: string | null;
  logoUrl: string | null;
}

/** `account` is undefined on the marketplace (accounts belong to a brand's storefront), null when signed out. */
export function SiteHeader({ brand, account, signOut }: { brand: HeaderBrand; account?: { displayName: string } | null; signOut?: () => Promise<void> }) {
  return (
    <header className="site-header">
      <div className="wrap site-header-inner">
        <a href="/" className="brand">
          {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="brand-logo" width={40} height={40} /> : null}
          <span className="brand-name">{brand.name}</span>
        </a>
        {brand.tagline ? <p className="tagline">{brand.tagline}</p> : null}
        <form action="/search" method="get" className="header-search" role="search">
          <label htmlFor="header-q" className="visually-hidden">Search sofas</label>
          <input id="header-q" name="q" type="search" placeholder="Search sofas" />
          <button type="submit">Search</button>
        </form>
        {account === undefined ? null : (
          <nav aria-label="Account" className="account-nav">
            {account ? (
              <>
                <a href="/account">Your account<span className="visually-hidden"> ({account.displayName})</span></a>
                <form action={signOut}><button type="submit" className="link-button">Sign out</button></form>
              </>
            ) : (
              <>
                <a href="/account/sign-in">Sign in</a>
                <a href="/account/sign-up">Create account</a>
              </>
            )}
          </nav>
        )}
      </div>
    </header>
  );
}
