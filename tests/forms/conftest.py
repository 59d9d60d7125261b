"""Fixtures of the electronic-form tests: the demo office with a survey still collecting,
a response sealed the way the page seals it (age to the office recipient, with pyrage), and
a real headless Chromium (Debian's chromium + chromium-driver) driven by selenium."""

from __future__ import annotations

import json
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from app.context import Ctx
from app.exchange.keys import ensure_keys
from app.forms import tokens
from app.forms.survey_form import structure_hash
from app.office import get_office
from app.surveys import questionnaire as qn
from tests.surveys.store_helpers import build_survey

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture
def survey_id(demo_ctx: Ctx) -> str:
    sid = build_survey(demo_ctx)
    qn.update_survey(demo_ctx, sid, status="open")
    return sid


def seal(ctx_or_recipient: Ctx | str, payload: dict | bytes, armored: bool = True) -> bytes:
    """A response as the page makes it (the same age format, to the office's recipient)."""
    recipient = (ctx_or_recipient if isinstance(ctx_or_recipient, str)
                 else ensure_keys(ctx_or_recipient).age_recipient)
    data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
    sealed = pyrage.encrypt(data, [x25519.Recipient.from_str(recipient)])
    if not armored:
        return sealed
    import base64
    body = base64.b64encode(sealed).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return ("-----BEGIN AGE ENCRYPTED FILE-----\n" + "\n".join(lines) + "\n-----END AGE ENCRYPTED FILE-----\n").encode()


def survey_payload(ctx: Ctx, sid: str, **changes) -> dict:
    payload = {"v": 1, "kind": "survey", "office": get_office(ctx).unit_code, "survey": sid,
               "qhash": structure_hash(qn.load(ctx, sid)), "rid": secrets.token_hex(16),
               "profile": {"age_band": "30-44", "gender": "female"},
               "answers": {"1": 1, "2": [1, 4], "3": 4, "5": "Cần họp dân trước khi sáp nhập"}}
    payload.update(changes)
    return payload


def report_payload(ctx: Ctx, token: str, items: list[dict] | None = None, **changes) -> dict:
    payload = {"v": 1, "kind": "report", "office": get_office(ctx).unit_code, "token": token,
               "rid": secrets.token_hex(16),
               "items": items if items is not None else [{"summary": "Người dân lo lắng giá phân bón tăng trước vụ lúa", "field": "economy",
                                   "tendency": "concern", "area_code": None, "scale": "high", "proposal": None}]}
    payload.update(changes)
    return payload


def active_collaborator(ctx: Ctx) -> str:
    return ctx.db.execute("SELECT id FROM collaborators WHERE status = 'active' ORDER BY id LIMIT 1").fetchone()[0]


@pytest.fixture
def token(demo_ctx: Ctx) -> str:
    with demo_ctx.transaction():
        return tokens.issue(demo_ctx, active_collaborator(demo_ctx))


@pytest.fixture(scope="session")
def chrome(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Headless Chromium at a phone's size. Missing browser = a failing test, never a skip:
    scripts/test.sh installs chromium and chromium-driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    assert shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER), \
        "chromium and chromium-driver are needed (scripts/test.sh installs them)"
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=360,740", "--lang=vi"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740,
                                                                          "pixelRatio": 1.0}})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.downloads = Path(downloads)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


@pytest.fixture(autouse=True)
def empty_inbox(demo_ctx: Ctx) -> None:
    """The demo's own collaborators' reports set aside (rejected), so each test sees only its own."""
    from app.forms import inbox

    for item in inbox.waiting(demo_ctx):
        inbox.reject(demo_ctx, item.id)
