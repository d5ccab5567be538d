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
        ('[[sources]]\nid = "../x"\nurl = "https://a.example"\n', "sources.toml:2: sources[1].id:"),
        ('[[sources]]\nid = "a/b"\nurl = "https://a.example"\n', "not a valid source id"),
        ('[[sources]]\nid = "Upper"\nurl = "https://a.example"\n', "not a valid source id"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\n\n[[sources]]\nid = "a"\npath = "p"\n', "sources.toml:6: sources[2].id: duplicate"),
        ('[[sources]]\nid = "a"\nurl = "file:///etc/passwd"\n', "only http and https"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\npath = "x"\n', "exactly one of 'url' or 'path'"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\ntrust = 1.5\n', "sources.toml:4: sources[1].trust: must be a number in (0, 1]"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\ncolour = "red"\n', "sources.toml:4: sources[1].colour: unknown key"),
        ('[[sources]\nid = "a"\n', "not valid TOML"),
        ('[settings]\nmax_bytes = "big"\n[[sources]]\nid = "a"\npath = "p"\n', "sources.toml:2: settings.max_bytes: input should be a valid integer"),
        ("", "no [[sources]] entries"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\ntrust = true\n', "sources.toml:4: sources[1].trust: input should be a valid number"),
        ('[[sources]]\nid = "a"\nurl = "https://a.example"\nrobots = "no"\n', "sources.toml:4: sources[1].robots:"),
        ('[[sources]]\nurl = "https://a.example"\n', "sources.toml:1: sources[1].id: is required"),
        ('colour = "red"\n[[sources]]\nid = "a"\npath = "p"\n', "sources.toml:1: colour: unknown key"),
        ('subject = "NATO"\n[[sources]]\nid = "a"\npath = "p"\n', "sources.toml:1: subject: input should be a valid list"),
        ('[[sources]]\nid = "a"\npath = "p"\n[aliases]\nNATO = ["the Alliance", ""]\n', "sources.toml:5: aliases.NATO[2]: must be a non-empty string"),
        ('[[sources]]\nid = "a"\npath = "p"\n[settings]\nallow_networks = ["10.0.0.0/33"]\n', "sources.toml:5: settings.allow_networks:"),
        ('[[sources]]\nid = "a"\npath = "p"\n[settings]\nretries = 1.5\n', "sources.toml:5: settings.retries: input should be a valid integer"),
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


def test_a_bad_setting_is_reported_at_its_own_line_not_at_a_source_key_of_the_same_name():
    text = '[[sources]]\nid = "a"\nurl = "https://a.example"\ntimeout = 3\n\n[settings]\ntimeout = -1\n'
    with pytest.raises(SourcesError) as err:
        parse_sources(text, F)
    assert str(err.value).startswith(f"{F}:7: settings.timeout: must be between")
    text = '[[sources]]\nid = "a"\nurl = "https://a.example"\n\n[[sources]]\nid = "b"\nurl = "https://b.example"\ntimeout = 0\n'
    with pytest.raises(SourcesError) as err:
        parse_sources(text, F)
    assert str(err.value).startswith(f"{F}:8: sources[2].timeout: must be between")


def test_settings_keep_their_defaults_and_take_a_toml_list_as_a_tuple():
    cfg = parse_sources('[[sources]]\nid = "a"\npath = "p"\n[settings]\nallow_networks = ["127.0.0.0/8"]\ntimeout = 5\n', F)
    assert cfg.settings.allow_networks == ("127.0.0.0/8",) and cfg.settings.timeout == 5.0
    assert cfg.settings.retries == 2 and cfg.sources[0].timeout is None
