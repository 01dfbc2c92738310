import base64
import os
import sys

from repurch import Repurch

repurch = Repurch(os.environ["REPURCH_API_KEY"], base_url=os.environ.get("REPURCH_BASE_URL", "https://api.repurch.com"))

# Upload each photo (JPEG, PNG, WebP or GIF), then create the listing with their attachment ids.
attachment_ids = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        image = base64.b64encode(f.read()).decode("ascii")
    photo = repurch.upload_photo({"image_base64": image, "filename": os.path.basename(path)})
    attachment_ids.append(photo["attachment_id"])

listing = repurch.create_listing({
    "title": "Grey velvet corner sofa",
    "channel": "clearance",
    "price_gbp": 899.0,
    "condition": "like-new",
    "category": "Corner Sofas",
    "delivery_contribution_gbp": 60,
    "attachment_ids": attachment_ids,
})
print(f"{listing['id']}\t{listing['title']}\t{len(listing.get('images') or [])} photos")
