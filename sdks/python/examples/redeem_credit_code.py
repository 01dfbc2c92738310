import os
import sys

from repurch import Repurch, RepurchError

repurch = Repurch(os.environ["REPURCH_API_KEY"], base_url=os.environ.get("REPURCH_BASE_URL", "https://api.repurch.com"))
code, order_reference = sys.argv[1:3]

# At checkout: one call. A retry after a timeout reuses the SDK's Idempotency-Key, so it never redeems twice.
try:
    redemption = repurch.redeem_code({"code": code, "order_reference": order_reference})
    print(f"redeemed £{redemption['amount_gbp']} ({redemption['id']}) on {redemption['order_reference']}")
except RepurchError as error:
    # code_invalid, code_other_brand, code_already_redeemed, code_expired…: tell the shopper, keep the request id for support.
    print(f"refused: {error.code} ({error.status}, request {error.request_id})")
