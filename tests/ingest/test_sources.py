from pathlib import Path

import pytest

from ingest.sources import SourcesError, load_sources, parse_sources

F = Path("/tmp/proj/sources.toml")


def test_parses_url_and_path_sources_with_priors():
    cfg = parse_sources(
        '''
subject = ["NATO"]
[[sources]]
id = "nato-nz"
url = "https://www.nato.int/cps/en/natohq/topics_52347.htm"
publisher = "NATO"
trust = 0.8

[[sources]]
id = "local.page_1"
path = "examples/pages/x.html"

[aliases]
"Aotearoa" = ["NZ mainland"]

[settings]
max_bytes = 1000
robots = false
''',
        F,
    )
    a, b = cfg.sources
    assert a.url.startswith("https://") and a.trust == 0.8 and a.publisher == "NATO" and a.path is None
    assert b.path == Path("/tmp/proj/examples/pages/x.html") and b.url is None
    assert b.location == "file:///tmp/proj/examples/pages/x.html"
    assert cfg.subject == ("NATO",)
    assert cfg.aliases[0].canonical == "Aotearoa"
    assert cfg.settings.max_bytes == 1000 and cfg.settings.robots is False


@pytest.mark.parametrize(
    "text, needle",
    [
        ('[[sources]]\nid = "../x"\nurl = "https://a.example"\n', "sources.toml:2: key 'id'"),
        ('[[sources]]\nid = "a/b"\nurl = "https://a.example"\n', "not a valid source id"),
        ('[[sources]]\nid = "Upper"\nurl = "https://a.example"\n', "not a valid source id"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\n\n[[sources]]\nid = "a"\npath = "p"\n', "sources.toml:6: key 'id' duplicate"),
        ('[[sources]]\nid = "a"\nurl = "file:///etc/passwd"\n', "only http and https"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\npath = "x"\n', "exactly one of 'url' or 'path'"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\ntrust = 1.5\n', "sources.toml:4: key 'trust'"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\ncolour = "red"\n', "key 'colour' unknown key"),
        ('[[sources]\nid = "a"\n', "not valid TOML"),
        ('[settings]\nmax_bytes = "big"\n[[sources]]\nid = "a"\npath = "p"\n', "sources.toml:2: key 'max_bytes'"),
        ("", "no [[sources]] entries"),
    ],
)
def test_malformed_files_fail_with_file_line_and_key(text, needle):
    with pytest.raises(SourcesError) as err:
        parse_sources(text, F)
    assert needle in str(err.value)
    assert str(F) in str(err.value)


def test_missing_sources_file_is_named(tmp_path):
    with pytest.raises(SourcesError, match="sources file not found"):
        load_sources(tmp_path / "nope.toml")
