"""The whole trip in a real browser (headless Chromium, phone-sized): form file or served form
→ filled with the standard controls → sealed in the page → response file, pasted text or POST
→ imported and counted. Also the page's own rules: skip rules, required answers, nothing left
readable, and sealing where WebCrypto has no X25519 (or no crypto.subtle at all)."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from app.forms import inbox, make, receive, serve
from app.surveys.responses import load_responses


def _wait(driver, css: str, timeout: float = 20):
    WebDriverWait(driver, timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, css).is_displayed())
    return driver.find_element(By.CSS_SELECTOR, css)


def _click(driver, css: str) -> None:
    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _fill_survey(driver, text: str = "Cần họp dân") -> None:
    Select(driver.find_element(By.NAME, "p_gender")).select_by_value("male")
    Select(driver.find_element(By.NAME, "p_age_band")).select_by_value("45-59")
    _click(driver, "input[name=q1][value='1']")
    _click(driver, "input[name=q2][value='2']")
    _click(driver, "input[name=q2][value='5']")
    _click(driver, "input[name=q3][value='5']")
    driver.find_element(By.NAME, "q4").send_keys("4")
    driver.find_element(By.NAME, "q5").send_keys(text)
    _click(driver, "input[name=q6][value='3']")


def _no_network_requests(driver) -> list[str]:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")


def test_survey_form_file_round_trip(chrome, demo_ctx, survey_id, tmp_path) -> None:
    page = make.survey_forms(demo_ctx, survey_id, tmp_path / "forms")
    assert page.stat().st_size <= 300 * 1024
    chrome.get(page.as_uri())
    assert not chrome.find_element(By.CSS_SELECTOR, "fieldset.q[data-no='2']").is_displayed()  # skip rule
    _click(chrome, "#submit")
    assert "chỗ chưa đúng" in chrome.find_element(By.ID, "status").text
    assert "bắt buộc" in chrome.find_element(By.CSS_SELECTOR, "fieldset.q[data-no='1'] .err").text
    _fill_survey(chrome, "<script>alert(1)</script> =1+1")
    assert chrome.find_element(By.CSS_SELECTOR, "fieldset.q[data-no='6']").is_displayed()  # chained rule
    _click(chrome, "#submit")
    armored = _wait(chrome, "#armored").get_attribute("value")
    assert armored.startswith("-----BEGIN AGE ENCRYPTED FILE-----")
    # Nothing readable left: the form was reset, storage is empty.
    assert chrome.execute_script("return localStorage.length + sessionStorage.length") == 0
    assert not chrome.find_element(By.NAME, "q5").get_attribute("value")
    assert _no_network_requests(chrome) == []
    # The download: the binary response file.
    before = set(chrome.downloads.iterdir())
    _click(chrome, "#download")
    for _ in range(100):
        new = [p for p in set(chrome.downloads.iterdir()) - before if p.suffix == ".age"]
        if new:
            break
        time.sleep(0.1)
    [downloaded] = new
    outcomes = receive.receive_many(demo_ctx, [(downloaded.name, downloaded.read_bytes())])
    assert [o.status for o in outcomes] == ["imported"], outcomes
    assert receive.receive_many(demo_ctx, [("dán", armored.encode())])[0].status == "already"
    [stored] = load_responses(demo_ctx, survey_id)
    assert stored.answers == {1: 1, 2: (2, 5), 3: 5, 4: 4, 5: "<script>alert(1)</script> =1+1", 6: 3}
    assert (stored.gender, stored.age_band, stored.area_code) == ("male", "45-59", None)


def test_a_skipped_question_keeps_its_place(chrome, demo_ctx, survey_id, tmp_path) -> None:
    """A question hidden by a skip rule leaves a one-line note in its place: the respondent
    reads "Câu 1", "Câu 2: bỏ qua …", "Câu 3", never a gap from Câu 1 to Câu 3."""
    page = make.survey_forms(demo_ctx, survey_id, tmp_path / "forms")
    chrome.get(page.as_uri())
    q2 = chrome.find_element(By.CSS_SELECTOR, "fieldset.q[data-no='2']")
    note = chrome.find_element(By.CSS_SELECTOR, ".skipped[data-for='2']")
    assert not q2.is_displayed() and note.is_displayed()
    assert note.text.startswith("Câu 2: bỏ qua") and "Câu 1" in note.text
    shown = [e.text.split(".")[0].split(":")[0] for e in
             chrome.find_elements(By.CSS_SELECTOR, "fieldset.q legend, .skipped") if e.is_displayed()]
    assert shown == [f"Câu {n}" for n in range(1, len(shown) + 1)], shown
    _click(chrome, "input[name=q1][value='1']")        # the answer that asks question 2
    assert q2.is_displayed() and not note.is_displayed()


def test_sealing_without_webcrypto(chrome, demo_ctx, survey_id, tmp_path) -> None:
    """An old in-app browser (no X25519 in WebCrypto) or a plain-http LAN page (no crypto.subtle)."""
    page = make.survey_forms(demo_ctx, survey_id, tmp_path / "forms")
    chrome.get(page.as_uri())
    chrome.execute_script("Object.defineProperty(window.crypto, 'subtle', {value: undefined})")
    assert chrome.execute_script("return window.crypto.subtle") is None
    _fill_survey(chrome)
    _click(chrome, "#submit")
    armored = _wait(chrome, "#armored").get_attribute("value")
    assert receive.receive_many(demo_ctx, [("dán", armored.encode())])[0].status == "imported"


def _fill_item(driver, n: int, summary: str, field: str, tendency: str, scale: str) -> None:
    driver.find_element(By.ID, f"summary-{n}").send_keys(summary)
    Select(driver.find_element(By.ID, f"field-{n}")).select_by_value(field)
    Select(driver.find_element(By.ID, f"tendency-{n}")).select_by_value(tendency)
    _click(driver, f"input[name=scale-{n}][value='{scale}']")


def test_collaborator_report_round_trip(chrome, demo_ctx, tmp_path) -> None:
    pages = make.collaborator_forms(demo_ctx, tmp_path / "ctv")
    chrome.get(pages[0].as_uri())
    assert "Phiếu báo cáo dư luận" in chrome.title
    _fill_item(chrome, 1, "Bà con lo lắng giá phân bón tăng trước vụ lúa", "economy", "concern", "high")
    _click(chrome, "#add-item")
    _click(chrome, "#submit")
    assert "Còn thiếu" in chrome.find_element(By.CSS_SELECTOR, "fieldset.item:nth-of-type(2) .err").text
    _fill_item(chrome, 2, "Người dân đồng tình với việc mở rộng chợ xã", "culture_society", "support", "low")
    chrome.find_element(By.ID, "proposal-2").send_keys("Đề nghị làm mái che")
    _click(chrome, "#submit")
    armored = _wait(chrome, "#armored").get_attribute("value")
    # The stock age opens what the page sealed, with the office's identity (the format is age's own).
    from app.exchange.keys import ensure_keys

    key = tmp_path / "office.key"
    key.write_text(ensure_keys(demo_ctx).age_identity + "\n")
    opened = subprocess.run(["age", "-d", "-i", str(key)], input=armored.encode(), capture_output=True, check=True)
    assert json.loads(opened.stdout)["items"][1]["summary"] == "Người dân đồng tình với việc mở rộng chợ xã"
    outcome = receive.receive_many(demo_ctx, [("dán", armored.encode())])[0]
    assert (outcome.status, outcome.items) == ("imported", 2), outcome.message
    waiting = inbox.waiting(demo_ctx)
    assert [w.summary for w in waiting] == ["Bà con lo lắng giá phân bón tăng trước vụ lúa",
                                            "Người dân đồng tình với việc mở rộng chợ xã"]
    assert waiting[1].proposal == "Đề nghị làm mái che" and waiting[1].scale == "low"
    assert len(inbox.accept(demo_ctx).accepted) == 2


@pytest.fixture
def served_survey(demo_ctx, survey_id):
    server = serve.FormServer(demo_ctx, survey_id=survey_id, bind="127.0.0.1", port=0, expected=2)
    server.start()
    yield server
    server.stop()


def test_served_survey_round_trip_once_per_browser(chrome, demo_ctx, survey_id, served_survey) -> None:
    chrome.get(served_survey.url)
    _fill_survey(chrome)
    _click(chrome, "#submit")
    WebDriverWait(chrome, 20).until(lambda d: "Đã nhận phiếu" in d.find_element(By.ID, "done-title").text)
    assert served_survey.counter.received == 1
    assert len(load_responses(demo_ctx, survey_id)) == 1
    assert chrome.execute_script(f"return localStorage.getItem('dlxh-sent-{served_survey.session}')") == "1"
    chrome.get(served_survey.url)  # the same phone again
    assert "đã gửi một phiếu" in _wait(chrome, "#done-title").text
    assert not chrome.find_element(By.ID, "dlxh-form").is_displayed()
    chrome.execute_script("localStorage.clear()")
    chrome.delete_all_cookies()


def test_served_collaborator_report_round_trip(chrome, demo_ctx) -> None:
    server = serve.FormServer(demo_ctx, survey_id=None, bind="127.0.0.1", port=0)
    server.start()
    try:
        name, url = server.links[0]
        chrome.get(url)  # the collaborator's own address: no list of names to pick from
        assert name in chrome.find_element(By.TAG_NAME, "header").text
        _fill_item(chrome, 1, "Cử tri băn khoăn về tiến độ làm đường liên ấp", "economy", "concern", "medium")
        _click(chrome, "#submit")
        WebDriverWait(chrome, 20).until(lambda d: "Đã nhận phiếu" in d.find_element(By.ID, "done-title").text)
    finally:
        server.stop()
    [item] = inbox.waiting(demo_ctx)
    assert item.channel == "online" and item.summary == "Cử tri băn khoăn về tiến độ làm đường liên ấp"


def test_form_page_is_self_contained(demo_ctx, survey_id, tmp_path) -> None:
    text = Path(make.survey_forms(demo_ctx, survey_id, tmp_path)).read_text(encoding="utf-8")
    assert "default-src 'none'" in text and "connect-src 'none'" in text
    for needle in ("http://", "https://", "src=\"", "@import", "url("):
        assert needle not in text.replace("http://www.w3.org", ""), needle
