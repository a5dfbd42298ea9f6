"""The catalogue of known sources: every spider in ``crawler/spiders`` but the generic one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceInfo:
    name: str
    title: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...]
    feeds: tuple[str, ...]
    selectors: bool

    @property
    def sites(self) -> str:
        if len(self.domains) > 3:
            return f"{', '.join(self.domains[:2])}, … ({len(self.domains)} sites)"
        return ", ".join(self.domains)

    @property
    def reads(self) -> str:
        parts = [f"{len(self.start_urls)} start page{'s' if len(self.start_urls) != 1 else ''}"]
        if self.feeds:
            parts.append(f"{len(self.feeds)} feed{'s' if len(self.feeds) != 1 else ''}")
        parts.append("own selectors" if self.selectors else "generic links")
        return ", ".join(parts)


def spider_classes() -> dict[str, type]:
    """Spiders by name, as Scrapy finds them (duplicate names are refused)."""
    import importlib
    import pkgutil

    import crawler.spiders as package
    from crawler.spiders.generic import NewsSpider

    found: dict[str, type] = {}
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"{package.__name__}.{module.name}")
        for value in vars(loaded).values():
            if (
                isinstance(value, type)
                and issubclass(value, NewsSpider)
                and value.__module__ == loaded.__name__
                and getattr(value, "name", None)
            ):
                if value.name in found and found[value.name] is not value:
                    raise ValueError(f"two spiders are named {value.name!r}: {found[value.name]} and {value}")
                found[value.name] = value
    return found


def catalogue() -> list[SourceInfo]:
    out = []
    for name, cls in sorted(spider_classes().items()):
        if name == "generic":
            continue
        out.append(
            SourceInfo(
                name=name,
                title=cls.title,
                domains=tuple(cls.allowed_domains),
                start_urls=tuple(cls.start_urls),
                feeds=tuple(cls.feeds),
                selectors=bool(cls.article_links or cls.pagination),
            )
        )
    return out
