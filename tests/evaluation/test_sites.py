"""One site of a page for every eval that folds or tabulates by site."""

import pytest

from evaluation.sites import site_of


@pytest.mark.parametrize(("url", "site"), [
    ("https://www.Example.com/news/1", "example.com"),
    ("http://example.com:8080/a", "example.com"),
    ("www.example.com", "example.com"),  # a bare host, as the statement labels write it
    ("https://news.example.co.uk/a", "news.example.co.uk"),  # other subdomains are sites of their own
    ("https://wwwexample.com/", "wwwexample.com"),
])
def test_the_site_is_the_host_without_www(url, site):
    assert site_of(url) == site


def test_a_url_without_a_host_falls_back():
    assert site_of(None, "0042") == site_of("", "0042") == "0042"
