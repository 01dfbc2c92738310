interface HeaderBrand {
  name: string;
  tagline: string | null;
  logoUrl: string | null;
}

export function SiteHeader({ brand }: { brand: HeaderBrand }) {
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
      </div>
    </header>
  );
}
