import email.utils
import json
import platform
import re
import threading
import time
import unittest
import urllib.parse
from pathlib import Path

from fake_api import FakeApi, error, json_answer
from repurch import VERSION, Repurch, RepurchConnectionError, RepurchError, TokenPair

LISTING = {"id": 1, "title": "Sofa", "price": 10}
REDEEM = {"code": "A", "order_reference": "1"}


def client(url, delays=None, **options):
    sink = [] if delays is None else delays
    return Repurch("re_pk_test_x", base_url=url, sleep=sink.append, **options)


class TransportTests(unittest.TestCase):
    def test_a_mutation_gets_one_idempotency_key_reused_on_its_retries_after_5xx_with_backoff_and_jitter(self):
        answers = lambda s, n: error(503 if n == 1 else 500, "internal_error") if n < 3 else json_answer(201, LISTING)
        delays = []
        with FakeApi(answers) as api:
            created = client(api.url, delays).create_listing({"title": "Sofa", "price_gbp": 10, "condition": "good", "category": "Sofas"})
        self.assertEqual(created["id"], 1)
        self.assertEqual(len(api.seen), 3)
        keys = {s.headers["idempotency-key"] for s in api.seen}
        self.assertEqual(len(keys), 1)
        self.assertRegex(keys.pop(), r"^[0-9a-f-]{36}$")
        self.assertEqual({s.body for s in api.seen}, {api.seen[0].body})
        self.assertEqual(json.loads(api.seen[0].body)["title"], "Sofa")
        self.assertEqual(len(delays), 2)
        self.assertTrue(0.25 <= delays[0] <= 0.5, delays)
        self.assertTrue(0.5 <= delays[1] <= 1.0, delays)
        self.assertEqual(api.seen[0].headers["authorization"], "Bearer re_pk_test_x")
        self.assertEqual(api.seen[0].headers["user-agent"], f"repurch-python/{VERSION} python/{platform.python_version()}")

    def test_a_get_carries_no_idempotency_key_and_two_mutations_get_different_keys(self):
        with FakeApi(lambda s, n: json_answer(200, LISTING if s.method == "GET" else {"id": "r"})) as api:
            repurch = client(api.url)
            repurch.get_listing(1)
            repurch.redeem_code(REDEEM)
            repurch.redeem_code(REDEEM)
        self.assertNotIn("idempotency-key", api.seen[0].headers)
        self.assertNotEqual(api.seen[1].headers["idempotency-key"], api.seen[2].headers["idempotency-key"])

    def test_a_callers_idempotency_key_is_kept(self):
        with FakeApi(lambda s, n: error(500, "internal_error") if n == 1 else json_answer(200, {"id": "r"})) as api:
            client(api.url).redeem_code(REDEEM, idempotency_key="checkout-42")
        self.assertEqual([s.headers["idempotency-key"] for s in api.seen], ["checkout-42", "checkout-42"])

    def test_429_waits_retry_after_and_409_idempotency_key_in_use_is_retried(self):
        def answers(s, n):
            if n == 1:
                return error(429, "rate_limited", {"Retry-After": "2"})
            return error(409, "idempotency_key_in_use") if n == 2 else json_answer(200, {"id": "r"})
        delays = []
        with FakeApi(answers) as api:
            client(api.url, delays).redeem_code(REDEEM)
        self.assertEqual(len(api.seen), 3)
        self.assertEqual(delays[0], 2.0)

    def test_retry_after_as_an_http_date_is_honoured_and_capped_at_max_delay(self):
        later = email.utils.formatdate(time.time() + 3600, usegmt=True)
        answers = lambda s, n: error(503, "unavailable", {"Retry-After": later}) if n == 1 else json_answer(200, LISTING)
        delays = []
        with FakeApi(answers) as api:
            client(api.url, delays, max_delay=5.0).get_listing(1)
        self.assertEqual(delays, [5.0])
        self.assertEqual(len(api.seen), 2)

    def test_exchange_key_trades_the_key_for_a_token_pair(self):
        pair = {"access_token": "at_1", "token_type": "Bearer", "expires_in": 900, "refresh_token": "rt_1"}
        with FakeApi(lambda s, n: json_answer(200, pair)) as api:
            tokens = Repurch.exchange_key("re_pk_test_x", base_url=api.url)
        self.assertEqual((tokens.access_token, tokens.refresh_token), ("at_1", "rt_1"))
        self.assertAlmostEqual(tokens.expires_at, time.time() + 900, delta=60)
        self.assertEqual((api.seen[0].method, api.seen[0].url), ("POST", "/v1/auth/token"))
        self.assertEqual(api.seen[0].headers["authorization"], "Bearer re_pk_test_x")

    def test_4xx_is_never_retried_and_raises_a_typed_error_with_the_request_id(self):
        for status, code in [(400, "validation_failed"), (404, "listing_not_found"), (409, "code_already_redeemed"), (422, "code_invalid"), (403, "forbidden")]:
            with self.subTest(status=status), FakeApi(lambda s, n: error(status, code)) as api:
                with self.assertRaises(RepurchError) as raised:
                    client(api.url).redeem_code(REDEEM)
                e = raised.exception
                self.assertEqual((e.status, e.code, e.message), (status, code, f"{code} happened"))
                self.assertEqual(e.data, {"status": status, "errors": [code]})
                self.assertEqual(e.request_id, f"req-{status}")
                self.assertEqual(len(api.seen), 1)

    def test_a_body_that_is_not_the_error_shape_keeps_the_status(self):
        with FakeApi(lambda s, n: (404, {"Content-Type": "text/html"}, b"<h1>Not Found</h1>")) as api:
            with self.assertRaises(RepurchError) as raised:
                client(api.url).get("/v1/nowhere")
        self.assertEqual((raised.exception.status, raised.exception.code), (404, "http_404"))
        self.assertIsNone(raised.exception.request_id)

    def test_retries_stop_after_max_retries_and_the_last_5xx_is_raised(self):
        with FakeApi(lambda s, n: error(502, "bad_gateway")) as api:
            with self.assertRaises(RepurchError) as raised:
                client(api.url, max_retries=2).list_listings()
        self.assertEqual(raised.exception.status, 502)
        self.assertEqual(len(api.seen), 3)

    def test_connection_errors_are_retried_then_raised_as_repurch_connection_error(self):
        api = FakeApi(lambda s, n: json_answer(200, {}))
        url = api.url
        api.close()
        delays = []
        with self.assertRaises(RepurchConnectionError):
            client(url, delays).list_listings()
        self.assertEqual(len(delays), 3)

    def test_a_token_pair_is_refreshed_once_on_401_shared_by_concurrent_requests_and_on_tokens_gets_the_new_pair(self):
        current = {"token": "at_1"}
        gate = threading.Barrier(3)

        def answers(s, n):
            if s.url == "/v1/auth/refresh":
                self.assertEqual(json.loads(s.body)["refresh_token"], "rt_1")
                current["token"] = "at_2"
                return json_answer(200, {"access_token": "at_2", "token_type": "Bearer", "expires_in": 900, "refresh_token": "rt_2"})
            if s.headers["authorization"] == "Bearer at_2" and current["token"] == "at_2":
                return json_answer(200, LISTING)
            return error(401, "invalid_token")

        saved = []
        with FakeApi(answers) as api:
            repurch = Repurch(tokens=TokenPair("at_1", "rt_1"), base_url=api.url, on_tokens=lambda t: saved.append(t.refresh_token))
            results = []

            def call():
                gate.wait()
                results.append(repurch.get_listing(1)["id"])
            threads = [threading.Thread(target=call) for _ in range(3)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertEqual(results, [1, 1, 1])
        self.assertEqual(len([s for s in api.seen if s.url == "/v1/auth/refresh"]), 1)
        self.assertEqual(saved, ["rt_2"])
        self.assertEqual(repurch.tokens.access_token, "at_2")

    def test_a_known_expiry_refreshes_before_the_request(self):
        def answers(s, n):
            if s.url == "/v1/auth/refresh":
                return json_answer(200, {"access_token": "at_2", "token_type": "Bearer", "expires_in": 900, "refresh_token": "rt_2"})
            return json_answer(200, LISTING)
        with FakeApi(answers) as api:
            Repurch(tokens=TokenPair("at_1", "rt_1", expires_at=0), base_url=api.url).get_listing(1)
        self.assertEqual([s.url for s in api.seen], ["/v1/auth/refresh", "/v1/listings/1"])
        self.assertEqual(api.seen[1].headers["authorization"], "Bearer at_2")

    def test_a_refused_refresh_ends_in_a_typed_401_without_a_second_refresh(self):
        with FakeApi(lambda s, n: error(401, "invalid_token")) as api:
            with self.assertRaises(RepurchError) as raised:
                Repurch(tokens=TokenPair("at_1", "rt_1"), base_url=api.url).list_listings()
        self.assertEqual(raised.exception.code, "invalid_token")
        self.assertEqual(len([s for s in api.seen if s.url == "/v1/auth/refresh"]), 1)

    def test_paginate_walks_every_page_and_stops_at_total_pages(self):
        def answers(s, n):
            page = int(urllib.parse.parse_qs(urllib.parse.urlsplit(s.url).query)["page"][0])
            data = [{**LISTING, "id": page * 10 + 1}, {**LISTING, "id": page * 10 + 2}] if page <= 3 else []
            return json_answer(200, {"data": data, "meta": {"page": page, "per_page": 2, "total": 6, "total_pages": 3, "brand_id": "b"}})
        with FakeApi(answers) as api:
            repurch = client(api.url)
            ids = [l["id"] for l in repurch.paginate(repurch.list_listings, channel="clearance", per_page=2)]
            by_path = [l["id"] for l in repurch.paginate("/v1/listings", channel="clearance", per_page=2)]
        self.assertEqual(ids, [11, 12, 21, 22, 31, 32])
        self.assertEqual(by_path, ids)
        self.assertEqual(len(api.seen), 6)
        self.assertTrue(all("channel=clearance" in s.url and "per_page=2" in s.url for s in api.seen))

    def test_the_bulk_upload_sends_the_file_once_as_multipart_with_a_key_and_polls_until_completed(self):
        def job(status, done):
            reports = {"csv": "/v1/listings/bulk-jobs/x/report.csv", "xlsx": "/r.xlsx"} if status == "completed" else None
            return {"id": "9f1c2d3e-0000-4000-8000-000000000001", "status": status, "rows_done": done, "total_rows": 2, "reports": reports}

        def answers(s, n):
            if s.method == "POST":
                return json_answer(202, job("queued", 0))
            if s.url.endswith("report.csv"):
                return 200, {"Content-Type": "text/csv"}, b"title,import_result\r\nSofa,created\r\n"
            return json_answer(200, job("running", n - 2) if n < 4 else job("completed", 2))

        with FakeApi(answers) as api:
            repurch = client(api.url)
            started = repurch.bulk_jobs.start(b"title\r\nSofa\r\n", filename="stock.csv")
            progress = []
            done = repurch.bulk_jobs.wait(started["id"], interval=0.001, on_progress=lambda j: progress.append(f"{j['status']}:{j['rows_done']}"))
            report = repurch.bulk_jobs.report(done)
        self.assertEqual(progress, ["running:0", "running:1", "completed:2"])
        self.assertEqual(report, b"title,import_result\r\nSofa,created\r\n")
        upload = api.seen[0]
        self.assertEqual(upload.url, "/v1/listings/bulk-jobs")
        boundary = re.fullmatch(r"multipart/form-data; boundary=(\S+)", upload.headers["content-type"]).group(1)
        self.assertIn(b'Content-Disposition: form-data; name="file"; filename="stock.csv"\r\n', upload.body)
        self.assertIn(b"\r\n\r\ntitle\r\nSofa\r\n\r\n--" + boundary.encode() + b"--\r\n", upload.body)
        self.assertTrue(upload.headers["idempotency-key"])

    def test_the_base_url_may_carry_a_path_and_version_is_pyproject_s(self):
        with FakeApi(lambda s, n: json_answer(200, LISTING)) as api:
            client(api.url + "/proxy/").get_listing(1)
        self.assertEqual(api.seen[0].url, "/proxy/v1/listings/1")
        pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
        self.assertIn(f'version = "{VERSION}"', pyproject)

    def test_a_custom_user_agent_is_appended(self):
        with FakeApi(lambda s, n: json_answer(200, LISTING)) as api:
            client(api.url, user_agent="shop/2").get_listing(1)
        self.assertTrue(api.seen[0].headers["user-agent"].startswith(f"repurch-python/{VERSION} "))
        self.assertTrue(api.seen[0].headers["user-agent"].endswith(" shop/2"))


if __name__ == "__main__":
    unittest.main()
