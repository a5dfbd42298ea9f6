"""Where things are on a news page: selectors and boilerplate lines, as data.

Kept apart from the code in :mod:`clean.html` (as trafilatura keeps its ``xpaths.py``) so a
new site layout is a new line here, not a code change.  Class names are matched as whole
class tokens (``detail-content`` does not match ``detail-content-wrapper``) unless noted.
"""

from __future__ import annotations

import re

# Article body containers, most specific first.  Class tokens used by Vietnamese CMSs
# (VCCorp "detail-content", VnExpress "fck_detail", WordPress "entry-content", portals
# built on DNN/Liferay/SharePoint "news-content", "journal-content-article" ...).
BODY_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("itemprop", "articleBody"),
    ("class", "fck_detail"),
    ("class", "detail-content"),
    ("class", "detail__content"),
    ("class", "detail-content-body"),
    ("class", "singular-content"),
    ("class", "article-content"),
    ("class", "article__content"),
    ("class", "article-body"),
    ("class", "article__body"),
    ("class", "content-detail"),
    ("class", "detail-body"),
    ("class", "news-content"),
    ("class", "news-detail-content"),
    ("class", "newsdetail-content"),
    ("class", "post-content"),
    ("class", "entry-content"),
    ("class", "journal-content-article"),
    ("class", "cms-body"),
    ("class", "td-post-content"),
    ("id", "abody"),
    ("id", "main-detail-body"),
    ("id", "content-detail"),
)

# Lead paragraph (sapo) containers, used when the lead sits outside the body container.
SAPO_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("class", "sapo"),
    ("class", "detail-sapo"),
    ("class", "article-sapo"),
    ("class", "singular-sapo"),
    ("class", "news-sapo"),
    ("class", "description"),
    ("class", "article__sapo"),
    ("class", "detail__summary"),
    ("class", "summary"),
    ("class", "lead"),
    ("class", "chapeau"),
)

# Never text of any kind.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
        "video", "audio", "map", "button", "select", "textarea", "input", "form", "head", "title",
        "meta", "link",
    }
)  # fmt: skip

# Page furniture: never part of an article body, and a "today" date in it is no dateline.
FURNITURE_TAGS = frozenset({"header", "nav", "footer", "aside", "menu"})

# Blocks inside or around a body that are not the article: related-article teasers, tags,
# share bars, comments, ads.  Matched as substrings of the lower-cased class or id of
# block elements only (inline links inside paragraphs often carry "tag" classes).
JUNK_CLASS_PARTS: tuple[str, ...] = (
    "related", "relate-", "lienquan", "lien-quan", "tin-khac", "tinkhac", "other-news", "othernews",
    "more-news", "morenews", "same-category", "samecategory", "cungchuyenmuc", "tincungmuc",
    "readmore", "read-more", "xemthem", "xem-them", "docthem", "doc-them", "box-news", "newsletter",
    "tags", "tag-list", "taglist", "keyword", "share", "social", "comment", "binhluan", "binh-luan",
    "advert", "banner", "quangcao", "quang-cao", "sponsor", "breadcrumb", "navbar", "menu",
    "subscribe", "popup", "modal", "rating", "reaction", "toolbar", "print-",
    "author-box", "link-source", "copyright", "footer", "header__", "top-header", "topbar", "top-bar",
)  # fmt: skip
# Block elements whose ``type`` names an embedded teaser (VCCorp CMS: type="RelatedOneNews").
JUNK_TYPE_PARTS: tuple[str, ...] = ("related", "newsrelation", "boxnews")

BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3",
        "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption",
        "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "pre", "address", "center",
        "hr", "br", "body", "html", "details", "summary", "fieldset", "legend", "form", "menu",
    }
)  # fmt: skip

# Article types in JSON-LD and og:type that mark a page as one article.
ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report",
     "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "liveblogposting"}
)  # fmt: skip

# Publication date metadata, in order of trust.  Keys are lower-cased ``property``/``name``/
# ``itemprop`` values of <meta> elements.
DATE_META_KEYS: tuple[str, ...] = (
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "og:published_time",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "rnews:datepublished",
)

# Title metadata, in order of trust; the visible <h1> is preferred when it agrees.
TITLE_META_KEYS: tuple[str, ...] = ("og:title", "twitter:title", "headline", "title", "dc.title")

# Separators between a headline and the site name in <title> and og:title.
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·]{1,2}\s+|\s*\|\s*")
# Title segments that name the site rather than the article.
SITE_NAME_HINTS = re.compile(
    r"^(?:báo|tạp chí|cổng thông tin|trang thông tin|cổng ttđt|trang tin|kênh|truyền hình|đài|"
    r"tin tức|tin nhanh|online|news)\b|\b(?:online|news|\.vn|\.com|\.net)\b",
    re.IGNORECASE,
)

# Lines that are page furniture even inside a body container (matched on the whole line).
BOILERPLATE_LINES = re.compile(
    r"^(?:chia sẻ|bình luận(?: \(\d+\))?|in bài|gửi bài|lưu bài|copy link|lấy link|sao chép liên kết|"
    r"quay lại|về trang chủ|về trang chủ đề|đọc tiếp|xem tiếp|xem thêm|đọc thêm|tải ứng dụng:?|"
    r"theo dõi .{0,60} trên google news|nghe (?:bài|tin)(?: này)?|cỡ chữ|font chữ|"
    r"(?:từ khóa|từ khoá|tags?|chủ đề)\s*:.*|(?:xem thêm|đọc thêm|xem tiếp|tin liên quan)\s*:.*|"
    r"link bài gốc.*|nguồn\s*:\s*https?://\S+)$",
    re.IGNORECASE,
)
# The heading of a box of related-article teasers: inside a body it is cut out as a block
# (:mod:`clean.related`), after the body it ends the article.  Leading arrows and a trailing
# colon are decoration ("» Xem thêm:", "TIN LIÊN QUAN").
RELATED_HEADINGS = re.compile(
    r"^[>»›►▶•*\-–\s]*"
    r"(?:(?:tin|bài|bài viết|tin bài|video|ảnh|tin tức)\s+(?:liên quan|cùng chuyên mục|cùng chủ đề|khác|mới|"
    r"mới nhất|mới hơn|cũ hơn|đã đưa|đọc nhiều|xem nhiều|nổi bật|nên đọc)"
    r"|có thể bạn quan tâm|đừng bỏ lỡ|xem thêm các tin|các tin khác|các bài khác"
    r"|(?:mời (?:bạn )?)?(?:xem|đọc) thêm(?: các bài| bài viết| tin)?(?: liên quan)?)"
    r"\s*[:>»]*\s*$",
    re.IGNORECASE,
)
