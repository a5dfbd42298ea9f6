"""Cleaning of small pages written for the test (invented names and places)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from clean.dates import LOCAL_TZ
from clean.encoding import encode_windows_1258
from clean.html import clean_html
from clean.page import CleaningError
from clean.related import is_body_dateline, is_related_heading

TITLE = "Xã Tân Phước ra mắt mô hình camera an ninh"
LEAD = (
    "Công an xã Tân Phước phối hợp Ban Chỉ đạo xã tổ chức ra mắt mô hình camera an ninh, góp phần "
    "giữ vững an ninh trật tự ở cơ sở."
)
P1 = (
    "Sáng 12/3, tại nhà văn hóa ấp Bình An, Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh "
    "Tổ quốc xã Tân Phước tổ chức lễ ra mắt mô hình camera an ninh với 45 mắt camera."
)
P2 = (
    "Phát biểu tại buổi lễ, Thượng tá Lê Văn Khải, Trưởng Công an xã, đề nghị các tổ bảo vệ an ninh "
    "trật tự ở cơ sở phát huy hiệu quả mô hình, kịp thời phát hiện, tố giác tội phạm."
)
P3 = "Dịp này, Ủy ban nhân dân xã tặng Giấy khen cho 3 tập thể có thành tích xuất sắc trong phong trào."
TEASER = "Huyện Đông Sơn tổng kết 5 năm thực hiện mô hình tổ tự quản an ninh trật tự"
TEASER2 = "Công an phường Hòa Lạc ra quân tấn công trấn áp tội phạm dịp cuối năm"


def page(
    body: str,
    *,
    head: str = "",
    title_tag: str = f"{TITLE} - Báo Thôn Quê",
    before: str = "",
    after: str = "",
) -> str:
    """A news page: header with menu and today's date, article, teasers, footer."""
    return f"""<!DOCTYPE html>
<html lang="vi"><head>{head}<title>{title_tag}</title></head>
<body>
<header class="site-header"><div class="top-date">Thứ Tư, ngày 14/05/2025</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/an-ninh">An ninh trật tự</a></li></ul></nav></header>
<div class="main"><div class="col-left">
{before}
<div class="news-detail">
<h1 class="title">{TITLE}</h1>
<div class="meta"><span class="author">Minh Khoa</span> <span class="time">12/03/2026 09:15</span></div>
<h2 class="sapo">{LEAD}</h2>
{body}
</div>
{after}
</div>
<div class="col-right"><div class="box-most-read"><h3>Đọc nhiều</h3>
<ul><li><a href="/a1.html">{TEASER}</a></li><li><a href="/a2.html">{TEASER2}</a></li></ul></div></div>
</div>
<footer>© 2026 Báo Thôn Quê. Giấy phép số 123/GP-BTTTT ngày 01/01/2020</footer>
</body></html>"""


def standard_body() -> str:
    return f'<div class="detail-content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_standard_page() -> None:
    cleaned = clean_html(page(standard_body()).encode("utf-8"), url="https://www.baothonque.vn/a-123.html")
    assert cleaned.title == TITLE
    assert paragraphs(cleaned.text) == [TITLE, LEAD, P1, P2, P3]
    assert cleaned.published == dt.date(2026, 3, 12)
    assert cleaned.published_at == dt.datetime(2026, 3, 12, 9, 15, tzinfo=LOCAL_TZ)
    assert cleaned.source == "baothonque.vn"
    assert cleaned.url == "https://www.baothonque.vn/a-123.html"
    for junk in ("Trang chủ", "Đọc nhiều", TEASER, "Giấy phép", "14/05/2025", "Minh Khoa"):
        assert junk not in cleaned.text


def test_raw_bytes_are_kept() -> None:
    data = page(standard_body()).encode("utf-8")
    assert clean_html(data).raw == data


def test_windows_1258_declared() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    data = encode_windows_1258(page(standard_body(), head=head))
    assert "ộ".encode() not in data  # really combining-mark bytes, not UTF-8
    cleaned = clean_html(data)
    assert cleaned.title == TITLE
    assert paragraphs(cleaned.text)[2:] == [P1, P2, P3]
    assert unicodedata.is_normalized("NFC", cleaned.text)


