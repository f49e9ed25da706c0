"""Monitor's admin panel (ruling M16): /panel.html and its script and style, served by nginx from web/monitor/ with a
strict Content-Security-Policy. nginx serves them whether or not the module runs, so this runs in the nginx tier
(modules down) and in the e2e tier. The page itself is driven by headless Chromium in the browser tier."""

import re
import unittest

from helpers import ModuleTestCase


class MonitorPanelTest(ModuleTestCase):
    MODULE = "monitor"

    def csp(self, resp) -> dict[str, str]:
        policy = resp.headers.get("content-security-policy", "")
        return {d.split()[0]: " ".join(d.split()[1:]) for d in (p.strip() for p in policy.split(";")) if d}

    def test_panel_page_script_and_style_under_a_strict_policy(self):
        for path, kind in (("/panel.html", "text/html"), ("/panel.js", "application/javascript"), ("/panel.css", "text/css"),
                           ("/panel.svg", "image/svg+xml")):
            resp = self.get(path)
            self.assertEqual(resp.status, 200, f"{path}: {resp}")
            self.assertTrue(resp.content_type.startswith(kind), f"{path}: {resp.content_type}")
            policy = self.csp(resp)
            self.assertEqual(policy.get("default-src"), "'none'", path)
            self.assertEqual(policy.get("script-src"), "'self'", path)
            self.assertEqual(policy.get("connect-src"), "'self'", path)
            self.assertEqual(resp.headers.get("x-content-type-options"), "nosniff", path)

    def test_page_loads_nothing_from_elsewhere_and_nothing_inline(self):
        html = self.get("/panel.html").body.decode("utf-8")
        self.assertIn('lang="es"', html)
        self.assertRegex(html, r'<script src="/panel\.js"')
        # No inline script, style or event handler: the policy would block them.
        self.assertIsNone(re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html))
        self.assertNotIn("<style", html)
        self.assertIsNone(re.search(r"\son[a-z]+=", html))
        for text in (html, self.get("/panel.js").body.decode("utf-8"), self.get("/panel.css").body.decode("utf-8")):
            self.assertIsNone(re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text.replace("http://127.0.0.1", "")),
                              "a resource from another host")

    def test_a_write_to_the_page_is_a_json_405(self):
        resp = self.request("POST", "/panel.html", body="{}", headers={"Content-Type": "application/json"})
        self.assertEqual(resp.status, 405, str(resp))
        self.assertTrue(resp.content_type.startswith("application/json"), str(resp))


if __name__ == "__main__":
    unittest.main()
