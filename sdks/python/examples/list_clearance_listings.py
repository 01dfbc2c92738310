import os

from repurch import Repurch

# A sandbox key (re_pk_test_…) works on sandbox data, a live key (re_pk_live_…) on live data.
repurch = Repurch(os.environ["REPURCH_API_KEY"], base_url=os.environ.get("REPURCH_BASE_URL", "https://api.repurch.com"))

# Every clearance listing: the SDK fetches the next page as the loop reaches it.
for listing in repurch.paginate(repurch.list_listings, channel="clearance", per_page=2):
    print(f"{listing['id']}\t{listing['title']}\t£{listing['price']}")
