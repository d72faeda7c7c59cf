"""Swedish personal identity and coordination numbers are found; other numbers are not."""

from generator.pii import find, luhn_ok


def test_luhn():
    assert luhn_ok("1212121212")
    assert not luhn_ok("1212121213")


def test_personal_numbers_in_all_written_forms():
    for text in ("19121212-1212", "121212-1212", "121212+1212", "1212121212", "191212121212", "Född 121212-1212."):
        assert find(text), text


def test_coordination_numbers():
    assert find("701063-2391")  # day 63 = 3 + 60


def test_ordinary_numbers_are_not_flagged():
    for text in ("803-1303/2016", "08-508 28 590", "121212-1213", "IB nr 9/2016", "20161121-0001", "12345678901234"):
        assert not find(text), text


def test_a_number_inside_a_report_is_pointed_at_its_own_line(workdir):
    from conftest import TODAY, run_portal

    trip = workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
    text = trip.read_text(encoding="utf-8").replace("inom ett för staden prioriterat område.",
                                                     "inom ett för staden prioriterat område, 121212-1212.")
    trip.write_text(text, encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), start=1) if "121212-1212" in l)
    result = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=workdir)
    assert result.returncode == 1
    assert (f"data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml:{line}:1: error: The text holds what looks "
            "like a Swedish personal identity or coordination number. [report]") in result.stdout.splitlines()


def test_numbers_in_disguise():
    for text in ("121212 1212", "121212\u00a01212", "121212\u202f1212", "1212\u200b12-1212", "12121\u200d2-1212",
                 "\uff11\uff12\uff11\uff12\uff11\uff12\uff0d\uff11\uff12\uff11\uff12", "121212\u20131212", "19121212 1212"):
        assert find(text), text


def test_a_number_in_a_comment_or_the_package_is_found_where_it_is(tmp_path):
    from generator.yamlsource import read

    (tmp_path / "f.yaml").write_text("a: 1\n# ring 121212-1212\nb: 2\n", encoding="utf-8")
    [problem] = read(tmp_path / "f.yaml", "f.yaml")[1]
    assert (problem.code, problem.line, problem.column, problem.field) == ("personal-number", 2, 8, None)
