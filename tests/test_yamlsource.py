"""The strict YAML reader: values, positions, and the YAML 1.1 surprises it refuses."""

from __future__ import annotations

import datetime as dt

from generator.yamlsource import Pos, parse


def _codes(text: str) -> list[str]:
    return [p.code for p in parse(text, "f.yaml")[1]]


def test_values_keep_their_positions():
    doc, problems = parse("a: 1\nlist:\n  - x: 2016-11-21\n    y: 'NO'\n", "f.yaml")
    assert problems == []
    assert doc.value == {"a": 1, "list": [{"x": dt.date(2016, 11, 21), "y": "NO"}]}
    assert doc.pos(("list", 0, "y")) == Pos(4, 8)
    assert doc.pos(("list", 0, "missing")) == Pos(3, 5)  # nearest parent


def test_plain_scalars_follow_yaml_1_2():
    doc, _ = parse("a: true\nb: null\nc: ~\nd: 12\ne: 1.5\nf: -3\ng: text\nh: 0\n", "f.yaml")
    assert doc.value == {"a": True, "b": None, "c": None, "d": 12, "e": 1.5, "f": -3, "g": "text", "h": 0}


def test_quoted_values_are_always_text():
    doc, problems = parse("a: 'yes'\nb: \"012\"\nc: '1:20'\nd: '2016-11-21'\n", "f.yaml")
    assert problems == []
    assert doc.value == {"a": "yes", "b": "012", "c": "1:20", "d": "2016-11-21"}


def test_yaml_1_1_surprises_are_refused():
    assert _codes("country: NO") == ["yaml-ambiguous-bool"]
    assert _codes("a: off") == ["yaml-ambiguous-bool"]
    assert _codes("a: 012") == ["yaml-octal"]
    assert _codes("a: 0x1F") == ["yaml-octal"]
    assert _codes("a: 1:20") == ["yaml-sexagesimal"]
    assert _codes("a: 2016-11-21 10:00:00") == ["yaml-datetime"]
    assert _codes("a: .inf") == ["yaml-special-float"]
    assert _codes("a: 2016-02-30") == ["yaml-bad-date"]


def test_structure_that_hides_meaning_is_refused():
    assert _codes("a: &x 1\nb: *x") == ["yaml-anchor", "yaml-alias"]
    assert _codes("a: !!python/object:os.system x") == ["yaml-tag"]
    assert _codes("a: 1\n---\nb: 2\n") == ["yaml-many-documents"]
    assert _codes("? [a, b]\n: 1\n") == ["yaml-complex-key"]
    assert _codes("a: 1\na: 2\n") == ["yaml-duplicate-key"]


def test_syntax_errors_point_at_the_line():
    doc, problems = parse("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert doc is None
    assert problems[0].code == "yaml-syntax" and problems[0].line == 3


def test_deep_nesting_is_a_clear_error_not_a_crash():
    doc, problems = parse("a: " + "[" * 5000 + "]" * 5000 + "\n", "f.yaml")
    assert doc is None
    assert [(p.code, p.line) for p in problems] == [("yaml-syntax", 1)]
    assert "50 levels" in problems[0].params["detail"]


def test_complex_keys_and_aliases_as_keys_are_refused():
    assert "yaml-complex-key" in _codes("? [a, b]\n: 1\nc: 2\n")
    assert "yaml-alias" in _codes("a: &x k\n*x : 2\n")


def test_numbers_in_yaml_1_1_and_1_2_forms_are_numbers():
    doc, problems = parse("a: 12_000\nb: 1e3\nc: 1_234.50\nd: -2E2\n", "f.yaml")
    assert problems == [] and doc.value == {"a": 12000, "b": 1000.0, "c": 1234.5, "d": -200.0}
    assert _codes("a: 1e999") == ["yaml-special-float"]


def test_text_is_nfc_and_blank_text_is_empty():
    doc, problems = parse('a: "Malmo\u0308"\nb: "   "\nc: "\u00a0"\nd: \'\'\n', "f.yaml")
    assert problems == [] and doc.value == {"a": "Malmö", "b": None, "c": None, "d": None}


def test_control_and_invisible_characters_in_text_are_refused_where_they_are():
    for text, char in (('"a\\e[31m"', "U+001B"), ("x\u202ey", "U+202E"), ('"\\u200b"', "U+200B"), ('"a\\0"', "U+0000"),
                       ("'a\u2028b'", "U+2028"), ('"\\x85"', "U+0085")):
        doc, problems = parse(f"key: {text}\n", "f.yaml")
        assert [(p.code, p.field, p.params["char"].split()[0]) for p in problems] == [("text-invisible", "key", char)], text
    assert parse("k: abc\u202e\n", "f.yaml")[1][0].column == 7  # in plain text, the character's own column
    assert _codes('k: "\\ud800"') == ["yaml-syntax"]  # a lone surrogate: the parser refuses the escape


def test_unreadable_bytes_are_problems_not_exceptions(tmp_path):
    from generator.yamlsource import read

    cases = {"nul.yaml": (b"a: x\0y\n", "yaml-control-char", 1, 5), "utf16.yaml": ("a: b\n".encode("utf-16-le"), "yaml-utf16", 1, 2),
             "esc.yaml": (b"a: \x1b[2J\n", "yaml-control-char", 1, 4), "c1.yaml": ("a: \x9b\n".encode(), "yaml-control-char", 1, 4)}
    for name, (raw, code, line, column) in cases.items():
        (tmp_path / name).write_bytes(raw)
        doc, problems = read(tmp_path / name, name)
        assert doc is None and [(p.code, p.line, p.column) for p in problems] == [(code, line, column)], name
    (tmp_path / "folder.yaml").mkdir()
    assert [p.code for p in read(tmp_path / "folder.yaml", "folder.yaml")[1]] == ["file-unreadable"]
