"""The one adapter between MkDocs (with Material and the i18n plugin) and the kgo package.

Only this module and the hook files in hooks/ know MkDocs: which edition a build is making, where
a page sits, whether this is an inner edition build of the i18n plugin or a preview, and where the
build's shared context lives. A move to another engine touches this layer only.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from kgo.build.context import BuildContext
from kgo.editions.model import EDITIONS, check_against_i18n

# theme.language of each edition (set per edition in mkdocs.yml) -> our edition code
EDITION_BY_THEME_LANGUAGE = {e.lang: e.code for e in EDITIONS}
_CONTEXT = "_kgo_context"  # attribute of the build's config that carries its BuildContext


def edition(config: Any) -> str:
    """The edition being built ("sr", "cyr" or "en")."""
    language = config.theme["language"]
    if language not in EDITION_BY_THEME_LANGUAGE:
        raise ValueError(f"theme.language {language!r} is not an edition; "
                         f"use one of {', '.join(EDITION_BY_THEME_LANGUAGE)} in mkdocs.yml")
    return EDITION_BY_THEME_LANGUAGE[language]


def page_path(page: Any) -> str:
    """Path of a page inside its language folder: 'sr/prirucnik/index.md' -> 'prirucnik/index.md'."""
    return file_path(page.file)


def file_path(file: Any) -> str:
    """The same for a file of the build."""
    src = file.src_uri
    first, _, rest = src.partition("/")
    return rest if first in {e.locale for e in EDITIONS} and rest else src


def is_inner_build(config: Any) -> bool:
    """True while the i18n plugin builds the editions after the first one."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(i18n.building)


def is_preview(config: Any) -> bool:
    """True under `mkdocs serve`, which builds into a fresh temporary folder named mkdocs_…"""
    site = Path(config.site_dir).resolve()
    return site.name.startswith("mkdocs_") and site.parent == Path(tempfile.gettempdir()).resolve()


class _Counter(logging.Handler):
    """Counts the warnings and errors MkDocs and the hooks log during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def build_context(config: Any) -> BuildContext:
    """The context of this build, made on first use and kept on the build's configuration (the
    i18n plugin builds every edition with the same configuration object)."""
    context = getattr(config, _CONTEXT, None)
    if context is None:
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        context = BuildContext(root=root, preview=is_preview(config))
        setattr(config, _CONTEXT, context)
        counter = _Counter()
        logging.getLogger("mkdocs").addHandler(counter)
        setattr(config, _CONTEXT + "_warnings", counter)
    return context


def warnings_so_far(config: Any) -> int:
    """Warnings and errors logged since this build began: a strict build that has any must not
    replace the last good site, though MkDocs only stops it after the last hook has run."""
    counter = getattr(config, _CONTEXT + "_warnings", None)
    return counter.count if counter is not None else 0


def edition_problems(config: Any) -> list[str]:
    """Differences between kgo's editions and the i18n plugin's languages in mkdocs.yml."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ["mkdocs.yml: the i18n plugin is missing; every edition is one of its languages"]
    return check_against_i18n((lang.locale, (lang.theme or {}).get("language", "")) for lang in i18n.config.languages)


def docs_fingerprint(docs_dir: str | Path) -> tuple:
    """Names, times and sizes of every Markdown page: a check that passed for the same fingerprint
    need not run again for the next edition of the same build."""
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(Path(docs_dir).rglob("*.md")))


def list_theme_once(config: Any, listings: dict[tuple[str, ...], list[str]]) -> None:
    """Let every edition of a build reuse one listing of the theme's files.

    MkDocs lists every file of the theme folders (Material ships some ten thousand icons) to find
    its static files, and the i18n plugin builds each edition anew: three walks over the same
    folders. The listing of each set of folders is kept in ``listings`` (the build context's), so
    the walk happens once per build. A preview is left alone: a template added while it runs must
    be seen."""
    theme = config.theme
    if is_preview(config) or getattr(theme, "_kgo_listed_once", False):
        return
    make_env = theme.get_env

    def get_env():
        env = make_env()
        loader = env.loader
        walk = loader.list_templates

        def list_templates() -> list[str]:
            key = tuple(dict.fromkeys(loader.searchpath))  # the i18n plugin adds its sitemap folder per edition
            if key not in listings:
                loader.searchpath = list(key)  # the same files, each folder walked once
                listings[key] = walk()
            return list(listings[key])

        loader.list_templates = list_templates
        return env

    theme.get_env = get_env
    theme._kgo_listed_once = True
