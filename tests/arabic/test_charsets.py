import pytest

from marsad.arabic.charsets import arabic_share, decode_bytes
from marsad.errors import DecodeError

SENTENCE = "قالت وزارة الخارجية في بيان إن الوفد سيصل إلى الرياض مساء اليوم السبت."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "iso8859_6", "utf-16"])
def test_arabic_text_decodes_from_common_encodings(encoding: str) -> None:
    assert decode_bytes(SENTENCE.encode(encoding), "page.txt") == SENTENCE


def test_windows_1256_is_not_read_as_a_latin_code_page() -> None:
    text = decode_bytes((SENTENCE * 20).encode("cp1256"), "old.html")
    assert arabic_share(text) > 0.9


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(DecodeError, match=r"photo\.txt: binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "photo.txt")


def test_arabic_share_of_latin_text_is_zero() -> None:
    assert arabic_share("Reuters reported on Thursday") == 0.0
