"""The provincial police portals, one family: ``congan.<province>.gov.vn`` for the 34 provinces
and cities (after the 2025 merger).

``antq crawl congan`` crawls every portal; ``antq crawl congan:hanoi,quangninh`` only those.
The portals share one CMS family but not one layout, so the generic path reads them.
"""

from typing import Any

from crawler.spiders.generic import NewsSpider

# Host labels: congan.<label>.gov.vn.
PROVINCES = (
    "hanoi", "hochiminh", "haiphong", "danang", "cantho", "hue",
    "laichau", "dienbien", "sonla", "langson", "quangninh", "thanhhoa", "nghean", "hatinh",
    "caobang", "tuyenquang", "laocai", "thainguyen", "phutho", "bacninh", "hungyen", "ninhbinh",
    "quangtri", "quangngai", "gialai", "khanhhoa", "lamdong", "daklak", "dongnai", "tayninh",
    "vinhlong", "dongthap", "camau", "angiang",
)  # fmt: skip


class CongAnSpider(NewsSpider):
    name = "congan"
    title = "Provincial police portals (congan.<province>.gov.vn, 34)"
    allowed_domains = tuple(f"congan.{p}.gov.vn" for p in PROVINCES)
    start_urls = tuple(f"https://congan.{p}.gov.vn/" for p in PROVINCES)

    def __init__(self, only: str = "", *args: Any, **kwargs: Any) -> None:
        chosen = [p.strip().lower() for p in only.split(",") if p.strip()]
        unknown = sorted(set(chosen) - set(PROVINCES))
        if unknown:
            raise ValueError(f"unknown province {', '.join(unknown)}; known: {', '.join(PROVINCES)}")
        if chosen:
            self.allowed_domains = tuple(f"congan.{p}.gov.vn" for p in chosen)  # type: ignore[misc]
            self.start_urls = tuple(f"https://congan.{p}.gov.vn/" for p in chosen)  # type: ignore[misc]
        super().__init__(*args, **kwargs)
