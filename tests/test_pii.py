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