def test_windows_1258_without_declaration_is_detected() -> None:
    cleaned = clean_html(encode_windows_1258(page(standard_body())))
    assert P2 in cleaned.text and cleaned.title == TITLE


def test_no_charset_utf8() -> None:
    cleaned = clean_html(page(standard_body()).encode("utf-8"))
    assert P1 in cleaned.text


def test_wrong_declared_charset_utf8_bytes() -> None:
    head = '<meta charset="iso-8859-1">'
    cleaned = clean_html(page(standard_body(), head=head).encode("utf-8"))
    assert cleaned.title == TITLE and P3 in cleaned.text


def test_declared_utf8_but_windows_1258_bytes() -> None:
    head = '<meta charset="utf-8">'
    cleaned = clean_html(encode_windows_1258(page(standard_body(), head=head)))
    assert cleaned.title == TITLE and P3 in cleaned.text


def test_combining_marks_in_utf8_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", page(standard_body()))
    cleaned = clean_html(decomposed.encode("utf-8"))
    assert cleaned.title == TITLE and P1 in cleaned.text


def test_entities_decoded() -> None:
    body = (
        '<div class="detail-content"><p>Phong tr&agrave;o &quot;To&#224;n d&acirc;n b&#7843;o v&#7879; '
        "an ninh T&#7893; qu&#7889;c&quot; &amp; c&aacute;c m&ocirc; h&igrave;nh&nbsp;&nbsp;"
        "t&#7921; qu&#7843;n "
        "&amp;quot;hai tốt&amp;quot; được duy trì ở 12 ấp, khu phố trên địa bàn xã trong năm qua.</p>"
        f"<p>{P2}</p></div>"
    )
    cleaned = clean_html(page(body))
    assert (
        'Phong trào "Toàn dân bảo vệ an ninh Tổ quốc" & các mô hình tự quản "hai tốt" được duy trì'
        in cleaned.text
    )
    assert "&" + "amp;" not in cleaned.text and "\u00a0" not in cleaned.text


def test_photo_caption_with_credit_is_its_own_paragraph() -> None:
    caption = "Thượng tá Lê Văn Khải trao Giấy khen cho các tập thể. (Ảnh: Hoài An)"
    body = (
        f'<div class="detail-content"><p>{P1}</p>'
        f'<table class="image"><tr><td><img src="a.jpg"></td></tr><tr><td>{caption}</td></tr></table>'
        f"<p>{P2}</p><p><em>Các đại biểu dự lễ ra mắt. Ảnh: Minh Khoa</em><br>{P3}</p></div>"
    )
    paras = paragraphs(clean_html(page(body)).text)
    assert caption in paras
    assert P2 in paras and P3 in paras  # credits never run into the next paragraph
    assert "Các đại biểu dự lễ ra mắt. Ảnh: Minh Khoa" in paras


def test_related_teasers_after_and_inside_body_are_left_out() -> None:
    body = (
        f'<div class="detail-content"><p>{P1}</p><p>{P2}</p>'
        f'<div class="VCSortableInPreviewMode" type="RelatedOneNews"><a href="/x.html">{TEASER}</a>'
        f"<p>Tóm tắt bài viết liên quan về mô hình tự quản ở huyện bạn được nhiều người quan tâm.</p></div>"
        f"<p>{P3}</p><p><strong>Tin liên quan:</strong></p>"
        f'<ul><li><a href="/b.html">{TEASER2}</a></li></ul>'
        "<p>Đoạn này thuộc khối tin liên quan nên phải bỏ đi dù không phải là liên kết.</p></div>"
    )
    after = f'<div class="box-related"><h3>Tin cùng chuyên mục</h3><a href="/c.html">{TEASER}</a></div>'
    cleaned = clean_html(page(body, after=after))
    assert paragraphs(cleaned.text)[2:] == [P1, P2, P3]
    for junk in (TEASER, TEASER2, "Tóm tắt bài viết liên quan", "Tin liên quan", "khối tin liên quan"):
        assert junk not in cleaned.text


