"""Every HTML file of the built site passes the Nu Html Checker with no errors."""

from __future__ import annotations

from support.htmlcheck import check_html, format_errors
from test_site_build import sample_site  # noqa: F401


def test_whole_site_is_valid_html(sample_site):  # noqa: F811
    errors = check_html(sample_site)
    assert errors == [], format_errors(errors, sample_site)
