"""Auto-pagination over the API's page/per_page lists (`{data: [...], meta: {page, total_pages}}`)."""
from typing import Any, Callable, Iterator


def paginate(fetch_page: Callable[..., Any], *args: Any, **query: Any) -> Iterator[Any]:
    """Every item of a paged list, page after page: calls `fetch_page(*args, **query, page=n)` for n = page
    (default 1), 2, ... and yields each page's `data` until the page is empty or `meta.total_pages` is reached."""
    page = int(query.pop("page", None) or 1)
    while True:
        body = fetch_page(*args, **query, page=page)
        items = body["data"]
        yield from items
        if not items or page >= body["meta"]["total_pages"]:
            return
        page += 1
