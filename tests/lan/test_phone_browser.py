"""The phone page in a real browser: Debian's chromium driven by Playwright (no browser is
downloaded), on loopback, at a phone's 360×740 — pick a name, answer, see the result; a
reload goes on where it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from studyapp import paths
from studyapp.lan.server import PhoneQuestion, PhoneQuiz
from tests.lan.test_server import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def browser(tmp_path: Path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is part of the test extras")
    assert CHROMIUM, "chromium comes from Debian's packages (scripts/setup.sh test)"
    # this machine has no CJK font: the bundled one, so the screenshots read (phones have their own)
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>{paths.font_path().parent}</dir>
<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>""", encoding="utf-8")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"],
                              env={**os.environ, "FONTCONFIG_FILE": str(conf)})
        yield b
        b.close()


def test_a_phone_picks_its_name_answers_and_sees_its_result(browser, tmp_path: Path) -> None:
    store = Store()
    quiz = PhoneQuiz({1: "王德伦", 2: "李红梅", 3: "王伟（财政所）"}, store)
    quiz.start()
    try:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(quiz.url)
        page.locator("#people button", has_text="王德伦").click()
        page.locator("#wait").wait_for()
        assert page.inner_text("#who") == "答题人：王德伦" and store.joins == [1]
        quiz.show(PhoneQuestion(0, 1, 3, "multiple", "多选题", "依法治市的保障有（　　）。",
                                ("组织保障", "经费保障", "个人爱好", "人才保障"), [0, 1, 3], "ABD"), 30)
        page.locator("#ask").wait_for()
        assert "依法治市的保障有" in page.inner_text("#stem") and page.locator("#options button").count() == 4
        for i in (0, 1, 3):
            page.locator("#options button").nth(i).click()
        page.screenshot(path=str(tmp_path / "phone_ask.png"))
        page.click("#submit")
        page.locator("#status", has_text="已提交").wait_for()
        assert [(a[0], a[1], a[2]) for a in store.answers] == [(1, 0, [0, 1, 3])]
        page.reload()  # the token is kept: no name to pick again, the answer still shown as given
        page.locator("#status", has_text="已提交").wait_for()
        assert page.locator("#pick").is_hidden()
        quiz.reveal()
        page.locator("#status", has_text="回答正确").wait_for()
        page.screenshot(path=str(tmp_path / "phone_result.png"))
        # the page fits a 360-px phone: nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        # a name bound on one phone is shown taken on another
        other = browser.new_page(viewport={"width": 360, "height": 740})
        other.goto(quiz.url)
        assert other.locator("#people button", has_text="王德伦").is_disabled()
    finally:
        quiz.stop()


def test_the_page_is_small_and_fetches_nothing_from_outside() -> None:
    folder = paths.resources_dir() / "phone"
    assert sum(f.stat().st_size for f in folder.iterdir()) <= 100_000
    for f in folder.iterdir():
        text = f.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, f.name


def test_a_phone_signs_in(browser) -> None:
    store = Store()
    quiz = PhoneQuiz({1: "王德伦", 2: "李红梅"}, store, signin=True)
    quiz.start()
    try:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(quiz.url)
        page.locator("#people button", has_text="李红梅").click()
        page.locator("#waittext", has_text="签到成功").wait_for()
        assert store.joins == [2] and "李红梅" in page.inner_text("#waittext")
    finally:
        quiz.stop()


def test_a_contest_phone_shows_its_team_buzzes_and_answers_for_it(browser, tmp_path: Path) -> None:
    from studyapp.lan.server import Turn
    from tests.lan.test_contest_server import PEOPLE, SINGLE, TEAMS
    from tests.lan.test_contest_server import Store as ContestStore

    store = ContestStore()
    quiz = PhoneQuiz(PEOPLE, store, teams=TEAMS)
    quiz.start()
    try:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(quiz.url)
        page.locator("#people button", has_text="李红梅").click()
        page.locator("#waittext", has_text="您在第二组").wait_for()
        assert page.inner_text("#who") == "答题人：李红梅（第二组）"
        other = browser.new_page(viewport={"width": 360, "height": 740})
        other.goto(quiz.url)
        other.locator("#people button", has_text="王德伦").click()
        other.locator("#wait").wait_for()
        quiz.show(SINGLE, 30, Turn("buzz", "抢答题", None, buzz_open=False))
        page.locator("#turn", has_text="请准备").wait_for()
        assert page.locator("#buzz").is_visible() and page.locator("#buzz").is_disabled()
        quiz.show(SINGLE, 30, Turn("buzz", "抢答题", None, buzz_open=True))
        page.locator("#buzz:enabled").wait_for()
        assert page.locator("#options").is_hidden()
        page.screenshot(path=str(tmp_path / "phone_buzz.png"))
        page.click("#buzz")
        page.locator("#turn", has_text="本队抢到了").wait_for()
        assert store.buzzes == [(3, 0, "t2")] and page.locator("#buzz").is_hidden()
        other.locator("#turn", has_text="第二组已抢到（李红梅），第二组作答中").wait_for()
        assert other.locator("#options").is_hidden() and other.locator("#submit").is_hidden()
        quiz.show(SINGLE, 30, Turn("buzz", "抢答题", "t2", buzz_open=False))  # (the host took the buzz)
        page.locator("#options button").nth(0).click()
        page.click("#submit")
        page.locator("#status", has_text="本队已提交").wait_for()
        page.screenshot(path=str(tmp_path / "phone_buzz_answered.png"))
        assert [a[:3] for a in store.answers] == [(3, 0, 0)]
        quiz.reveal()
        page.locator("#status", has_text="本队回答正确").wait_for()
        other.locator("#status", has_text="正确答案：A．市委").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        quiz.stop()
