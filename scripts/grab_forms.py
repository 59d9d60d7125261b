"""Phone-sized screenshots of the electronic forms (docs/screenshots/forms-*.png): the demo's
survey still collecting and one collaborator's personal form, opened from their HTML files
in headless Chromium at 360x740 (Debian's chromium + chromium-driver), filled in, and the
screen after sending. Full-page pictures, so every question is seen; look at every PNG.

    .venv/bin/python scripts/grab_forms.py              # into docs/screenshots
    .venv/bin/python scripts/grab_forms.py /tmp/shots   # elsewhere
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--lang=vi"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740,
                                                                          "pixelRatio": 1.0}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def _full_page(driver, path: Path, limit: int = 2400) -> None:
    height = min(limit, driver.execute_script("return document.documentElement.scrollHeight"))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": 360, "height": height, "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))
    print(path)


def main() -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from app.demo import build_demo
    from app.forms import make
    from app.surveys import questionnaire as qn

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DLXH_PASSPHRASE", "demo-passphrase")
    with tempfile.TemporaryDirectory() as tmp:
        ctx, _, _ = build_demo(Path(tmp) / "d.db", passphrase=os.environ["DLXH_PASSPHRASE"])
        sid = next(s.id for s in qn.list_surveys(ctx) if s.status == "open")
        survey = make.survey_forms(ctx, sid, Path(tmp))
        report = make.collaborator_forms(ctx, Path(tmp) / "ctv")[0]
        ctx.close()
        driver = _driver()
        try:
            driver.get(survey.as_uri())
            _full_page(driver, out / "forms-survey-phone.png")
            for css in ("input[name=q1][value='1']", "input[name=q2][value='3']", "input[name=q3][value='4']"):
                driver.execute_script("arguments[0].click()", driver.find_element(By.CSS_SELECTOR, css))
            driver.execute_script("arguments[0].click()", driver.find_element(By.ID, "submit"))
            driver.implicitly_wait(5)
            driver.find_element(By.CSS_SELECTOR, "#armored")
            driver.execute_script("window.scrollTo(0, 0)")
            _full_page(driver, out / "forms-survey-sent-phone.png")
            driver.get(report.as_uri())
            driver.find_element(By.ID, "summary-1").send_keys("Bà con lo lắng giá phân bón tăng trước vụ lúa")
            Select(driver.find_element(By.ID, "field-1")).select_by_value("economy")
            Select(driver.find_element(By.ID, "tendency-1")).select_by_value("concern")
            driver.execute_script("arguments[0].click()", driver.find_element(By.ID, "add-item"))
            _full_page(driver, out / "forms-report-phone.png")
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