def test_title_from_metadata_without_site_name() -> None:
    head = f'<meta property="og:title" content="{TITLE} | Công an tỉnh Đồi Mây">'
    html = page(standard_body(), head=head, title_tag=f"{TITLE} - Cổng thông tin Công an tỉnh Đồi Mây")
    html = html.replace(f'<h1 class="title">{TITLE}</h1>', f'<div class="title">{TITLE}</div>')
    cleaned = clean_html(html)
    assert cleaned.title == TITLE
    assert cleaned.text.startswith(TITLE + "\n\n" + LEAD)


def test_metadata_date_wins_and_canonical_gives_url() -> None:
    head = (
        '<link rel="canonical" href="https://conganthonque.gov.vn/tin-tuc/bai-1.html">'
        '<meta property="article:published_time" content="2026-03-11T22:30:00Z">'
    )
    cleaned = clean_html(page(standard_body(), head=head))
    assert cleaned.published_at == dt.datetime(2026, 3, 12, 5, 30, tzinfo=LOCAL_TZ)
    assert cleaned.published == dt.date(2026, 3, 12)
    assert cleaned.url == "https://conganthonque.gov.vn/tin-tuc/bai-1.html"
    assert cleaned.source == "conganthonque.gov.vn"


def test_jsonld_date() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"{TITLE}","datePublished":"2026-03-10T07:45:00+07:00",}}</script>'
    )
    cleaned = clean_html(page(standard_body(), head=head))
    assert cleaned.published_at == dt.datetime(2026, 3, 10, 7, 45, tzinfo=LOCAL_TZ)


def test_today_header_is_not_the_date() -> None:
    html = page(standard_body()).replace('<span class="time">12/03/2026 09:15</span>', "")
    cleaned = clean_html(html)
    assert cleaned.published is None and cleaned.published_at is None


def test_body_dates_are_not_the_date() -> None:
    body = (
        '<div class="detail-content"><p>Chiều 29/1, hội nghị tổng kết năm 2025 được tổ chức tại hội trường '
        "Ủy ban nhân dân xã, tổng kết giai đoạn 2021 - 2025 và triển khai nhiệm vụ năm 2026.</p>"
        f"<p>Ngày 15/01/2026, Công an xã đã ký kết quy chế phối hợp với các đoàn thể. {P2}</p></div>"
    )
    html = page(body).replace('<span class="time">12/03/2026 09:15</span>', "")
    assert clean_html(html).published is None


