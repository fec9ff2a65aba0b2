"""Advertising a session and finding it, over zeroconf on the loopback interface."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

import pytest

from personamap.live.discovery import Advertisement, Found, SessionBrowser

WAIT = 30
LOOPBACK = ["127.0.0.1"]


class Seen:
    """The lists a browser reported, and a way to wait for one that satisfies a condition.
    Only sessions whose name holds `mark` count: other tests may advertise on loopback too."""

    def __init__(self, mark: str) -> None:
        self.mark = mark
        self.latest: list[Found] = []
        self.changed = threading.Condition()

    def __call__(self, sessions: list[Found]) -> None:
        with self.changed:
            self.latest = [s for s in sessions if self.mark in s.name]
            self.changed.notify_all()

    def wait_for(self, condition: Callable[[list[Found]], bool]) -> list[Found]:
        with self.changed:
            assert self.changed.wait_for(lambda: condition(self.latest), WAIT), self.latest
            return self.latest


def test_a_browser_finds_advertised_sessions_by_name_and_sees_them_go() -> None:
    mark = uuid.uuid4().hex[:6]
    seen = Seen(mark)
    browser = SessionBrowser(seen, interfaces=LOOPBACK)
    browser.start()
    checkout = Advertisement(f"Checkout journey {mark} (Ana's laptop)", "http://127.0.0.1:8765/session")
    billing = Advertisement(f"Billing {mark} · Bo", "http://127.0.0.1:8766/session")
    try:
        checkout.start()
        billing.start()
        sessions = seen.wait_for(lambda found: len(found) == 2)
        assert sessions == [
            Found(f"Billing {mark} · Bo", "http://127.0.0.1:8766/session"),
            Found(f"Checkout journey {mark} (Ana's laptop)", "http://127.0.0.1:8765/session"),
        ]
        checkout.close()
        sessions = seen.wait_for(lambda found: len(found) == 1)
        assert sessions == [Found(f"Billing {mark} · Bo", "http://127.0.0.1:8766/session")]
    finally:
        checkout.close()
        billing.close()
        browser.close()


def test_a_long_name_is_found_whole() -> None:
    mark = uuid.uuid4().hex[:6]
    seen = Seen(mark)
    browser = SessionBrowser(seen, interfaces=LOOPBACK)
    name = f"Ünïcödé workshop {mark} on the whole onboarding journey, from sign-up to first invoice"
    advert = Advertisement(name, "http://127.0.0.1:9001/session")
    try:
        browser.start()
        advert.start()
        assert seen.wait_for(bool) == [Found(name, "http://127.0.0.1:9001/session")]
    finally:
        advert.close()
        browser.close()


def test_an_unusable_network_never_raises(caplog: pytest.LogCaptureFixture) -> None:
    advert = Advertisement("Nowhere", "http://203.0.113.9:8765/session")  # no such interface here
    advert.start()
    advert.close()
    browser = SessionBrowser(lambda found: None, interfaces=["203.0.113.9"])
    browser.start()
    browser.close()
    browser.close()
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "the session is not advertised on the network",
        "cannot look for sessions on the network",
    ]
