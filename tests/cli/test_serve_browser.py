"""`notices serve` in a real headless browser (Debian's chromium and chromium-driver, installed by
.ci/system-deps): the archive's page loads, the search box finds a phrase, a canned query runs.
Without chromium the test skips, except under CI=true, where it fails."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from models import browse
from models.db import make_engine
from models.upsert import write_pages
from pipelines.common.fetched import FetchedPage
from tests.cli.test_search_cmd import T0

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
NOTICES = {
    "关于巡察整改情况的通报": "针对形式主义问题，已问责3人。",
    "巡察反馈会召开": "会议要求抓好整改。",
}


def _archive(path: Path) -> str:
    url = f"sqlite:///{path}"
    subprocess.run(
        [sys.executable, "-m", "crawler.cli", "db", "upgrade", "--url", url],
        check=True,
        capture_output=True,
    )
    pages = []
    for n, (title, body) in enumerate(NOTICES.items(), 1):
        record = {
            "is_notice": True,
            "title": title,
            "published_date": "2024-06-01",
            "feedback_date": "2024-01-05",
            "inspection_level": "county",
            "body_text": body,
            "parser_version": "1.0",
            "problems": [{"seq": 1, "title": "问题", "status": "done"}],
        }
        page_url = f"http://127.0.0.1/{n}.html"
        pages.append(FetchedPage(page_url, page_url, "s", "demo", 200, T0, b"x", record=record))
    engine = make_engine(url)
    write_pages(engine, pages, now=datetime(2025, 1, 1, tzinfo=UTC))
    engine.dispose()
    return url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    url = _archive(tmp_path / "archive.db")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--port", str(port), "--url", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"notices serve did not start: {out}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM and DRIVER):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromium-driver are missing: run .ci/system-deps as root")
        pytest.skip("chromium and chromium-driver are not installed (.ci/system-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_search_box_and_canned_query(
    served: str, browser: webdriver.Chrome, tmp_path: Path
) -> None:
    wait = WebDriverWait(browser, 30)
    browser.get(served + "/")
    assert browse.TITLE in browser.page_source

    browser.get(served + "/archive/notices")
    box = wait.until(expected_conditions.presence_of_element_located((By.NAME, "_search")))
    box.send_keys("形式主义")
    box.submit()
    wait.until(expected_conditions.url_contains("_search="))
    page = browser.page_source
    assert "1 row" in page
    assert "关于巡察整改情况的通报" in page
    assert "巡察反馈会召开" not in page
    shot = tmp_path / "search.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 1000

    browser.get(served + "/archive/share_reported_rectified")
    wait.until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.rows-and-columns"))
    )
    cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns td")]
    assert cells == ["county", "2", "2", "100.0"]
    assert "Share of problems reported rectified" in browser.page_source

    # The year facet (crawler/cli/datasette_plugin.py): both notices are of 2024; choosing the
    # year filters the table by it.
    browser.get(served + "/archive/notices")
    facet = wait.until(
        expected_conditions.presence_of_element_located(
            (By.CSS_SELECTOR, '.facet-info[data-column="published_date (year)"]')
        )
    )
    assert "2024" in facet.text and "2" in facet.text
    facet.find_element(By.LINK_TEXT, "2024").click()
    wait.until(expected_conditions.url_contains("published_date__startswith=2024"))
    assert "2 rows" in browser.page_source