def test_old_portal_layout_text_in_div_with_br() -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <table><tr><td class="menu"><a href="/">Trang chủ</a> | <a href="/tt">Tin tức</a></td></tr>
    <tr><td><font class="tieude">{TITLE}</font><br><i>Cập nhật: 12/03/2026 09:15</i>
    <div>{P1}<br><br>{P2}<br><br>{P3}</div></td></tr></table></body></html>"""
    cleaned = clean_html(html)
    assert cleaned.title == TITLE
    assert paragraphs(cleaned.text)[1:] == [P1, P2, P3]
    assert cleaned.published_at == dt.datetime(2026, 3, 12, 9, 15, tzinfo=LOCAL_TZ)


def test_listing_page_is_not_an_article() -> None:
    items = "".join(
        f'<div class="item"><h3><a href="/tin-{i}.html">Tiêu đề tin số {i} về phong trào bảo vệ an ninh'
        f" ở cơ sở</a></h3><p>Tóm tắt tin số {i}: Công an huyện tổ chức hội nghị sơ kết công tác bảo đảm"
        " an ninh trật tự.</p>"
        f"<span>0{i}/03/2026 08:00</span></div>"
        for i in range(1, 9)
    )
    html = "<html><head><title>An ninh trật tự - Báo Thôn Quê</title></head><body><h1>An ninh trật tự</h1>"
    html += f'<div class="list-news">{items}</div></body></html>'
    with pytest.raises(CleaningError, match="listing"):
        clean_html(html, url="https://baothonque.vn/an-ninh")


def test_page_without_article_text() -> None:
    html = "<html><head><title>Đăng nhập</title></head><body><nav><a href='/'>Trang chủ</a></nav>"
    html += "<form><input name='u'><button>Đăng nhập</button></form></body></html>"
    with pytest.raises(CleaningError, match="no article text"):
        clean_html(html.encode("utf-8"))


def test_empty_and_non_html() -> None:
    with pytest.raises(CleaningError, match="empty"):
        clean_html(b"   \n")


def test_size_limit() -> None:
    with pytest.raises(CleaningError, match="limit"):
        clean_html(page(standard_body()).encode("utf-8"), max_bytes=1000)


def test_wordpress_layout_with_header_inside_article() -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE} – Công an huyện Sông Mây</title></head><body>
    <header id="masthead"><div class="date-today">Thứ Tư, 14/05/2025</div>
    <nav><a href="/">Trang chủ</a></nav></header>
    <main><article class="post type-post"><header class="entry-header"><h1 class="entry-title">{TITLE}</h1>
    <div class="entry-meta"><span class="posted-on">Đăng ngày <time>12/03/2026</time></span></div></header>
    <div class="entry-content"><p>{P1}</p><p>{P2}</p></div>
    <footer class="entry-footer"><span class="tags-links">Thẻ: <a href="/t/an">an ninh</a></span></footer>
    </article><nav class="post-navigation"><a href="/p">Bài trước: {TEASER}</a></nav></main>
    <footer>Công an huyện Sông Mây</footer></body></html>"""
    cleaned = clean_html(html)
    assert cleaned.title == TITLE
    assert paragraphs(cleaned.text) == [TITLE, P1, P2]
    assert cleaned.published == dt.date(2026, 3, 12) and cleaned.published_at is None


def test_portal_layout_title_in_div_and_site_name_first() -> None:
    html = f"""<html><head><meta charset="utf-8">
    <title>Cổng thông tin điện tử Công an tỉnh Đồi Mây | {TITLE}</title></head><body>
    <div class="banner"><span class="clock">Thứ Tư, ngày 14/05/2025 11:21</span></div>
    <div class="portlet"><div class="title-news">{TITLE}</div>
    <div class="date-news">Thứ năm, 12/03/2026 - 09:15</div>
    <div class="journal-content-article"><p>{P1}</p><p>{P2}</p><p>{P3}</p>
    <p style="text-align:right"><strong>Hoàng Yến</strong></p></div>
    <div class="other-news"><h4>Các tin khác</h4><ul><li><a href="/1">{TEASER}</a></li></ul></div>
    </div></body></html>"""
    cleaned = clean_html(html)
    assert cleaned.title == TITLE
    assert paragraphs(cleaned.text) == [TITLE, P1, P2, P3, "Hoàng Yến"]
    assert cleaned.published_at == dt.datetime(2026, 3, 12, 9, 15, tzinfo=LOCAL_TZ)


SHORT_TITLE = "Công an xã Tân Phước tuần tra đêm"
SHORT = (
    "<p>Đêm 12/3, tổ tuần tra Công an xã Tân Phước phối hợp dân quân tuần tra trên các tuyến đường.</p>"
    "<p>Qua tuần tra, tổ đã nhắc nhở 5 trường hợp tụ tập gây mất trật tự.</p>"
)


def test_short_news_item_without_known_container() -> None:
    html = f"<html><head><title>{SHORT_TITLE}</title></head><body><h1>{SHORT_TITLE}</h1>"
    html += f"<section>{SHORT}</section></body></html>"
    cleaned = clean_html(html)
    assert cleaned.title == SHORT_TITLE and len(paragraphs(cleaned.text)) == 3


