"""The participant page in a real browser (Debian's chromium, headless, through chromedriver)
against a real host: `personamap host --no-window` in a subprocess, or a LiveServer on a thread
where the facilitator's controls are needed. Skipped only where chromium or its driver is
missing (scripts/setup.sh installs both)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from headless_chromium import needs_chromium, start_chromium
from hostprocess import PIN, WAIT, HostProcess

from personamap.io import load
from personamap.live.server import ServerThread
from personamap.live.session import LiveSession
from personamap.model.ops.core import Op
from personamap.model.project import Project

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_chromium(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    driver.set_window_size(360, 740)
    try:
        yield driver
    finally:
        driver.quit()


def _until(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.1)
    raise AssertionError(f"waited {WAIT} s for {what}")


def _find(browser: Any, css: str) -> Any:
    return browser.find_element("css selector", css)


def _text(browser: Any, css: str) -> str:
    return str(_find(browser, css).text)


def _join(browser: Any, url: str, name: str, pin: str = PIN) -> None:
    browser.get(url)
    _until(lambda: _find(browser, "#join-view").is_displayed(), "the join form")
    for field, value in (("#pin", pin), ("#name", name)):
        _find(browser, field).clear()
        _find(browser, field).send_keys(value)
    _find(browser, "#join-button").click()


def _joined(browser: Any, url: str, name: str) -> None:
    _join(browser, url, name)
    _until(lambda: _text(browser, "#conn") == "Live", "the page to be live")


def _add(browser: Any, text: str) -> None:
    _find(browser, "#text").send_keys(text)
    _find(browser, "#add-button").click()
    _until(lambda: text in _text(browser, "#mine"), "the note in Your notes")


def _board_notes(project: Project) -> list[str]:
    return [e.text for e in project.boards[0].elements if e.type == "note"]


def _saved_until(saved: Path, check: Callable[[Project], Any], what: str) -> Any:
    """The host saves about a second after a change: what it accepted shows in the file."""
    return _until(lambda: check(load(saved)), what)


def test_a_participant_joins_adds_a_note_to_a_stage_and_votes(
    browser: Any, host: HostProcess, saved: Path
) -> None:
    from selenium.webdriver.support.select import Select

    browser.get_log("performance")  # drop what came before
    _join(browser, host.url, "Ana", pin="0000")
    _until(lambda: _find(browser, "#join-error").is_displayed(), "the wrong PIN's error")
    assert _text(browser, "#join-error").startswith("That PIN is not right")
    _join(browser, host.url, "Ana")
    _until(lambda: _text(browser, "#conn") == "Live", "the page to be live")
    assert _text(browser, "#whoami") == "You are Ana"

    picker = Select(_find(browser, "#target"))  # the headless host: notes may go anywhere
    names = [option.text for option in picker.options]
    assert names.index("Discover") < names.index("Buy") < names.index("Actions") < names.index("Thoughts")
    picker.select_by_visible_text("Buy")
    _add(browser, "Queue is long")
    finds = _until(
        lambda: [li for li in browser.find_elements("css selector", "#groups li") if "Finds" in li.text],
        "the journey's note in the vote",
    )
    finds[0].find_elements("css selector", ".dot")[1].click()  # +
    _until(lambda: _text(browser, "#dots") == "You have 2 dots left of 3.", "a dot spent")
    says = next(li for li in browser.find_elements("css selector", "#groups li") if "too dear" in li.text)
    for words in ("You have 1 dot left of 3.", "You have 0 dots left of 3."):
        says.find_elements("css selector", ".dot")[1].click()
        _until(lambda w=words: _text(browser, "#dots") == w, "another dot spent")
    assert all(not b.is_enabled() for b in browser.find_elements("css selector", "#groups .dot:last-child"))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360

    def landed(project: Project) -> bool:
        journey = project.journeys[0]
        buy = next(s for s in journey.stages if s.name == "Buy")
        added = any(n.text == "Queue is long" and n.stage_id == buy.id for n in journey.notes)
        return added and journey.notes[0].votes and len(project.empathy_maps[0].notes[0].votes) == 2

    _saved_until(saved, landed, "the note and the dot in the file")
    assert host.stop() == 0
    journey = load(saved).journeys[0]
    assert len(journey.notes[0].votes) == 1
    origin = host.url.removesuffix("/session")
    asked = [_request_url(entry) for entry in browser.get_log("performance")]
    assert [url for url in asked if url and not url.startswith((origin, "ws://127.0.0.1:", "data:"))] == []


def _request_url(entry: dict[str, Any]) -> str | None:
    message = json.loads(entry["message"])["message"]
    if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
        params = message["params"]
        return str(params["request"]["url"] if "request" in params else params["url"])
    return None


def test_a_second_participant_sees_the_first_ones_note_and_a_reload_rejoins(
    browser: Any, host: HostProcess, saved: Path
) -> None:
    from selenium.webdriver.support.select import Select

    first = browser.current_window_handle
    _joined(browser, host.url, "Ana")
    Select(_find(browser, "#target")).select_by_visible_text("Discover")  # the vote shows stages' notes
    _add(browser, "Nice staff")
    browser.switch_to.new_window("tab")  # its own sessionStorage: another participant
    try:
        _joined(browser, host.url, "Bo")
        _until(lambda: "Nice staff" in _text(browser, "#groups"), "Ana's note on Bo's page")
        assert _text(browser, "#mine") == ""
        assert _text(browser, "#whoami") == "You are Bo · 2 people here"
    finally:
        browser.close()
        browser.switch_to.window(first)
    browser.refresh()  # the stored token: back as Ana, with her note, no PIN asked
    _until(lambda: _text(browser, "#conn") == "Live", "the reloaded page to be live")
    assert not _find(browser, "#join-view").is_displayed()
    assert "Nice staff" in _text(browser, "#mine")
    assert host.stop() == 0
    assert [n.text for n in load(saved).journeys[0].notes] == ["Finds the shop", "Nice staff"]


def test_a_refused_note_disappears_and_own_notes_can_be_edited_and_deleted(
    browser: Any, host: HostProcess, saved: Path
) -> None:
    _joined(browser, host.url, "Ana")
    # only a control character: the page sends it, the host's cleaning leaves no text
    browser.execute_script(
        "const t = document.getElementById('text'); t.value = '\\u0007'; t.dispatchEvent(new Event('input'))"
    )
    _find(browser, "#add-button").click()
    _until(lambda: _find(browser, "#notice").is_displayed(), "the notice")
    assert _text(browser, "#notice-text") == "The host did not accept your note."
    assert _text(browser, "#mine") == ""
    _find(browser, "#notice-ok").click()

    _add(browser, "Parking is hard")
    _saved_until(saved, lambda p: _board_notes(p) == ["Parking lot", "Parking is hard"], "the note")
    _find(browser, "#mine li .actions button").click()  # Edit
    box = _find(browser, "#mine li textarea")
    box.clear()
    box.send_keys("Parking is hard on Saturdays")
    _find(browser, "#mine li .actions button.primary").click()  # Save
    _saved_until(saved, lambda p: _board_notes(p)[-1] == "Parking is hard on Saturdays", "the edit")
    browser.find_elements("css selector", "#mine li .actions button")[1].click()  # Delete
    _find(browser, "#mine li .actions button.danger").click()  # Delete, sure
    _saved_until(saved, lambda p: _board_notes(p) == ["Parking lot"], "the deletion")
    assert _text(browser, "#mine") == "" and not _find(browser, "#notice").is_displayed()


class Facilitator:
    """A session owned by one thread (as the editor's GUI thread owns it), served on another."""

    def __init__(self, project: Project):
        self.owner = ThreadPoolExecutor(max_workers=1)

        def apply(op: Op) -> None:
            op.apply(project)

        self.session = self.owner.submit(LiveSession, project, project.boards[0].id, PIN, apply).result()
        self.server = ServerThread(self.session, self.owner.submit)
        self.url = self.server.start("127.0.0.1", 0)

    def do(self, fn: Callable[..., Any], *args: Any, **values: Any) -> Any:
        return self.owner.submit(fn, *args, **values).result()


@pytest.fixture
def facilitator(project: Project) -> Iterator[Facilitator]:
    running = Facilitator(project)
    try:
        yield running
    finally:
        running.server.stop()
        running.owner.shutdown()


def test_the_facilitator_locks_the_board_ends_a_participant_then_the_session(
    browser: Any, facilitator: Facilitator
) -> None:
    session, url = facilitator.session, facilitator.url
    first = browser.current_window_handle
    _joined(browser, url, "Ana")
    assert _text(browser, "#target-fixed") == "Your note goes to Board · Workshop."
    facilitator.do(session.configure, locked=True)
    _until(lambda: _find(browser, "#locked").is_displayed(), "the locked banner")
    assert not _find(browser, "#text").is_enabled()
    facilitator.do(session.configure, locked=False)
    _until(lambda: _find(browser, "#text").is_enabled(), "the note box open again")
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=9)
    facilitator.do(session.configure, timer_end=soon.isoformat())
    _until(lambda: re.fullmatch(r"0[89]:[0-5][0-9]", _text(browser, "#timer")), "the timer counting down")
    facilitator.do(session.configure, timer_end="2020-01-01T00:00:00+00:00")
    _until(lambda: _text(browser, "#timer") == "Time is up", "the timer run out")
    facilitator.do(session.configure, timer_end=None)
    _until(lambda: not _find(browser, "#timer-box").is_displayed(), "the timer gone")

    browser.switch_to.new_window("tab")
    try:
        _joined(browser, url, "Bo")
        facilitator.do(session.remove, "p1")  # Ana
        browser.switch_to.window(first)
        _until(lambda: _find(browser, "#ended-view").is_displayed(), "Ana's ended page")
        assert _text(browser, "#ended-text") == "The facilitator ended your session"
        assert browser.execute_script("return sessionStorage.length") == 0
        browser.switch_to.window(browser.window_handles[-1])
        assert _text(browser, "#conn") == "Live"
        facilitator.do(session.end)
        facilitator.server.stop()
        _until(lambda: _find(browser, "#ended-view").is_displayed(), "Bo's ended page")
        assert _text(browser, "#ended-text") == "The session has ended"
    finally:
        if browser.current_window_handle != first:
            browser.close()
        browser.switch_to.window(first)
