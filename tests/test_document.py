"""The article as extractors read it: sentence lookup by offset and the headline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.document import Document

TEXT = "Tiêu đề bài viết\n\nChiều 29/1, UBND xã A họp. Đại tá Lê B phát biểu!\nTP. Hòa Sơn có 3 xã."


def test_sentence_at_finds_the_sentence_of_every_character() -> None:
    document = Document(text=TEXT)
    for sentence in document.sentences:
        for char in range(sentence.start, sentence.end):
            assert document.sentence_at(char) is sentence


@pytest.mark.parametrize("char", [-1, 16, 17, len(TEXT)])  # before the text, blank lines, past the end
def test_sentence_at_refuses_characters_outside_sentences(char: int) -> None:
    with pytest.raises(ValueError, match="outside every sentence"):
        Document(text=TEXT).sentence_at(char)


@given(st.lists(st.sampled_from(["Câu một.", "Hai câu!", "\n", " ", "TP. Hà", "Ba"]), max_size=30))
def test_binary_search_agrees_with_a_scan(parts: list[str]) -> None:
    text = " ".join(parts)
    document = Document(text=text)
    for char in range(len(text)):
        scan = next((s for s in document.sentences if s.start <= char < s.end), None)
        if scan is None:
            with pytest.raises(ValueError):
                document.sentence_at(char)
        else:
            assert document.sentence_at(char) is scan


@pytest.mark.parametrize(
    ("text", "title", "headline"),
    [
        (TEXT, None, "Tiêu đề bài viết"),  # a short first line with no final stop
        (TEXT, "Tiêu đề bài  viết", "Tiêu đề bài viết"),  # the known title, spacing aside
        (TEXT, "Một tiêu đề khác", None),  # the text does not open with its title
        ("Chiều 29/1, UBND xã A họp. Sau đó, xã B họp.", None, None),  # a lead, not a headline
        ("Dòng đầu có dấu chấm.\nCâu hai.", None, None),
        ("", None, None),
    ],
)
def test_headline(text: str, title: str | None, headline: str | None) -> None:
    found = Document(text=text, title=title).headline
    assert (found.text if found else None) == headline


def test_lowered_keeps_offsets() -> None:
    document = Document(text=TEXT)
    assert document.lowered == TEXT.lower() and len(document.lowered) == len(TEXT)


def test_pos_near_tags_a_window_with_the_whole_sentences_tags() -> None:
    """A long sentence is tagged only around the word asked about, with the same tag there."""
    from extract.document import POS_WINDOW

    text = (
        "Trong năm qua, lực lượng Công an xã Tân Lạc đã phối hợp với các ban, ngành, đoàn thể "
        "tổ chức tuyên truyền, vận động Nhân dân tham gia phong trào, qua đó tiếp nhận 46 nguồn tin "
        "có giá trị về tội phạm và vi phạm pháp luật trên địa bàn các thôn, bản vùng sâu, vùng xa."
    )
    near = text.index("nguồn tin")
    windowed = Document(text=text)
    (sentence,) = windowed.sentences
    words = windowed.pos(sentence, near=near)
    assert len(words) < len(text.split()) and len(text.split()) > 2 * POS_WINDOW + 1
    whole = Document(text=text)
    full = whole.pos(whole.sentences[0])
    tag_of = {start: (word, tag) for word, tag, start, _ in full}
    assert {start: (word, tag) for word, tag, start, _ in words}[near] == tag_of[near]
    # once the whole sentence is tagged, it serves every later question
    assert whole.pos(whole.sentences[0], near=near) is full