def test_declared_article_falls_back_to_trafilatura() -> None:
    # Body text inside a link-heavy wrapper no rule accepts; the page declares an article.
    body = "".join(f'<div class="x"><a href="/{i}">{SHORT_TITLE} {i}</a></div>' for i in range(6))
    html = (
        '<html><head><meta property="article:published_time" content="2026-03-12T23:00:00+07:00">'
        f"<title>{SHORT_TITLE}</title></head><body><h1>{SHORT_TITLE}</h1>{body}"
        f"<article><span>{SHORT}</span></article></body></html>"
    )
    cleaned = clean_html(html)
    assert "Qua tuần tra, tổ đã nhắc nhở 5 trường hợp" in cleaned.text
    assert cleaned.published_at == dt.datetime(2026, 3, 12, 23, 0, tzinfo=LOCAL_TZ)


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(CleaningError, match="binary"):
        clean_html(b"GIF89a\x01\x00\x01\x00\x00\x00\x00" + bytes(range(256)) * 4)


def test_breadcrumb_repeating_the_title_does_not_anchor_it() -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
    <div class="path"><a href="/">Trang chủ</a> » <span>{TITLE}</span></div>
    <div class="left"><div class="news-title">{TITLE}</div><div class="info">Cập nhật: 12/03/2026 09:15</div>
    <div class="noidung"><p>{P1}</p><p>{P2}</p></div></div></body></html>"""
    cleaned = clean_html(html)
    assert paragraphs(cleaned.text) == [TITLE, P1, P2]
    assert cleaned.published_at == dt.datetime(2026, 3, 12, 9, 15, tzinfo=LOCAL_TZ)


# -- related-article boxes in the middle of a body -----------------------------------------------------

P4 = (
    "Thời gian tới, Công an xã tiếp tục nhân rộng mô hình ra các ấp còn lại, phấn đấu đến cuối năm mỗi "
    "ấp có ít nhất 10 mắt camera kết nối về trụ sở Công an xã."
)
LEAD2 = (
    "Sáng 5/3, Công an huyện Đông Sơn tổ chức hội nghị tổng kết, biểu dương 12 tổ tự quản tiêu biểu "
    "trong 5 năm thực hiện mô hình ở địa bàn nông thôn."
)
INLINE_BOXES = {
    "class names a related box": (
        f'<div class="box-related-inline"><p class="title-related">Tin liên quan</p>'
        f'<ul><li><a href="/a1.html">{TEASER}</a></li><li><a href="/a2.html">{TEASER2}</a></li></ul></div>'
    ),
    "unmarked table, heading in capitals": (
        '<table class="tbl" align="right"><tr><td><strong>» XEM THÊM:</strong></td></tr>'
        f'<tr><td><a href="/a1.html">{TEASER}</a></td></tr><tr><td><a href="/a2.html">{TEASER2}</a></td></tr>'
        "</table>"
    ),
    "unmarked div of teasers with leads and dates": (
        f'<div class="khung"><h3><span>Bài liên quan</span></h3>'
        f'<div class="muc"><a href="/a1.html"><img src="t.jpg"></a><a href="/a1.html">{TEASER}</a>'
        f"<p>{LEAD2}</p></div>"
        f'<div class="muc"><a href="/a2.html">{TEASER2}</a><span>15/02/2026</span></div></div>'
    ),
    "flat box: bare titles each followed by its lead": (
        f'<div class="khung"><h4>Đọc thêm</h4><h5><a href="/a1.html">{TEASER}</a></h5><p>{LEAD2}</p>'
        f'<h5><a href="/a2.html">{TEASER2}</a></h5></div>'
    ),
    "bare heading paragraph and a list among the body paragraphs": (
        f'<p><strong>Tin liên quan:</strong></p><ul><li><a href="/a1.html">{TEASER}</a></li>'
        f'<li><a href="/a2.html">{TEASER2}</a> <em>(15/02/2026)</em></li></ul>'
    ),
    "heading written straight into the box": (
        f'<div class="k">Có thể bạn quan tâm<ul><li><a href="/a1.html">{TEASER}</a></li></ul></div>'
    ),
    "one-line read-more paragraph": f'<p><strong>Xem thêm:</strong> <a href="/a1.html">{TEASER}</a></p>',
}


@pytest.mark.parametrize("box", INLINE_BOXES.values(), ids=INLINE_BOXES.keys())
def test_inline_related_box_is_cut_out_and_the_body_goes_on(box: str) -> None:
    body = f'<div class="detail-content"><p>{P1}</p><p>{P2}</p>{box}<p>{P3}</p><p>{P4}</p></div>'
    cleaned = clean_html(page(body))
    assert paragraphs(cleaned.text) == [TITLE, LEAD, P1, P2, P3, P4]
    for junk in (TEASER, TEASER2, LEAD2[:40], "liên quan", "thêm"):
        assert junk.casefold() not in cleaned.text.casefold()


def test_two_inline_boxes_and_a_closing_block() -> None:
    first, second = (
        INLINE_BOXES["class names a related box"],
        INLINE_BOXES["unmarked table, heading in capitals"],
    )
    closing = (
        f'<p><b>Tin cùng chuyên mục</b></p><p><a href="/a3.html">{TEASER2}</a></p><p>{LEAD2}</p>'
        f'<p><a href="/a4.html">{TEASER}</a></p><p>{LEAD2.replace("12", "9")}</p>'
    )
    body = f"<p>{P1}</p>{first}<p>{P2}</p>{second}<p>{P3}</p><p>{P4}</p>{closing}"
    body = f'<div class="detail-content">{body}</div>'
    assert paragraphs(clean_html(page(body)).text) == [TITLE, LEAD, P1, P2, P3, P4]


def test_box_at_the_top_of_the_body() -> None:
    box = INLINE_BOXES["bare heading paragraph and a list among the body paragraphs"]
    body = f'<div class="detail-content">{box}<p>{P1}</p><p>{P2}</p></div>'
    assert paragraphs(clean_html(page(body)).text) == [TITLE, LEAD, P1, P2]


def test_body_wrapper_that_starts_with_a_box_is_not_a_box() -> None:
    # The box sits first in an inner wrapper that also holds the whole body: only the box goes.
    box = INLINE_BOXES["unmarked div of teasers with leads and dates"]
    body = (
        f'<div class="detail-content"><div class="inner">{box}<p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>'
    )
    assert paragraphs(clean_html(page(body)).text) == [TITLE, LEAD, P1, P2, P3]


@pytest.mark.parametrize(
    ("line", "related"),
    [
        ("Tin liên quan", True),
        ("TIN LIÊN QUAN:", True),
        ("» Xem thêm:", True),
        (">> Đọc thêm", True),
        ("Bài liên quan", True),
        ("Tin bài liên quan", True),
        ("Mời bạn đọc thêm", True),
        ("Có thể bạn quan tâm", True),
        ("Tin liên quan đến vụ trộm cắp đã được Công an xã xác minh.", False),
        ("Xem thêm thông tin tại Cổng thông tin điện tử của tỉnh.", False),
        ("Đọc thêm sách báo giúp người dân hiểu pháp luật", False),
    ],
)
def test_related_headings(line: str, related: bool) -> None:
    assert is_related_heading(line) is related


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("12/03/2026 09:15", True),
        ("Cập nhật: 12/03/2026", True),
        ("Thứ Năm, 12/03/2026 - 09:15 (GMT+7)", True),
        ("Quyết định có hiệu lực từ ngày 01/4/2026.", False),  # a short sentence, not a dateline
        ("Nghị định có hiệu lực kể từ ngày 15/5/2026;", False),
        ("Chiều 29/1, hội nghị tổng kết năm 2025 được tổ chức.", False),
    ],
)
def test_body_datelines(line: str, dateline: bool) -> None:
    assert is_body_dateline(line) is dateline


def test_short_dated_sentence_in_the_body_is_kept() -> None:
    rule = "Quyết định có hiệu lực từ ngày 01/4/2026."
    body = f'<div class="detail-content"><p>{P1}</p><p>12/03/2026 09:15</p><p>{P2}</p><p>{rule}</p></div>'
    assert paragraphs(clean_html(page(body)).text) == [TITLE, LEAD, P1, P2, rule]
